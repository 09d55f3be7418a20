import { getManyOperation } from '../staticList/recordOperations';
import { CAMPAIGN } from './common';

export const { description, execute } = getManyOperation(CAMPAIGN);

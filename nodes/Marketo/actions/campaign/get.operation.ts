import { getOperation } from '../staticList/recordOperations';
import { CAMPAIGN } from './common';

export const { description, execute } = getOperation(CAMPAIGN);

import { STATIC_LIST } from './common';
import { getManyOperation } from './recordOperations';

export const { description, execute } = getManyOperation(STATIC_LIST);

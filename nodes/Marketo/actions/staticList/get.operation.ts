import { STATIC_LIST } from './common';
import { getOperation } from './recordOperations';

export const { description, execute } = getOperation(STATIC_LIST);

import type { INodeProperties } from 'n8n-workflow';

import { EXPRESSION_HINT, readRecordFields, recordFieldProperties } from '../../helpers/recordFields';

export const leadRecordProperties = recordFieldProperties('lead', { loadOptionsMethod: 'getWritableLeadFields' });

export const readLeadRecord = readRecordFields;

export const lookupFieldOption: INodeProperties = {
	displayName: 'Lookup Field Name or ID',
	name: 'lookupField',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getLeadFilterTypes' },
	default: 'email',
	description: `Field that identifies an existing lead (Marketo defaults to email). ${EXPRESSION_HINT}.`,
};

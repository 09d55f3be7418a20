import type { INodeProperties } from 'n8n-workflow';

import { readRecordFields, recordFieldProperties } from '../../helpers/recordFields';

export const leadRecordProperties = recordFieldProperties('lead', { loadOptionsMethod: 'getWritableLeadFields' });

export const readLeadRecord = readRecordFields;

export const lookupFieldOption: INodeProperties = {
	displayName: 'Lookup Field Name or ID',
	name: 'lookupField',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getLeadFilterTypes' },
	default: 'email',
	description:
		'Field that identifies an existing lead (Marketo defaults to email). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

export const partitionNameOption: INodeProperties = {
	displayName: 'Partition Name or ID',
	name: 'partitionName',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getLeadPartitions' },
	default: '',
	description:
		'Lead partition to write to, on instances that use partitions. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

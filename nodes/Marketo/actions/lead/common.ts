import type { INodeProperties } from 'n8n-workflow';

export const leadFieldsProperty: INodeProperties = {
	displayName: 'Fields to Return',
	name: 'fields',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getLeadFields' },
	default: [],
	description:
		'Lead fields to return. Leave empty for ID, email, first name, last name, created and updated dates. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

export const leadIdProperty = (description: string): INodeProperties => ({
	displayName: 'Lead ID',
	name: 'leadId',
	type: 'string',
	required: true,
	default: '',
	placeholder: '318581',
	description,
});

export function readFields(value: unknown): string[] {
	return Array.isArray(value) ? value.map(String).filter(Boolean) : String(value ?? '').split(',').map((f) => f.trim()).filter(Boolean);
}

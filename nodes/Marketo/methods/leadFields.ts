import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { marketoCachedGet } from '../transport';

interface DescribedField {
	displayName?: string;
	dataType?: string;
	rest?: { name?: string; readOnly?: boolean };
}

interface Describe2 {
	searchableFields?: string[][];
	fields?: Array<{ name?: string; displayName?: string }>;
}

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

async function describedFields(ctx: ILoadOptionsFunctions): Promise<DescribedField[]> {
	const response = await marketoCachedGet<DescribedField>(ctx, '/rest/v1/leads/describe.json');
	return (response.result ?? []).filter((field) => field.rest?.name);
}

function toOption(field: DescribedField): INodePropertyOptions {
	const name = field.rest?.name as string;
	return { name: field.displayName ? `${field.displayName} (${name})` : name, value: name, description: field.dataType };
}

export async function getLeadFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await describedFields(this)).map(toOption).sort(byName);
}

export async function getWritableLeadFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await describedFields(this))
		.filter((field) => !field.rest?.readOnly)
		.map(toOption)
		.sort(byName);
}

/** Marketo's searchable fields (describe2): the fields Get Many can filter on and upserts can look up by. */
export async function getLeadFilterTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const response = await marketoCachedGet<Describe2>(this, '/rest/v1/leads/describe2.json');
	const describe = response.result?.[0];
	const displayNames = new Map((describe?.fields ?? []).map((field) => [field.name, field.displayName]));
	// Compound keys (several fields together) can't be used as one filterType.
	const searchable = (describe?.searchableFields ?? []).filter((key) => key.length === 1).map(([name]) => name);
	return [...new Set(searchable)]
		.map((name) => ({ name: displayNames.get(name) ? `${displayNames.get(name)} (${name})` : name, value: name }))
		.sort(byName);
}

/** Lead partitions (instances without partitions have just "Default"). */
export async function getLeadPartitions(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const response = await marketoCachedGet<{ name?: string; description?: string }>(this, '/rest/v1/leads/partitions.json');
	return (response.result ?? [])
		.filter((partition) => partition.name)
		.map((partition) => ({ name: partition.name as string, value: partition.name as string, description: partition.description }))
		.sort(byName);
}

/**
 * The object types of the emulated instance besides leads: Marketo's standard CRM objects and two
 * custom object types. One schema drives describe, sync, delete and query for every type
 * (shapes from the developer docs' pages on companies, opportunities, opportunity roles, named
 * accounts, sales persons and custom objects).
 */

export type ObjectDataType = 'string' | 'integer' | 'boolean' | 'currency' | 'datetime' | 'email';

export interface ObjectFieldSchema {
	name: string;
	displayName: string;
	dataType: ObjectDataType;
	length?: number;
	/** Marketo marks key and system fields `updateable: false`; dedupe fields are still written on create. */
	updateable: boolean;
}

export interface ObjectSchema {
	apiName: string;
	displayName: string;
	pluralName: string;
	description: string;
	/** Marketo's own key: an integer `id` (companies, sales persons) or a `marketoGUID`. */
	idField: 'id' | 'marketoGUID';
	/** The key for create and for dedupeBy=dedupeFields; several fields are a compound key. */
	dedupeFields: string[];
	/** Valid `filterType`s; a list of several fields is a compound key (POST _method=GET only). */
	searchableFields: string[][];
	fields: ObjectFieldSchema[];
}

const field = (name: string, displayName: string, dataType: ObjectDataType, updateable = true): ObjectFieldSchema => ({
	name,
	displayName,
	dataType,
	...(dataType === 'string' || dataType === 'email' ? { length: 255 } : {}),
	updateable,
});

function schema(
	apiName: string,
	displayName: string,
	pluralName: string,
	idField: ObjectSchema['idField'],
	dedupeFields: string[],
	searchable: string[][],
	fields: ObjectFieldSchema[],
): ObjectSchema {
	const id = idField === 'id' ? field('id', 'Id', 'integer', false) : field('marketoGUID', 'Marketo GUID', 'string', false);
	return {
		apiName,
		displayName,
		pluralName,
		description: `${displayName} object`,
		idField,
		dedupeFields,
		searchableFields: searchable,
		fields: [id, ...fields, field('createdAt', 'Created At', 'datetime', false), field('updatedAt', 'Updated At', 'datetime', false)],
	};
}

/** Standard objects by the path segment after /rest/v1/. */
export const STANDARD_OBJECTS: ReadonlyArray<{ segment: string; schema: ObjectSchema }> = [
	{
		segment: 'companies',
		schema: schema('company', 'Company', 'Companies', 'id', ['externalCompanyId'], [['externalCompanyId'], ['id'], ['company']], [
			field('externalCompanyId', 'External Company Id', 'string', false),
			field('company', 'Company Name', 'string'),
			field('industry', 'Industry', 'string'),
			field('website', 'Website', 'string'),
			field('numberOfEmployees', 'Num Employees', 'integer'),
			field('annualRevenue', 'Annual Revenue', 'currency'),
		]),
	},
	{
		segment: 'opportunities',
		schema: schema('opportunity', 'Opportunity', 'Opportunities', 'marketoGUID', ['externalOpportunityId'], [['externalOpportunityId'], ['marketoGUID']], [
			field('externalOpportunityId', 'External Opportunity Id', 'string', false),
			field('name', 'Name', 'string'),
			field('description', 'Description', 'string'),
			field('stage', 'Stage', 'string'),
			field('amount', 'Amount', 'currency'),
			field('isWon', 'Is Won', 'boolean'),
			field('externalCompanyId', 'External Company Id', 'string'),
		]),
	},
	{
		segment: 'opportunities/roles',
		schema: schema(
			'opportunityRole',
			'Opportunity Role',
			'Opportunity Roles',
			'marketoGUID',
			['externalOpportunityId', 'leadId', 'role'],
			[['externalOpportunityId', 'leadId', 'role'], ['marketoGUID'], ['leadId'], ['externalOpportunityId']],
			[
				field('externalOpportunityId', 'External Opportunity Id', 'string', false),
				field('leadId', 'Lead Id', 'integer', false),
				field('role', 'Role', 'string', false),
				field('isPrimary', 'Is Primary', 'boolean'),
			],
		),
	},
	{
		segment: 'namedaccounts',
		schema: schema('namedAccount', 'Named Account', 'Named Accounts', 'marketoGUID', ['name'], [['marketoGUID'], ['name'], ['domainName'], ['industry'], ['country']], [
			field('name', 'Name', 'string', false),
			field('domainName', 'Domain Name', 'string'),
			field('industry', 'Industry', 'string'),
			field('country', 'Country', 'string'),
			field('numberOfEmployees', 'Number Of Employees', 'integer'),
			field('annualRevenue', 'Annual Revenue', 'currency'),
		]),
	},
	{
		segment: 'salespersons',
		schema: schema('salesPerson', 'Sales Person', 'Sales Persons', 'id', ['externalSalesPersonId'], [['email'], ['id'], ['externalSalesPersonId']], [
			field('externalSalesPersonId', 'External Sales Person Id', 'string', false),
			field('email', 'Email', 'email'),
			field('firstName', 'First Name', 'string'),
			field('lastName', 'Last Name', 'string'),
		]),
	},
];

/** The emulated instance's custom object types (apiNames end in _c, as Marketo's do). */
export const CUSTOM_OBJECTS: readonly ObjectSchema[] = [
	schema('car_c', 'Car', 'Cars', 'marketoGUID', ['vin'], [['vin'], ['marketoGUID'], ['leadId']], [
		field('vin', 'VIN', 'string', false),
		field('make', 'Make', 'string'),
		field('model', 'Model', 'string'),
		field('year', 'Year', 'integer'),
		field('leadId', 'Lead Id', 'integer'),
	]),
	schema('subscription_c', 'Subscription', 'Subscriptions', 'marketoGUID', ['subscriptionId'], [['subscriptionId'], ['marketoGUID'], ['email']], [
		field('subscriptionId', 'Subscription Id', 'string', false),
		field('email', 'Email', 'email'),
		field('plan', 'Plan', 'string'),
		field('seats', 'Seats', 'integer'),
	]),
];

/** Fields Marketo returns when a query gives no `fields`: the id field, the dedupe fields and the timestamps. */
export function defaultFieldsOf(schema: ObjectSchema): string[] {
	return [schema.idField, ...schema.dedupeFields, 'updatedAt', 'createdAt'];
}

/** Fields Marketo maintains itself: never written from a record's input. */
export function isSystemField(schema: ObjectSchema, name: string): boolean {
	return name === schema.idField || name === 'createdAt' || name === 'updatedAt';
}

import { LEAD_FIELDS, type LeadField } from '../leads/leadFields';
import type { Route } from './route';

export const describeRoutes: Route[] = [
	{
		method: 'GET',
		path: '/rest/v1/leads/describe.json',
		// LeadAttribute in swagger-mapi.json
		handle: () => ({
			result: LEAD_FIELDS.map((f) => ({
				id: f.id,
				displayName: f.displayName,
				dataType: f.dataType,
				...lengthOf(f),
				rest: { name: f.name, readOnly: f.readOnly },
				soap: { name: soapName(f), readOnly: f.readOnly },
			})),
		}),
	},
	{
		method: 'GET',
		path: '/rest/v1/leads/describe2.json',
		// LeadAttribute2 in swagger-mapi.json: searchableFields is a list of field-name lists
		handle: () => ({
			result: [
				{
					name: 'API Lead',
					searchableFields: LEAD_FIELDS.filter((f) => f.searchable).map((f) => [f.name]),
					fields: LEAD_FIELDS.map((f) => ({
						name: f.name,
						displayName: f.displayName,
						dataType: f.dataType,
						...lengthOf(f),
						updateable: !f.readOnly,
						crmManaged: false,
					})),
				},
			],
		}),
	},
];

function lengthOf(field: LeadField): { length?: number } {
	return field.length === undefined ? {} : { length: field.length };
}

// SOAP names are the REST names in PascalCase; custom fields keep their API name.
function soapName(field: LeadField): string {
	return field.custom ? field.name : field.name[0].toUpperCase() + field.name.slice(1);
}

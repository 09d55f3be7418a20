/** The lead schema of the emulated instance; a lead record may hold only these fields (else 1006). */
export interface LeadField {
	id: number;
	name: string;
	displayName: string;
	dataType: 'integer' | 'string' | 'email' | 'phone' | 'boolean' | 'datetime';
	length?: number;
	readOnly: boolean;
	/** Usable as filterType and lookupField. */
	searchable: boolean;
	custom: boolean;
}

const field = (
	id: number,
	name: string,
	displayName: string,
	dataType: LeadField['dataType'],
	flags: { readOnly?: boolean; searchable?: boolean; custom?: boolean } = {},
): LeadField => ({
	id,
	name,
	displayName,
	dataType,
	...(['string', 'email', 'phone'].includes(dataType) ? { length: 255 } : {}),
	readOnly: flags.readOnly ?? false,
	searchable: flags.searchable ?? false,
	custom: flags.custom ?? false,
});

export const LEAD_FIELDS: readonly LeadField[] = [
	field(1, 'id', 'Id', 'integer', { readOnly: true, searchable: true }),
	field(2, 'email', 'Email Address', 'email', { searchable: true }),
	field(3, 'firstName', 'First Name', 'string'),
	field(4, 'lastName', 'Last Name', 'string'),
	field(5, 'company', 'Company Name', 'string'),
	field(6, 'phone', 'Phone Number', 'phone'),
	field(7, 'title', 'Job Title', 'string'),
	field(8, 'country', 'Country', 'string'),
	field(9, 'leadSource', 'Lead Source', 'string'),
	field(10, 'leadScore', 'Lead Score', 'integer'),
	field(11, 'unsubscribed', 'Unsubscribed', 'boolean'),
	field(12, 'createdAt', 'Created At', 'datetime', { readOnly: true }),
	field(13, 'updatedAt', 'Updated At', 'datetime', { readOnly: true }),
	field(1001, 'industryVertical__c', 'Industry Vertical', 'string', { searchable: true, custom: true }),
	field(1002, 'externalId__c', 'External Id', 'string', { searchable: true, custom: true }),
];

/** Returned by Get Lead(s) when `fields` is absent (swagger-mapi: getLeadByIdUsingGET). */
export const DEFAULT_LEAD_FIELDS = ['id', 'firstName', 'lastName', 'email', 'updatedAt', 'createdAt'] as const;

const byName = new Map(LEAD_FIELDS.map((f) => [f.name, f]));

export function leadField(name: string): LeadField | undefined {
	return byName.get(name);
}

/** A program member field, as Describe Program Member lists it. */
export interface MemberField {
	name: string;
	displayName: string;
	dataType: 'integer' | 'string' | 'boolean' | 'datetime';
	length?: number;
	/** Writable with Sync Program Member Data. */
	updateable: boolean;
	/** Usable as filterType of Get Program Members. */
	searchable: boolean;
	custom: boolean;
}

const field = (
	name: string,
	displayName: string,
	dataType: MemberField['dataType'],
	flags: { updateable?: boolean; searchable?: boolean; custom?: boolean } = {},
): MemberField => ({
	name,
	displayName,
	dataType,
	...(dataType === 'string' ? { length: 255 } : {}),
	updateable: flags.updateable ?? false,
	searchable: flags.searchable ?? false,
	custom: flags.custom ?? false,
});

/** Standard membership fields, and three custom program member fields (Admin > Field Management). */
export const MEMBER_FIELDS: readonly MemberField[] = [
	field('leadId', 'Lead Id', 'integer', { searchable: true }),
	field('programId', 'Program Id', 'integer'),
	field('statusName', 'Status Name', 'string', { searchable: true }),
	field('reachedSuccess', 'Reached Success', 'boolean', { searchable: true }),
	field('acquiredBy', 'Acquired By', 'boolean'),
	field('membershipDate', 'Membership Date', 'datetime'),
	field('updatedAt', 'Updated At', 'datetime'),
	field('registrationCode', 'Registration Code', 'string', { updateable: true, searchable: true, custom: true }),
	field('attendanceMinutes', 'Attendance Minutes', 'integer', { updateable: true, custom: true }),
	field('webinarUrl', 'Webinar URL', 'string', { updateable: true, custom: true }),
];

/** Every Get Program Members record carries these, whatever `fields` asks for (ProgramMember's required properties). */
export const ALWAYS_RETURNED = ['leadId', 'programId', 'reachedSuccess', 'acquiredBy', 'membershipDate'] as const;

export function memberField(name: string): MemberField | undefined {
	return MEMBER_FIELDS.find((candidate) => candidate.name === name);
}

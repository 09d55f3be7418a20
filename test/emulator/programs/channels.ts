/** A progression status of a channel: the statuses a program member may have. */
export interface ProgressionStatus {
	name: string;
	step: number;
	description: string | null;
	hidden: boolean;
	success: boolean;
}

/** A channel as Get Channels returns it. */
export interface Channel {
	id: number;
	name: string;
	applicableProgramType: 'program' | 'event' | 'nurture';
	progressionStatuses: ProgressionStatus[];
	createdAt: string;
	updatedAt: string;
}

const CREATED = '2023-06-01T12:00:00Z';

const status = (name: string, step: number, flags: { success?: boolean; hidden?: boolean } = {}): ProgressionStatus => ({
	name,
	step,
	description: null,
	hidden: flags.hidden ?? false,
	success: flags.success ?? false,
});

const channel = (id: number, name: string, applicableProgramType: Channel['applicableProgramType'], statuses: ProgressionStatus[]): Channel => ({
	id,
	name,
	applicableProgramType,
	progressionStatuses: statuses,
	createdAt: CREATED,
	updatedAt: CREATED,
});

/** The channels of the emulated instance; Webinar has a hidden (retired) status. */
export const CHANNELS: readonly Channel[] = [
	channel(1, 'Email Blast', 'program', [status('Not in Program', 0), status('Member', 10), status('Engaged', 20, { success: true })]),
	channel(2, 'Webinar', 'event', [
		status('Not in Program', 0),
		status('Invited', 10),
		status('Registered', 20),
		status('Waitlisted', 25, { hidden: true }),
		status('No Show', 30),
		status('Attended', 40, { success: true }),
		status('Attended On-demand', 40, { success: true }),
	]),
	channel(3, 'Tradeshow', 'event', [
		status('Not in Program', 0),
		status('Invited', 10),
		status('Visited Booth', 20),
		status('Influenced', 30, { success: true }),
	]),
	channel(4, 'Nurture', 'nurture', [status('Not in Program', 0), status('Member', 10), status('Engaged', 20, { success: true })]),
];

export function channelNamed(name: string): Channel | undefined {
	return CHANNELS.find((candidate) => candidate.name === name);
}

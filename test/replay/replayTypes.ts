import type { IDataObject, INodeParameters } from 'n8n-workflow';

/**
 * An answer Marketo gives, in order: a real response by id (served on its own route, `{id}`
 * segments matching any value), or a supporting answer written here for a call the real
 * responses do not cover (a last page, a job to cancel). Supporting answers never stand in for
 * what a replay proves: that is always a real response.
 */
export type ScriptedAnswer = string | SupportingAnswer;

export interface SupportingAnswer {
	/** "METHOD /path", `{name}` segments match any value. */
	route: string;
	body?: unknown;
	bodyText?: string;
	contentType?: string;
	status?: number;
}

/** A value in an expectation; a RegExp matches a string. Plain objects match the keys they name. */
export type Expected = RegExp | string | number | boolean | null | Expected[] | { [key: string]: Expected };

/** A REST call the node made, in order: "METHOD /path", or with what its query, body or token must hold. */
export type ExpectedCall = string | { call: string; query?: Record<string, string | RegExp>; body?: Expected; bearer?: string };

export interface ReplayExpectation {
	/** The node's output items (a dropdown's options), in order and exactly this many; each matches the keys it names. */
	items?: Expected[];
	/** For long outputs: how many items, and items that must be among them. */
	itemCount?: number;
	including?: Expected[];
	/** The node stopped with this error. */
	error?: RegExp;
	/** Binary output: the text of each item's `data` file, in order. */
	files?: string[];
	/** Every REST call the node made, in order (identity calls are counted apart). */
	calls?: ExpectedCall[];
	/** How many times the node asked identity for a token. */
	tokenRequests?: number;
}

export interface Replay {
	/** What the replay proves, read as a specification of Marketo's behaviour. */
	title: string;
	/** The real responses it serves and whose reading it checks. */
	replays: string[];
	/** The Marketo node's parameters. */
	parameters: INodeParameters;
	/** Open this dropdown (a loadOptions method) with the parameters, as the editor does, instead of running the node. */
	dropdown?: string;
	items?: IDataObject[];
	continueOnFail?: boolean;
	/** Marketo's REST answers, taken in order among those whose route matches the call. */
	answers: ScriptedAnswer[];
	/** Identity's answers, in order; afterwards a fresh token living an hour. */
	identity?: ScriptedAnswer[];
	expect: ReplayExpectation;
}

/** A real response the node has no operation to read, and why. */
export interface NotRead {
	id: string;
	reason: string;
}

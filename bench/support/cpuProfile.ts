import { Session, type Profiler } from 'node:inspector';

/** CPU time, in milliseconds, by whose code was running. */
export interface CpuTime {
	/** This package's code: nodes/Marketo and credentials. */
	node: number;
	/** n8n (n8n-core, n8n-workflow) and the libraries it runs on (luxon, axios...). */
	n8n: number;
}

/** Every 0.2 ms: a node run that costs a few milliseconds still gets samples enough. */
const SAMPLING_INTERVAL_US = 200;

/**
 * V8's sampling profiler on this process. A sample counts for the innermost frame that belongs
 * to a file (builtins such as JSON.stringify count for their caller); Node's own internals
 * (sockets, timers) count for neither.
 */
export class CpuProfile {
	private constructor(private readonly session: Session) {}

	static async start(): Promise<CpuProfile> {
		const session = new Session();
		session.connect();
		const profile = new CpuProfile(session);
		await profile.post('Profiler.enable');
		await profile.post('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
		await profile.post('Profiler.start');
		return profile;
	}

	async stop(): Promise<CpuTime> {
		const { profile } = (await this.post('Profiler.stop')) as Profiler.StopReturnType;
		this.session.disconnect();
		return attribute(profile);
	}

	private async post(method: string, params?: object): Promise<unknown> {
		return await new Promise((resolve, reject) => {
			this.session.post(method, params, (error, result) => (error ? reject(error) : resolve(result)));
		});
	}
}

function ownerOf(url: string): keyof CpuTime | undefined {
	if (/\/(nodes\/Marketo|credentials)\//.test(url)) return 'node';
	if (url.includes('/node_modules/')) return 'n8n';
	return undefined;
}

function attribute(profile: Profiler.Profile): CpuTime {
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const parentOf = new Map<number, number>();
	for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
	const owners = new Map<number, keyof CpuTime | undefined>();
	const ownerOfSample = (id: number): keyof CpuTime | undefined => {
		if (owners.has(id)) return owners.get(id);
		const { callFrame } = byId.get(id) as Profiler.ProfileNode;
		const parent = parentOf.get(id);
		const url = callFrame.url;
		const owner = url && !url.startsWith('node:') ? ownerOf(url) : parent === undefined ? undefined : ownerOfSample(parent);
		owners.set(id, owner);
		return owner;
	};
	const time: CpuTime = { node: 0, n8n: 0 };
	const deltas = profile.timeDeltas ?? [];
	(profile.samples ?? []).forEach((id, index) => {
		const owner = ownerOfSample(id);
		if (owner) time[owner] += (deltas[index] ?? 0) / 1000;
	});
	return time;
}

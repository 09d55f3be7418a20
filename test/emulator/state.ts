import type { CallLedger } from './callLedger';
import type { FaultQueue } from './faults';
import type { LeadStore } from './leads/LeadStore';
import type { TokenStore } from './tokens';
import type { EmulatorOptions } from './types';

/** What the request pipeline needs from the emulator. */
export interface EmulatorState {
	readonly options: Required<EmulatorOptions>;
	readonly tokens: TokenStore;
	readonly ledger: CallLedger;
	readonly faults: FaultQueue;
	readonly leads: LeadStore;
	sleep(ms: number): Promise<void>;
}

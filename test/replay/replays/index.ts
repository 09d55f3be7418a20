import type { NotRead, Replay } from '../replayTypes';
import { ACTIVITIES } from './activities';
import { ASSETS } from './assets';
import { BULK } from './bulk';
import { LEAD_READS } from './leadReads';
import { LEAD_WRITES } from './leadWrites';
import { LISTS } from './lists';
import { PROGRAMS_AND_CAMPAIGNS } from './programsAndCampaigns';
import { TRANSPORT } from './transport';

/** Every replay: which real responses it serves to which operation, and what the node must make of them. */
export const REPLAYS: Replay[] = [...LEAD_READS, ...LEAD_WRITES, ...LISTS, ...ACTIVITIES, ...PROGRAMS_AND_CAMPAIGNS, ...ASSETS, ...BULK, ...TRANSPORT];

/** Real responses no operation of the node reads, each with the reason. Every one of the 85 is read today. */
export const NOT_READ: NotRead[] = [];

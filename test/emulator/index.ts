export { MarketoEmulator } from './MarketoEmulator';
export type { EmulatorOptions, Fault, FaultEffect, Lead, LeadValue, MarketoError, RecordedCall, RefusedFor } from './types';
export { LeadStore, type LeadFields } from './leads/LeadStore';
export { DEFAULT_LEAD_FIELDS, LEAD_FIELDS, type LeadField } from './leads/leadFields';
export { API_USER_ID, DEFAULT_OPTIONS, GATES, LEAD_BATCH_LIMIT, bearerToken } from './rules';
export { marketoErrors } from './errors';
export { chicagoDay } from './chicagoDay';
export { ROUTES } from './routes';

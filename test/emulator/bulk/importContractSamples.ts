import type { MarketoEmulator } from '../MarketoEmulator';
import type { CallOptions } from '../testClient';
import { importsOf, type ImportKind } from './importJobs';
import { customObjectImport, leadImport, programMemberImport } from './importRows';
import { importUpload } from './importUploads';

export interface ImportContractSample extends CallOptions {
	path: string;
	/** Puts the state the call reads in place (a finished import job), on the sample's fresh emulator. */
	before?(emulator: MarketoEmulator): void;
	/** The answer is a file (CSV), not an envelope. */
	file?: true;
}

/** A finished job (batch 1001) of the given kind, with one failed row and one warning. */
function finishedJob(kind: ImportKind): (emulator: MarketoEmulator) => void {
	return (emulator) => {
		const queue = importsOf(emulator);
		const header = kind === 'customObject' ? ['vin', 'make', 'colour'] : ['email', 'firstName', 'colour'];
		const rows = kind === 'customObject' ? [['VIN-OK', 'Volvo', 'red'], ['', 'Kia', '']] : [['ok@example.com', 'Ok', 'red'], ['not-an-email', 'Bad', '']];
		const target = { leads: {}, customObject: { objectApiName: 'car_c' }, programMembers: { programId: 1001, programMemberStatus: 'Registered' } }[kind];
		const run = { leads: leadImport, customObject: customObjectImport, programMembers: programMemberImport }[kind](emulator, target);
		queue.submit({ kind, target, header, rows, run });
		queue.drain();
	};
}

const upload = importUpload('email,firstName\ncontract@example.com,Contract\n');

/** A request that succeeds for each bulk import route (contract.test.ts). */
export const IMPORT_CONTRACT_SAMPLES: Record<string, ImportContractSample> = {
	'POST /bulk/v1/leads.json': { path: '/bulk/v1/leads.json?format=csv&lookupField=email', ...upload },
	'GET /bulk/v1/leads/batch/{batchId}.json': { path: '/bulk/v1/leads/batch/1001.json', before: finishedJob('leads') },
	'GET /bulk/v1/leads/batch/{batchId}/failures.json': { path: '/bulk/v1/leads/batch/1001/failures.json', before: finishedJob('leads'), file: true },
	'GET /bulk/v1/leads/batch/{batchId}/warnings.json': { path: '/bulk/v1/leads/batch/1001/warnings.json', before: finishedJob('leads'), file: true },
	'POST /bulk/v1/customobjects/{apiName}/import.json': { path: '/bulk/v1/customobjects/car_c/import.json?format=csv', ...importUpload('vin,make\nVIN-C,Volvo\n') },
	'GET /bulk/v1/customobjects/{apiName}/import/{batchId}/status.json': { path: '/bulk/v1/customobjects/car_c/import/1001/status.json', before: finishedJob('customObject') },
	'GET /bulk/v1/customobjects/{apiName}/import/{batchId}/failures.json': { path: '/bulk/v1/customobjects/car_c/import/1001/failures.json', before: finishedJob('customObject'), file: true },
	'GET /bulk/v1/customobjects/{apiName}/import/{batchId}/warnings.json': { path: '/bulk/v1/customobjects/car_c/import/1001/warnings.json', before: finishedJob('customObject'), file: true },
	'POST /bulk/v1/program/{programId}/members/import.json': { path: '/bulk/v1/program/1001/members/import.json?format=csv&programMemberStatus=Registered', ...upload },
	'GET /bulk/v1/program/members/import/{batchId}/status.json': { path: '/bulk/v1/program/members/import/1001/status.json', before: finishedJob('programMembers') },
	'GET /bulk/v1/program/members/import/{batchId}/failures.json': { path: '/bulk/v1/program/members/import/1001/failures.json', before: finishedJob('programMembers'), file: true },
	'GET /bulk/v1/program/members/import/{batchId}/warnings.json': { path: '/bulk/v1/program/members/import/1001/warnings.json', before: finishedJob('programMembers'), file: true },
};

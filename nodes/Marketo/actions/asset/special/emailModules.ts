import { ItemInputError } from '../../../helpers/outcomes';
import { endpointCall, type AssetCall } from '../assetCall';
import { assetPath } from '../assetType';
import { EMAIL } from '../assetTypes';
import { integer, json, text, type Param } from '../params';
import { assetIdParam } from '../sharedOperations';

// Modules are the blocks of an Email 2.0 email (mktoModule in its template). The official file
// takes every module parameter but the positions in the query string.

const modulePath = (suffix: string) => assetPath(EMAIL.segment, `/{id}/content${suffix}`);

const moduleId = (description: string) => text('moduleId', 'Module ID', description, { required: true, in: 'path' });

const moduleName = (description: string) => text('moduleName', 'Module Name', description, { required: true, in: 'query', key: 'name' });

const plainIndex = integer('index', 'Index', 'Position of the module in the email, from 0 (the top)', { required: true, in: 'query' });
const moduleIndex: Param = {
	...plainIndex,
	value(source, itemIndex) {
		const index = plainIndex.value(source, itemIndex) as number;
		if (index < 0) throw new ItemInputError(itemIndex, 'Index', `${index} is not a position; positions count from 0`);
		return index;
	},
};

const positionsJson = json(
	'positions',
	'Positions',
	'Where each module goes, as a JSON list: [{"moduleId": "hero", "index": 0}, {"moduleId": "footer", "index": 1}]',
	{ required: true, shape: 'list' },
);

/** Each position names a module and a place from 0, as Marketo's rearrange reads them. */
const modulePositions: Param = {
	...positionsJson,
	value(source, itemIndex) {
		const positions = positionsJson.value(source, itemIndex) as unknown[];
		if (positions.length === 0) throw new ItemInputError(itemIndex, 'Positions', 'lists no module; give at least one {"moduleId", "index"}');
		positions.forEach((position, at) => {
			const { moduleId: id, index } = (typeof position === 'object' && position !== null ? position : {}) as Record<string, unknown>;
			if (typeof id !== 'string' || id.trim() === '' || !Number.isInteger(index) || (index as number) < 0) {
				throw new ItemInputError(itemIndex, 'Positions', `entry ${at} must be {"moduleId": "<module ID>", "index": <position from 0>}, got ${JSON.stringify(position)}`);
			}
		});
		return positions;
	},
};

/** `/email/{id}/content/{moduleId}/<verb>.json`, offered as "<Verb> Module". */
const moduleVerb = (verb: 'add' | 'delete' | 'duplicate' | 'rename', description: string, action: string, params: Param[], idempotent = false): AssetCall =>
	endpointCall({
		operation: `${verb}Module`,
		name: `${verb[0].toUpperCase()}${verb.slice(1)} Module`,
		description,
		action,
		method: 'POST',
		path: modulePath(`/{moduleId}/${verb}.json`),
		params: [assetIdParam(EMAIL, 'to change'), ...params],
		...(idempotent ? { idempotent } : {}),
	});

/** Email 2.0 modules: add, copy, rename, remove and reorder them (each makes a draft). */
export const EMAIL_MODULE_CALLS: AssetCall[] = [
	moduleVerb('add', 'Add a module of the email\'s template to an email, at a position (makes a draft)', 'Add a module to an email', [
		moduleId('ID of the module to add, as the email\'s template defines it'),
		moduleName('Name of the module'),
		moduleIndex,
	]),
	moduleVerb('delete', 'Remove a module from an email (makes a draft)', 'Delete a module of an email', [moduleId('ID of the module to remove')]),
	moduleVerb('duplicate', 'Copy a module of an email under a new name (makes a draft)', 'Duplicate a module of an email', [
		moduleId('ID of the module to copy'),
		moduleName('Name of the copy'),
	]),
	moduleVerb(
		'rename',
		'Give a module of an email a new name (makes a draft)',
		'Rename a module of an email',
		[moduleId('ID of the module to rename'), moduleName('New name of the module')],
		true,
	),
	endpointCall({
		operation: 'rearrangeModules',
		name: 'Rearrange Modules',
		description: 'Put the modules of an email in a new order (makes a draft)',
		action: 'Rearrange the modules of an email',
		method: 'POST',
		path: modulePath('/rearrange.json'),
		params: [assetIdParam(EMAIL, 'to change'), modulePositions],
		idempotent: true,
	}),
];

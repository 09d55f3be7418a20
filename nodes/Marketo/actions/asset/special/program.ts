import { endpointCall, type AssetCall } from '../assetCall';
import { assetPath } from '../assetType';
import { PROGRAM, SMART_CAMPAIGN } from '../assetTypes';
import { boolean, text } from '../params';
import { assetIdParam } from '../sharedOperations';

const includeRules = boolean('includeRules', 'Include Rules', 'Whether to return the filters and triggers of the smart list', { in: 'query' });

export const PROGRAM_CALLS: AssetCall[] = [
	endpointCall({
		operation: 'getByTag',
		name: 'Get by Tag',
		description: 'Get the programs that have a tag value (see Tag → Get Many for the tag types)',
		action: 'Get programs by tag',
		method: 'GET',
		path: assetPath(PROGRAM.segment, '/byTag.json'),
		params: [
			text('tagType', 'Tag Type', 'Name of the tag type, e.g. "Region"', { required: true, in: 'query' }),
			text('tagValue', 'Tag Value', 'Value of the tag, e.g. "EMEA"', { required: true, in: 'query' }),
		],
		paged: true,
	}),
	endpointCall({
		operation: 'getSmartList',
		name: 'Get Smart List',
		description: 'Get the smart list of a program, optionally with its rules',
		action: 'Get the smart list of a program',
		method: 'GET',
		path: assetPath(PROGRAM.segment, '/{programId}/smartList.json'),
		params: [{ ...assetIdParam(PROGRAM, 'whose smart list to get'), key: 'programId' }],
		optional: { name: 'options', displayName: 'Options', placeholder: 'Add Option', params: [includeRules] },
	}),
];

const campaignVerb = (operation: 'activate' | 'deactivate', description: string): AssetCall =>
	endpointCall({
		operation,
		name: operation === 'activate' ? 'Activate' : 'Deactivate',
		description,
		action: `${operation === 'activate' ? 'Activate' : 'Deactivate'} a smart campaign`,
		method: 'POST',
		path: assetPath(SMART_CAMPAIGN.segment, `/{id}/${operation}.json`),
		params: [assetIdParam(SMART_CAMPAIGN, `to ${operation}`)],
	});

export const SMART_CAMPAIGN_CALLS: AssetCall[] = [
	campaignVerb('activate', 'Activate a trigger campaign so it starts listening to its triggers; Marketo refuses (709) a batch or invalid campaign'),
	campaignVerb('deactivate', 'Deactivate a trigger campaign so it stops listening to its triggers'),
	endpointCall({
		operation: 'getSmartList',
		name: 'Get Smart List',
		description: 'Get the smart list of a smart campaign, optionally with its rules',
		action: 'Get the smart list of a smart campaign',
		method: 'GET',
		path: assetPath(SMART_CAMPAIGN.segment, '/{id}/smartList.json'),
		params: [assetIdParam(SMART_CAMPAIGN, 'whose smart list to get')],
		optional: { name: 'options', displayName: 'Options', placeholder: 'Add Option', params: [includeRules] },
	}),
];

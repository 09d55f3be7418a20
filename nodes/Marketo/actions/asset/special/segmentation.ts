import { endpointCall, type AssetCall } from '../assetCall';
import { assetPath } from '../assetType';
import { SEGMENTATION } from '../assetTypes';
import { statusOption } from '../params';
import { assetIdParam } from '../sharedOperations';

export const SEGMENTATION_CALLS: AssetCall[] = [
	endpointCall({
		operation: 'getSegments',
		name: 'Get Segments',
		description: 'List the segments of a segmentation (their IDs are what dynamic content is set per)',
		action: 'Get the segments of a segmentation',
		method: 'GET',
		path: assetPath(SEGMENTATION.segment, '/{id}/segments.json'),
		params: [assetIdParam(SEGMENTATION, 'whose segments to list')],
		optional: { name: 'filters', displayName: 'Filters', placeholder: 'Add Filter', params: [statusOption('Return only approved segments, or only drafts')] },
		paged: true,
	}),
];

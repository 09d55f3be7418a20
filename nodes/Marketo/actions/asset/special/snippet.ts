import { ItemInputError } from '../../../helpers/outcomes';
import { endpointCall, type AssetCall } from '../assetCall';
import { assetPath } from '../assetType';
import { SNIPPET } from '../assetTypes';
import { choice, integer, longText, statusOption, type Param } from '../params';
import { assetIdParam } from '../sharedOperations';

const snippetPath = (suffix: string) => assetPath(SNIPPET.segment, `/{id}${suffix}`);

// The official file puts a snippet's content in the query string, so it shares the 8 KB URI limit.
const MAX_QUERY_CONTENT = 6_000;

const plainContent = longText('content', 'Content', 'The new content of the snippet: HTML, or text', { required: true, in: 'query' });
const queryContent: Param = {
	...plainContent,
	value(source, itemIndex) {
		const value = plainContent.value(source, itemIndex) as string;
		if (Buffer.byteLength(encodeURIComponent(value)) > MAX_QUERY_CONTENT) {
			throw new ItemInputError(itemIndex, 'Content', `is too long for Marketo's snippet endpoint, which takes it in the URL (about ${MAX_QUERY_CONTENT} bytes once encoded)`);
		}
		return value;
	},
};

const HTML_OR_TEXT = [
	{ name: 'HTML', value: 'HTML' },
	{ name: 'Text', value: 'Text' },
];

/** Snippet: its content and its dynamic content (one version per segment). */
export const SNIPPET_CALLS: AssetCall[] = [
	endpointCall({
		operation: 'updateContent',
		name: 'Update Content',
		description: 'Replace the content of a snippet (makes a draft)',
		action: 'Update the content of a snippet',
		method: 'POST',
		path: snippetPath('/content.json'),
		params: [
			assetIdParam(SNIPPET, 'to update'),
			choice('type', 'Type', 'Whether the content is HTML or text', HTML_OR_TEXT, { required: true, in: 'query', default: 'HTML' }),
			queryContent,
		],
		idempotent: true,
	}),
	endpointCall({
		operation: 'getDynamicContent',
		name: 'Get Dynamic Content',
		description: 'Get the content a snippet shows to each segment',
		action: 'Get the dynamic content of a snippet',
		method: 'GET',
		path: snippetPath('/dynamicContent.json'),
		params: [assetIdParam(SNIPPET, 'whose dynamic content to get')],
		optional: { name: 'options', displayName: 'Options', placeholder: 'Add Option', params: [statusOption()] },
	}),
	endpointCall({
		operation: 'updateDynamicContent',
		name: 'Update Dynamic Content',
		description: 'Set the content a snippet shows to one segment',
		action: 'Update the dynamic content of a snippet',
		method: 'POST',
		path: snippetPath('/dynamicContent/{segmentId}.json'),
		params: [
			assetIdParam(SNIPPET, 'to update'),
			integer('segmentId', 'Segment ID', 'The segment whose content to set (see Segmentation → Get Segments)', { required: true, positive: true, in: 'path' }),
			choice('type', 'Type', 'Whether the content is HTML or text', HTML_OR_TEXT, { required: true, default: 'HTML' }),
			longText('value', 'Content', 'The content this segment sees', { required: true }),
		],
		idempotent: true,
	}),
];

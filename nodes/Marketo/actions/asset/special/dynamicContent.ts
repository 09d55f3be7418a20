import { endpointCall, type AssetCall, type OptionalParams } from '../assetCall';
import { assetPath, type AssetType } from '../assetType';
import { text, type Param } from '../params';
import { article, assetIdParam } from '../sharedOperations';

/** What differs between the dynamic content of emails and of landing pages (swagger-asset.json). */
interface DynamicContentShape {
	/** Where the section's ID shows in Get Content, for the field's description. */
	whereToFindId: string;
	readOptions: Param[];
	/** What one segment's version is set with, beside the segment's name. */
	update: Param[];
	updateOptional: Param[];
}

const segmentName = text('segment', 'Segment', 'Name of the segment whose version to set, e.g. "Default" (see Segmentation → Get Segments)', {
	required: true,
	placeholder: 'Default',
});

const optionalParams = (name: string, displayName: string, placeholder: string, params: Param[]): OptionalParams | undefined =>
	params.length > 0 ? { name, displayName, placeholder, params } : undefined;

/**
 * A dynamic content section shows one version per segment of its segmentation. Both emails and
 * landing pages read and write them at `/<segment>/{id}/dynamicContent/{contentId}.json`; a
 * section becomes dynamic through Update Content Section with type Dynamic Content.
 */
export function dynamicContentCalls(type: AssetType, shape: DynamicContentShape): AssetCall[] {
	const path = assetPath(type.segment, '/{id}/dynamicContent/{contentId}.json');
	const one = `${article(type.noun)} ${type.noun}`;
	const contentId = text('contentId', 'Dynamic Content ID', `ID of the dynamic content section: ${shape.whereToFindId}`, { required: true, in: 'path' });
	return [
		endpointCall({
			operation: 'getDynamicContent',
			name: 'Get Dynamic Content',
			description: `Get the version each segment sees of one dynamic content section of ${one}`,
			action: `Get the dynamic content of ${one}`,
			method: 'GET',
			path,
			params: [assetIdParam(type, 'whose section to read'), contentId],
			optional: optionalParams('options', 'Options', 'Add Option', shape.readOptions),
		}),
		endpointCall({
			operation: 'updateDynamicContent',
			name: 'Update Dynamic Content',
			description: `Set the version one segment sees of a dynamic content section of ${one} (makes a draft)`,
			action: `Update the dynamic content of ${one}`,
			method: 'POST',
			path,
			params: [assetIdParam(type, 'to update'), contentId, segmentName, ...shape.update],
			optional: optionalParams('additionalFields', 'Additional Fields', 'Add Field', shape.updateOptional),
			idempotent: true,
		}),
	];
}

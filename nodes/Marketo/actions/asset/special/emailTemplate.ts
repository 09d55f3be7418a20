import { endpointCall, type AssetCall } from '../assetCall';
import { assetPath } from '../assetType';
import { EMAIL_TEMPLATE, LANDING_PAGE_TEMPLATE } from '../assetTypes';
import { folderParam } from '../folderRef';
import { descriptionParam, nameParam } from '../params';
import { assetIdParam } from '../sharedOperations';
import { htmlContentOf, htmlContentProperties, uploadCall } from '../upload';

/** Templates take their HTML as a multipart `content` file (swagger-asset.json), from text or a binary property. */
const updateTemplateContent = (type: typeof EMAIL_TEMPLATE): AssetCall =>
	uploadCall({
		operation: 'updateContent',
		name: 'Update Content',
		description: `Replace the HTML of ${type === EMAIL_TEMPLATE ? 'an email' : 'a landing page'} template (replaces its draft)`,
		action: `Update the content of ${type === EMAIL_TEMPLATE ? 'an email' : 'a landing page'} template`,
		path: assetPath(type.segment, '/{id}/content.json'),
		params: [assetIdParam(type, 'to update')],
		fileField: 'content',
		fileProperties: htmlContentProperties('template'),
		file: htmlContentOf,
	});

export const EMAIL_TEMPLATE_CALLS: AssetCall[] = [
	uploadCall({
		operation: 'create',
		name: 'Create',
		description: 'Create an email template from HTML (text or a binary file)',
		action: 'Create an email template',
		path: assetPath(EMAIL_TEMPLATE.collection, '.json'),
		params: [nameParam('email template'), folderParam({ required: true, description: 'The folder to create the template in' })],
		optional: { name: 'additionalFields', displayName: 'Additional Fields', placeholder: 'Add Field', params: [descriptionParam('email template')] },
		fileField: 'content',
		fileProperties: htmlContentProperties('template'),
		file: htmlContentOf,
	}),
	updateTemplateContent(EMAIL_TEMPLATE),
	endpointCall({
		operation: 'getUsedBy',
		name: 'Get Used By',
		description: 'List the emails built from an email template',
		action: 'Get the emails that use an email template',
		method: 'GET',
		path: assetPath('emailTemplates', '/{id}/usedBy.json'),
		params: [assetIdParam(EMAIL_TEMPLATE, 'whose users to list')],
		paged: true,
	}),
];

export const LANDING_PAGE_TEMPLATE_CALLS: AssetCall[] = [updateTemplateContent(LANDING_PAGE_TEMPLATE)];

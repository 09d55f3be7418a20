import { endpointCall, type AssetCall } from './assetCall';
import { assetRef } from './assetLocator';
import { assetPath, type AssetType } from './assetType';
import { folderParam } from './folderRef';
import { descriptionParam, nameParam, text, type Param } from './params';

export const article = (noun: string) => (/^[aeiou]/i.test(noun) ? 'an' : 'a');

/** The asset an operation acts on: its locator, sent as `{id}` in the path. */
export function assetIdParam(type: AssetType, purpose: string): Param {
	return assetRef(type, 'assetId', type.displayName, `The ${type.noun} ${purpose}`, { in: 'path', key: 'id' });
}

const notFoundById = (type: AssetType) => ({
	field: type.displayName,
	problem: (values: Record<string, unknown>) => `no ${type.noun} with ID ${String(values.id)} exists in Marketo`,
});

/** Draft workflow verbs: approve the draft, unapprove (back to draft), discard the draft. */
function draftCalls(type: AssetType): AssetCall[] {
	const approval = type.approval;
	if (!approval) return [];
	const a = article(type.noun);
	const verb = (operation: string, name: string, pathVerb: string, description: string, action: string): AssetCall =>
		endpointCall({
			operation,
			name,
			description,
			action,
			method: 'POST',
			path: assetPath(type.segment, `/{id}/${pathVerb}.json`),
			params: [assetIdParam(type, `to ${name.toLowerCase()}`)],
		});
	return [
		verb(
			'approveDraft',
			'Approve Draft',
			approval.approve,
			type.resource === 'program'
				? 'Approve (activate) an email program so it sends at its scheduled time'
				: `Approve the draft of ${a} ${type.noun}, making it the live version; Marketo refuses (709) when there is no draft`,
			`Approve ${a} ${type.noun}`,
		),
		...(approval.unapprove
			? [verb('unapprove', 'Unapprove', 'unapprove', `Revert an approved ${type.noun} to draft; Marketo refuses (709) while it is in use`, `Unapprove ${a} ${type.noun}`)]
			: []),
		...(approval.discardDraft
			? [
					verb(
						'discardDraft',
						'Discard Draft',
						'discardDraft',
						`Throw away the unapproved changes of ${a} ${type.noun}, keeping the approved version`,
						`Discard the draft of ${a} ${type.noun}`,
					),
				]
			: []),
	];
}

/** The operations every asset type shares, as far as its row in the table says it has them. */
export function sharedCalls(type: AssetType): AssetCall[] {
	const calls: AssetCall[] = [];
	const a = article(type.noun);
	if (type.get) {
		calls.push(
			endpointCall({
				operation: 'get',
				name: 'Get',
				description: `Get ${a} ${type.noun} by its ID`,
				action: `Get ${a} ${type.noun}`,
				method: 'GET',
				path: assetPath(type.segment, '/{id}.json'),
				params: [assetIdParam(type, 'to get')],
				optional: type.get.options.length > 0 ? { name: 'options', displayName: 'Options', placeholder: 'Add Option', params: type.get.options } : undefined,
				notFound: notFoundById(type),
			}),
		);
	}
	if (type.getByName) {
		const key = type.getByName.key ?? 'name';
		calls.push(
			endpointCall({
				operation: 'getByName',
				name: 'Get by Name',
				description: `Get ${a} ${type.noun} by its exact name`,
				action: `Get ${a} ${type.noun} by name`,
				method: 'GET',
				path: assetPath(type.segment, '/byName.json'),
				params: [text('name', 'Name', `Exact name of the ${type.noun}`, { required: true, in: 'query', key })],
				optional:
					type.getByName.options.length > 0
						? { name: 'options', displayName: 'Options', placeholder: 'Add Option', params: type.getByName.options }
						: undefined,
				notFound: { field: 'Name', problem: (values) => `no ${type.noun} named "${String(values[key])}" exists in Marketo` },
			}),
		);
	}
	if (type.getMany) {
		calls.push(
			endpointCall({
				operation: 'getMany',
				name: 'Get Many',
				description: `Browse ${type.plural}${type.getMany.filters.length > 0 ? ', optionally filtered' : ''}`,
				action: `Get many ${type.plural}`,
				method: 'GET',
				path: assetPath(type.collection, '.json'),
				optional:
					type.getMany.filters.length > 0 ? { name: 'filters', displayName: 'Filters', placeholder: 'Add Filter', params: type.getMany.filters } : undefined,
				paged: type.getMany.paged,
			}),
		);
	}
	if (type.create) {
		calls.push(
			endpointCall({
				operation: 'create',
				name: 'Create',
				description: `Create ${a} ${type.noun}`,
				action: `Create ${a} ${type.noun}`,
				method: 'POST',
				path: assetPath(type.collection, '.json'),
				params: type.create.required,
				optional:
					type.create.optional.length > 0
						? { name: 'additionalFields', displayName: 'Additional Fields', placeholder: 'Add Field', params: type.create.optional }
						: undefined,
			}),
		);
	}
	if (type.update) {
		calls.push(
			endpointCall({
				operation: 'update',
				name: 'Update',
				description: `Update the metadata of ${a} ${type.noun} (on an approved one, this makes a draft)`,
				action: `Update ${a} ${type.noun}`,
				method: 'POST',
				path: assetPath(type.segment, '/{id}.json'),
				params: [assetIdParam(type, 'to update')],
				optional: { name: 'updateFields', displayName: 'Update Fields', placeholder: 'Add Field', params: type.update.fields },
				encoding: type.update.encoding,
				idempotent: true,
			}),
		);
	}
	if (type.clone) {
		calls.push(
			endpointCall({
				operation: 'clone',
				name: 'Clone',
				description: `Copy ${a} ${type.noun} under a new name into a folder or program`,
				action: `Clone ${a} ${type.noun}`,
				method: 'POST',
				path: assetPath(type.segment, '/{id}/clone.json'),
				params: [
					assetIdParam(type, 'to copy'),
					nameParam(type.noun),
					folderParam({ required: true, description: `The folder or program to put the copy in` }),
				],
				optional: { name: 'additionalFields', displayName: 'Additional Fields', placeholder: 'Add Field', params: [descriptionParam(type.noun), ...type.clone.optional] },
			}),
		);
	}
	if (type.delete) {
		calls.push(
			endpointCall({
				operation: 'delete',
				name: 'Delete',
				description: `Delete ${a} ${type.noun}${type.approval ? '; Marketo refuses (709) while it is approved or in use' : ''}`,
				action: `Delete ${a} ${type.noun}`,
				method: 'POST',
				path: assetPath(type.segment, '/{id}/delete.json'),
				params: [assetIdParam(type, 'to delete')],
			}),
		);
	}
	calls.push(...draftCalls(type));
	if (type.content) {
		calls.push(
			endpointCall({
				operation: 'getContent',
				name: 'Get Content',
				description: `Get the content of ${a} ${type.noun}`,
				action: `Get the content of ${a} ${type.noun}`,
				method: 'GET',
				path: assetPath(type.segment, `/{id}/${type.content.path}`),
				params: [assetIdParam(type, 'whose content to get')],
				optional: type.content.options.length > 0 ? { name: 'options', displayName: 'Options', placeholder: 'Add Option', params: type.content.options } : undefined,
			}),
		);
	}
	return calls;
}

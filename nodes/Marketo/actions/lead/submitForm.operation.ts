import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { forOperation } from '../../helpers/displayOptions';
import { eachItem } from '../../helpers/eachItem';
import { RecordRejectedError, type ItemOutcome } from '../../helpers/outcomes';
import { readRecordResult, type RecordResult } from '../../helpers/recordResult';
import { assertEmailShape, parseMarketoId, requirePresent } from '../../helpers/validation';
import { marketoApiRequestRaw } from '../../transport';
import { leadRecordProperties, readLeadRecord } from './leadRecord';

const properties: INodeProperties[] = [
	{
		displayName: 'Form ID',
		name: 'formId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '1029',
		description: 'ID of the Marketo form to submit (its fields must exist on the form)',
	},
	...leadRecordProperties,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{ displayName: 'Munchkin Cookie', name: 'cookie', type: 'string', default: '', description: 'The visitor\'s _mkto_trk cookie, to link their web activity' },
			{ displayName: 'Page URL', name: 'pageURL', type: 'string', default: '', description: 'Fully formed URL of the page that hosts the form' },
			{ displayName: 'Program ID', name: 'programId', type: 'string', default: '', description: 'Program to add the lead and program member custom fields to' },
			{ displayName: 'Query String', name: 'queryString', type: 'string', default: '', description: 'The page\'s query string, e.g. utm_source=linkedin&utm_campaign=spring' },
			{ displayName: 'Visitor IP Address', name: 'leadClientIpAddress', type: 'string', default: '', description: 'IPv4 address of the visitor, for inferred fields' },
			{ displayName: 'Visitor User Agent', name: 'userAgentString', type: 'string', default: '' },
		],
	},
];

export const description = forOperation('lead', 'submitForm', properties);

const VISITOR_FIELDS = ['pageURL', 'queryString', 'leadClientIpAddress', 'userAgentString'];

/** Marketo takes one submission per call. Submitting twice fills the form twice: not idempotent. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<ItemOutcome[]> {
	return await eachItem(
		this,
		items,
		(itemIndex) => {
			const formId = parseMarketoId(itemIndex, 'Form ID', this.getNodeParameter('formId', itemIndex));
			const leadFormFields = readLeadRecord(this, items[itemIndex], itemIndex);
			requirePresent(itemIndex, 'email', leadFormFields.email, 'Marketo form submissions are keyed on email');
			assertEmailShape(itemIndex, 'email', leadFormFields.email);
			const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
			const visitorData = Object.fromEntries(VISITOR_FIELDS.filter((key) => options[key]).map((key) => [key, options[key]]));
			const programId = options.programId ? parseMarketoId(itemIndex, 'Program ID', options.programId) : undefined;
			const submission: IDataObject = { leadFormFields };
			if (Object.keys(visitorData).length > 0) submission.visitorData = visitorData;
			if (options.cookie) submission.cookie = String(options.cookie);
			return { formId, ...(programId ? { programId } : {}), input: [submission] };
		},
		async (body, itemIndex) => {
			const response = await marketoApiRequestRaw<RecordResult>(this, { method: 'POST', path: '/rest/v1/leads/submitForm.json', body });
			const verdict = readRecordResult(itemIndex, response.result?.[0], ['created', 'updated']);
			if (verdict instanceof RecordRejectedError) throw verdict;
			return [{ formId: body.formId, ...verdict }];
		},
	);
}

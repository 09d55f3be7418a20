import { assetsOf } from '../emulator/assets/AssetStore';
import { callsTo, credentialStore, MARKETO_NODE, runMarketo, startEmulator } from './marketoWorkflow';

const API = '/rest/asset/v1';
const byId = (value: number | string) => ({ __rl: true, mode: 'id', value: String(value) });

async function instance() {
	const emulator = await startEmulator();
	return { emulator, store: credentialStore(emulator), assets: assetsOf(emulator) };
}

type FormField = { id: string; dataType?: string; fields?: string[]; rowNumber?: number; [key: string]: unknown };
const draftFields = (assets: ReturnType<typeof assetsOf>, id = 1001) => assets.get('form', id)?.draft?.fields as FormField[];

describe('Form → what forms can hold, and what uses a form', () => {
	it('Get Available Fields lists the lead fields forms take (their IDs are what Add Field takes), paged by offset', async () => {
		const { emulator, store } = await instance();
		const result = await runMarketo({ resource: 'form', operation: 'getAvailableFields', returnAll: false, limit: 3 }, { store });
		expect(result.output(MARKETO_NODE).map((item) => item.json.id)).toEqual(['Email', 'FirstName', 'LastName']);
		expect(callsTo(emulator, 'GET', `${API}/form/fields.json`)[0].query).toEqual({ offset: '0', maxReturn: '3' });

		const added = await runMarketo({ resource: 'form', operation: 'addField', assetId: byId(1001), fieldId: 'LeadScore' }, { store });
		expect(added.output(MARKETO_NODE)[0].json).toMatchObject({ id: 'LeadScore' });
	});

	it('Add Field with an ID forms cannot hold is refused (1003)', async () => {
		const { store } = await instance();
		const result = await runMarketo({ resource: 'form', operation: 'addField', assetId: byId(1001), fieldId: 'Favourite Colour' }, { store, continueOnFail: true });
		expect(result.output(MARKETO_NODE)[0].json.error).toContain("'Favourite Colour' is not a field forms can hold");
	});

	it('Get Available Program Member Fields lists the custom program member fields', async () => {
		const { store } = await instance();
		const result = await runMarketo({ resource: 'form', operation: 'getAvailableProgramMemberFields', returnAll: true }, { store });
		expect(result.output(MARKETO_NODE).map((item) => item.json.id)).toEqual(['registrationCode', 'attendanceMinutes', 'webinarUrl']);
	});

	it('Get Used By lists the landing pages that hold the form', async () => {
		const { store } = await instance();
		const result = await runMarketo({ resource: 'form', operation: 'getUsedBy', assetId: byId(1001), returnAll: true }, { store });
		expect(result.output(MARKETO_NODE).map((item) => item.json)).toEqual([
			{ id: 1001, name: 'Webinar Registration', type: 'LandingPage', status: 'approved', updatedAt: expect.any(String) },
		]);
	});
});

describe('Form → layout: field sets, rich text, visibility, positions', () => {
	it('adds a field set, moves a field into it, and deletes the field from the set', async () => {
		const { emulator, store, assets } = await instance();
		const set = await runMarketo({ resource: 'form', operation: 'addFieldSet', assetId: byId(1001), label: 'About you' }, { store });
		expect(set.output(MARKETO_NODE)[0].json).toMatchObject({ id: 'fieldset_1', label: 'About you', fields: [] });
		expect(callsTo(emulator, 'POST', `${API}/form/1001/fieldSet.json`)[0].body).toEqual({ label: 'About you' });

		const positions = [
			{ fieldName: 'Email', rowNumber: 0, columnNumber: 0 },
			{ fieldName: 'fieldset_1', rowNumber: 1, columnNumber: 0, fieldList: [{ fieldName: 'FirstName', rowNumber: 0, columnNumber: 0 }] },
		];
		await runMarketo({ resource: 'form', operation: 'rearrangeFields', assetId: byId(1001), positions: JSON.stringify(positions) }, { store });
		expect(callsTo(emulator, 'POST', `${API}/form/1001/reArrange.json`)[0].body).toEqual({ positions: JSON.stringify(positions) });
		expect(draftFields(assets).find((field) => field.id === 'fieldset_1')?.fields).toEqual(['FirstName']);

		await runMarketo({ resource: 'form', operation: 'removeFieldFromFieldSet', assetId: byId(1001), fieldSetId: 'fieldset_1', fieldId: 'FirstName' }, { store });
		expect(callsTo(emulator, 'POST', `${API}/form/1001/fieldSet/fieldset_1/field/FirstName/delete.json`)).toHaveLength(1);
		expect(draftFields(assets).map((field) => field.id)).toEqual(['Email', 'fieldset_1']);
	});

	it('adds rich text (sent as the `text` field)', async () => {
		const { emulator, store } = await instance();
		const result = await runMarketo({ resource: 'form', operation: 'addRichText', assetId: byId(1001), text: '<p>We respect your privacy.</p>' }, { store });
		expect(result.output(MARKETO_NODE)[0].json).toMatchObject({ dataType: 'htmltext', text: '<p>We respect your privacy.</p>' });
		expect(callsTo(emulator, 'POST', `${API}/form/1001/richText.json`)[0].body).toEqual({ text: '<p>We respect your privacy.</p>' });
	});

	it('a visibility rule travels as one JSON object {ruleType, rules} to /form/{formId}/field/{fieldId}/visibility.json', async () => {
		const { emulator, store, assets } = await instance();
		const rules = [{ subjectField: 'Email', operator: 'endsWith', values: ['@acme.example'], altLabel: 'Your first name' }];
		const result = await runMarketo({ resource: 'form', operation: 'addVisibilityRule', assetId: byId(1001), fieldId: 'FirstName', ruleType: 'show', rules: JSON.stringify(rules) }, { store });
		expect(result.output(MARKETO_NODE)[0].json).toEqual({ formFieldId: 'FirstName', ruleType: 'show', rules });
		expect(callsTo(emulator, 'POST', `${API}/form/1001/field/FirstName/visibility.json`)[0].body).toEqual({ visibilityRule: JSON.stringify({ ruleType: 'show', rules }) });
		expect(draftFields(assets).find((field) => field.id === 'FirstName')?.visibilityRules).toEqual({ ruleType: 'show', rules });

		await runMarketo({ resource: 'form', operation: 'addVisibilityRule', assetId: byId(1001), fieldId: 'FirstName', ruleType: 'alwaysShow', rules: 'ignored' }, { store });
		expect(callsTo(emulator, 'POST', `${API}/form/1001/field/FirstName/visibility.json`)[1].body).toEqual({ visibilityRule: '{"ruleType":"alwaysShow","rules":[]}' });
	});

	it('rules and positions that Marketo would refuse are named before any call, per item', async () => {
		const { emulator, store } = await instance();
		const rules = await runMarketo(
			{ resource: 'form', operation: 'addVisibilityRule', assetId: byId(1001), fieldId: 'FirstName', ruleType: 'hide', rules: '={{ $json.rules }}' },
			{ store, items: [{ rules: '[]' }, { rules: '[{"subjectField": "Email", "operator": "equals", "values": []}]' }, { rules: '[{"operator": "is", "values": []}]' }], continueOnFail: true },
		);
		const positions = await runMarketo(
			{ resource: 'form', operation: 'rearrangeFields', assetId: byId(1001), positions: '={{ $json.positions }}' },
			{ store, items: [{ positions: '[{"fieldName": "Email", "rowNumber": -1, "columnNumber": 0}]' }, { positions: '[{"fieldName": "set", "rowNumber": 0, "columnNumber": 0, "fieldList": [{"fieldName": "Email"}]}]' }], continueOnFail: true },
		);
		expect([...rules.output(MARKETO_NODE), ...positions.output(MARKETO_NODE)].map((item) => item.json.error)).toEqual([
			'Item 0, field "Rules": is empty; a "hide" rule needs at least one condition',
			expect.stringMatching(/^Item 1, field "Rules": rule 0: "equals" is not an operator \(is, isNot, /),
			'Item 2, field "Rules": rule 0 needs "subjectField": the ID of the field it looks at',
			'Item 0, field "Positions": entry 0 must be {"fieldName": "<field ID>", "rowNumber": <from 0>, "columnNumber": <from 0>}, got {"fieldName":"Email","rowNumber":-1,"columnNumber":0}',
			'Item 1, field "Positions": entry 0.fieldList entry 0 must be {"fieldName": "<field ID>", "rowNumber": <from 0>, "columnNumber": <from 0>}, got {"fieldName":"Email"}',
		]);
		expect(emulator.apiCalls()).toHaveLength(0);
	});

	it('Marketo refuses a rule on a field the form does not have (1003), and a field set position for a plain field (1003) with no position applied', async () => {
		const { store, assets } = await instance();
		const rule = await runMarketo(
			{ resource: 'form', operation: 'addVisibilityRule', assetId: byId(1001), fieldId: 'FirstName', ruleType: 'show', rules: '[{"subjectField": "Country", "operator": "is", "values": ["DE"]}]' },
			{ store, continueOnFail: true },
		);
		expect(rule.output(MARKETO_NODE)[0].json.error).toContain("subjectField 'Country' is not a field of the form");

		await runMarketo({ resource: 'form', operation: 'addRichText', assetId: byId(1001), text: '<p>Hi</p>' }, { store });
		const before = structuredClone(draftFields(assets));
		const moved = await runMarketo(
			{
				resource: 'form',
				operation: 'rearrangeFields',
				assetId: byId(1001),
				positions: JSON.stringify([
					{ fieldName: 'FirstName', rowNumber: 5, columnNumber: 0 },
					{ fieldName: 'Email', rowNumber: 1, columnNumber: 0, fieldList: [{ fieldName: 'FirstName', rowNumber: 0, columnNumber: 0 }] },
				]),
			},
			{ store, continueOnFail: true },
		);
		expect(moved.output(MARKETO_NODE)[0].json.error).toContain("fieldList is only valid for a field set; 'Email' is not one");
		expect(draftFields(assets)).toEqual(before);
	});
});

import { MarketoFailure, marketoErrors } from '../errors';
import { isRecord } from '../exchange';
import type { LeadStore } from '../leads/LeadStore';
import { marketoTimestamp } from '../leads/leadValues';
import { LEAD_BATCH_LIMIT } from '../rules';
import type { ActivityAttribute, ActivityStore } from './ActivityStore';
import { activityType, type ActivityType } from './activityTypes';

type Reason = { code: string; message: string };

// As real instances answer (Adobe's example): the record's failure under `errors`, not the `reasons` other writes use.
const skipped = (reason: Reason) => ({ status: 'skipped', errors: [reason] });

function checkedAttributes(type: ActivityType, attributes: unknown): ActivityAttribute[] | Reason {
	if (attributes === undefined) return [];
	if (!Array.isArray(attributes)) return marketoErrors.invalidData('attributes must be a list of {name, value}');
	const out: ActivityAttribute[] = [];
	for (const entry of attributes) {
		if (!isRecord(entry) || entry.value === undefined) return marketoErrors.invalidData('Each attribute needs a name (or apiName) and a value');
		const known = type.attributes.find(
			(attribute) => (entry.name !== undefined && attribute.name === entry.name) || (entry.apiName !== undefined && attribute.apiName === entry.apiName),
		);
		if (!known) return marketoErrors.fieldNotFound(String(entry.name ?? entry.apiName));
		out.push({ name: known.name, apiName: known.apiName, value: entry.value });
	}
	return out;
}

/**
 * Add Custom Activities: at most 300 per call (1003 past it). Each record needs an existing lead
 * (1004), an approved custom type (1003), a primary attribute value and a date; attributes must be
 * the type's. Results keep the input's order; good records are added even when others are skipped.
 * An added record is answered with its id and GUID only, as real instances do.
 */
export function addCustomActivities(body: unknown, leads: LeadStore, activities: ActivityStore): unknown[] {
	if (!isRecord(body) || !Array.isArray(body.input) || body.input.length === 0) throw new MarketoFailure(marketoErrors.missingParameter('input'));
	if (body.input.length > LEAD_BATCH_LIMIT) {
		throw new MarketoFailure(marketoErrors.invalidData(`${body.input.length} activities given; the maximum is ${LEAD_BATCH_LIMIT}`));
	}
	return body.input.map((raw: unknown) => {
		const record = isRecord(raw) ? raw : {};
		if (!Number.isInteger(record.leadId) || !leads.get(record.leadId as number)) return skipped(marketoErrors.leadNotFound());
		const type = activityType(Number(record.activityTypeId));
		if (!Number.isInteger(record.activityTypeId) || type?.custom?.status !== 'approved') {
			return skipped(marketoErrors.invalidData(`Invalid activityTypeId '${String(record.activityTypeId)}': not an approved custom activity type`));
		}
		if (typeof record.primaryAttributeValue !== 'string' || record.primaryAttributeValue === '') {
			return skipped(marketoErrors.missingParameter('primaryAttributeValue'));
		}
		const at = typeof record.activityDate === 'string' ? Date.parse(record.activityDate) : NaN;
		if (Number.isNaN(at)) return skipped(marketoErrors.invalidValueType(String(record.activityDate), 'Datetime'));
		const attributes = checkedAttributes(type, record.attributes);
		if (!Array.isArray(attributes)) return skipped(attributes);
		const added = activities.record({
			leadId: record.leadId as number,
			activityDate: marketoTimestamp(at),
			activityTypeId: type.id,
			primaryAttributeValue: record.primaryAttributeValue,
			attributes,
		});
		return { id: added.id, marketoGUID: added.marketoGUID, status: 'added' };
	});
}

import { RecordRejectedError } from '../../nodes/Marketo/helpers/outcomes';
import { readRecordResult, reasonsOf } from '../../nodes/Marketo/helpers/recordResult';

const SYNC = ['created', 'updated'];

describe('a write’s result for one record (one reader for every write)', () => {
	it('a documented success status is the record, without any reason keys', () => {
		expect(readRecordResult(0, { id: 5, status: 'created', errors: [] }, SYNC)).toEqual({ id: 5, status: 'created' });
	});

	it('reads the why wherever Marketo put it: reasons, errors (custom activities) or a singular reason (push)', () => {
		const under = (result: object) => (readRecordResult(3, { status: 'skipped', ...result }, SYNC) as RecordRejectedError).message;
		expect(under({ reasons: [{ code: '1004', message: 'Lead not found' }] })).toBe('Item 3: Marketo skipped this record (1004 Lead not found)');
		expect(under({ errors: [{ code: '1004', message: 'Lead not found' }] })).toBe('Item 3: Marketo skipped this record (1004 Lead not found)');
		expect(under({ reason: { code: '1006', message: "Field 'x' not found" } })).toBe("Item 3: Marketo skipped this record (1006 Field 'x' not found)");
	});

	it('an unknown status is not success: the item’s error, with Marketo’s code', () => {
		const verdict = readRecordResult(1, { id: 7, status: 'mystery', reasons: [{ code: '1099', message: 'Odd' }] }, SYNC);
		expect(verdict).toBeInstanceOf(RecordRejectedError);
		expect((verdict as RecordRejectedError).message).toBe('Item 1: Marketo answered "mystery" for this record (1099 Odd)');
		expect((verdict as RecordRejectedError).code).toBe('1099');
	});

	it('no status with reasons (Push Lead) is the item’s error; no result at all says so', () => {
		expect((readRecordResult(2, { id: 3525, reasons: [{ code: '501', message: 'Bad stuff happened' }] }, SYNC) as Error).message).toBe(
			'Item 2: Marketo gave no status for this record (501 Bad stuff happened)',
		);
		expect((readRecordResult(4, undefined, SYNC) as Error).message).toBe('Item 4: Marketo returned no result for this record');
	});

	it('a status that is success for one endpoint is not for another', () => {
		expect(readRecordResult(0, { id: 1, status: 'memberof' }, ['memberof', 'notmemberof'])).toEqual({ id: 1, status: 'memberof' });
		expect(readRecordResult(0, { id: 1, status: 'memberof' }, ['added'])).toBeInstanceOf(RecordRejectedError);
	});

	it('where no status list is documented, every status but a refusal is success; a missing status still is not', () => {
		const anyButRefusals = { anyBut: ['skipped', 'failed'] };
		expect(readRecordResult(0, { id: 1, status: 'Member' }, anyButRefusals)).toEqual({ id: 1, status: 'Member' });
		expect((readRecordResult(1, { id: 1, status: 'skipped', reasons: [{ code: '1004', message: 'Lead not found' }] }, anyButRefusals) as Error).message).toBe(
			'Item 1: Marketo skipped this record (1004 Lead not found)',
		);
		expect(readRecordResult(2, { id: 1 }, anyButRefusals)).toBeInstanceOf(RecordRejectedError);
	});

	it('codes become text, and entries that are not reasons are left out', () => {
		expect(reasonsOf({ reasons: [{ code: 1004, message: 'Lead not found' }, 'noise'], reason: null })).toEqual([{ code: '1004', message: 'Lead not found' }]);
	});

	it('the same verdict moves to another item that named the same record', () => {
		const verdict = readRecordResult(0, { status: 'skipped', reasons: [{ code: '1015', message: 'Lead not in list' }] }, ['removed']) as RecordRejectedError;
		expect(verdict.forItem(5).message).toBe('Item 5: Marketo skipped this record (1015 Lead not in list)');
		expect(RecordRejectedError.noResult(0).forItem(2).message).toBe('Item 2: Marketo returned no result for this record');
	});
});

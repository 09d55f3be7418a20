import { expectedSha256 } from '../../nodes/Marketo/actions/bulkExtract/exportJob';

const HEX = 'fac0cabc2352229c12e18b2fde03d1f24178bc71e9e926f520ae8d61bbe98c01';

describe('the SHA-256 a bulk export file must have', () => {
	it('reads Marketo’s "sha256:<hex>" and bare hex alike, in any case', () => {
		expect(expectedSha256(`sha256:${HEX}`)).toBe(HEX);
		expect(expectedSha256(HEX)).toBe(HEX);
		expect(expectedSha256(`SHA256:${HEX.toUpperCase()}`)).toBe(HEX);
	});

	it('leaves a checksum it cannot check unchecked (another algorithm, an odd length, nothing), rather than failing the file', () => {
		expect(expectedSha256('md5:9e107d9d372bb6826bd81d3542a419d6')).toBeUndefined();
		expect(expectedSha256('9e107d9d372bb6826bd81d3542a419d6')).toBeUndefined();
		expect(expectedSha256('sha256:not-hex')).toBeUndefined();
		expect(expectedSha256(undefined)).toBeUndefined();
		expect(expectedSha256('')).toBeUndefined();
	});
});

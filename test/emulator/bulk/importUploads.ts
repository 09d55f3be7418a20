import type { CallOptions } from '../testClient';

const BOUNDARY = '----emulatorImportBoundary7MA4YWxkTrZu0gW';

/** A bulk import upload as a client sends it: multipart/form-data with the file in the `file` part. */
export function importUpload(fileText: string, fileName = 'import.csv', contentType = 'text/csv'): Pick<CallOptions, 'rawBody' | 'headers'> {
	const rawBody = [
		`--${BOUNDARY}`,
		`Content-Disposition: form-data; name="file"; filename="${fileName}"`,
		`Content-Type: ${contentType}`,
		'',
		fileText,
		`--${BOUNDARY}--`,
		'',
	].join('\r\n');
	return { rawBody, headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` } };
}

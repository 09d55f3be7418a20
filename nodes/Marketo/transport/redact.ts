const REDACTED = '***';

/**
 * The client secret rides in the documented identity URL, so anything that may echo that URL
 * (errors from the HTTP layer, messages we build) passes through here before a user sees it.
 */
export function redactSecrets(text: string, secrets: Array<string | undefined>): string {
	let result = text;
	for (const secret of secrets) {
		if (!secret) continue;
		result = result.split(secret).join(REDACTED);
		const encoded = encodeURIComponent(secret);
		if (encoded !== secret) result = result.split(encoded).join(REDACTED);
	}
	return result.replace(/(client_secret=)[^&\s"']+/gi, `$1${REDACTED}`);
}

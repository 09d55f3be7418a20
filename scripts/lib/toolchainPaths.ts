/** Where the installed tools are: what `ensureToolchain` returns and every runner of them takes. */
export interface Toolchain {
	/** The Node 24 binary n8n and the e2e tools run on (the repository itself needs only Node 20). */
	node24: string;
	/** n8n's CLI entry; run it as `node24 n8nBin ...`. */
	n8nBin: string;
	/** Where n8n's own dependencies (bcryptjs, ...) resolve from. */
	n8nDir: string;
	prismCli: string;
	scannerModule: string;
}

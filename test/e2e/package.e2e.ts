import { missingFiles, scanLikeN8n, unexpectedFiles } from '../../scripts/lib/packageChecks';
import { E2eSession } from './support/session';
import { MARKETO_NODE_TYPE } from './support/workflows';

describe('the packed package, installed into n8n 2.41 from its tarball', () => {
	let session: E2eSession;

	beforeAll(async () => {
		session = await E2eSession.start();
	});

	afterAll(async () => {
		await session?.stop();
	});

	it('the tarball holds nothing but dist/, README.md, LICENSE and package.json (and the "main" file npm always adds)', () => {
		expect(unexpectedFiles(session.packed)).toEqual([]);
	});

	it('the tarball holds package.json, README.md, LICENSE and every node and credential package.json names', () => {
		expect(missingFiles(session.packed)).toEqual([]);
	});

	it("passes @n8n/scan-community-package's lint, on the source and on the tarball", async () => {
		const { source, tarball } = await scanLikeN8n(session.n8n.toolchain, session.packed, session.workDir);
		expect({ passed: source.passed, details: source.details ?? source.message }).toEqual({ passed: true, details: undefined });
		expect({ passed: tarball.passed, details: tarball.details ?? tarball.message }).toEqual({ passed: true, details: undefined });
	});

	it('n8n loads the Marketo node (and its AI-tool variant) and the Marketo Trigger, with the Marketo API credential', async () => {
		const ours = (await session.n8n.nodeTypes()).filter((type) => type.name.startsWith(`${session.packed.name}.`));

		expect(ours.sort((a, b) => a.name.localeCompare(b.name)).map(({ name, version, credentials }) => ({ name, version, credentials }))).toEqual([
			{ name: MARKETO_NODE_TYPE, version: 1, credentials: [{ name: 'marketoApi', required: true }] },
			{ name: `${MARKETO_NODE_TYPE}Tool`, version: 1, credentials: [{ name: 'marketoApi', required: true }] },
			{ name: `${session.packed.name}.marketoTrigger`, version: 1, credentials: [{ name: 'marketoApi', required: true }] },
		]);
	});
});

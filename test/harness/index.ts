export { CredentialStore } from './credential-store';
export type { StoredCredential, CredentialUpdate } from './credential-store';
export { HarnessCredentialsHelper } from './credentials-helper';
export { runWorkflow } from './run-workflow';
export type { RunWorkflowOptions, WorkflowRunResult } from './run-workflow';
export { START_NODE_TYPE, HarnessCredentialTypes, HarnessNodeTypes } from './types-registry';
export { bypassProxyForLoopback } from './environment';

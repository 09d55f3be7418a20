export { CredentialStore } from './credential-store';
export type { StoredCredential, CredentialUpdate } from './credential-store';
export { HarnessCredentialsHelper } from './credentials-helper';
export { runWorkflow } from './run-workflow';
export type { RunWorkflowOptions, WorkflowRunResult } from './run-workflow';
export { START_NODE_TYPE, HarnessCredentialTypes, HarnessNodeTypes } from './types-registry';
export { bypassProxyForLoopback } from './environment';
export { loadOptions } from './load-options';
export type { LoadOptionsRequest } from './load-options';

/** Time as the transport sees it; tests pass a fake one, the node binds n8n's `sleep`. */
export interface Clock {
	now(): number;
	sleep(ms: number): Promise<void>;
	random(): number;
}

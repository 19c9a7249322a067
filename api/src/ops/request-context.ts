import { AsyncLocalStorage } from 'node:async_hooks';

/** The request id travels with the async work of a request, so audit entries and logs can carry it. */
const storage = new AsyncLocalStorage<{ requestId: string }>();

export const runWithRequestId = <T>(requestId: string, fn: () => T): T => storage.run({ requestId }, fn);
export const currentRequestId = (): string | null => storage.getStore()?.requestId ?? null;

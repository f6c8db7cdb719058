import { ApiError } from './api/client.js';
import { getMe, type TvMe } from './api/tv.js';

/** The box's identity for this run: its token (from provisioning) and whom it belongs to. */
let token: string | null = null;
let me: Promise<TvMe> | undefined;

export function setDeviceToken(value: string | null): void {
  token = value;
  me = undefined;
}

export function hasDeviceToken(): boolean {
  return !!token;
}

/** Loaded once per run; a failed load is retried on the next call. */
export function loadMe(): Promise<TvMe> {
  me ??= getMe().catch((error: unknown) => {
    me = undefined;
    throw error;
  });
  return me;
}

/** The server does not know this box's token: it was never registered or was withdrawn. */
export function isUnregisteredError(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 401 || error.status === 403);
}

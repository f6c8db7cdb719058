import { api, type ApiClient } from './client.js';

/** Only "there was activity": never what is watched (broadcast-receiver privacy guideline). */
export type ActivityKind = 'heartbeat' | 'keys';

export function postActivity(kind: ActivityKind, client: ApiClient = api()): Promise<unknown> {
  return client.post('/watch/activity', { kind });
}

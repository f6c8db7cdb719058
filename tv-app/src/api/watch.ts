import { api, type ApiClient } from './client.js';
import type { BodyOf, ResponseOf, Schema } from './types.js';

type ActivityBody = BodyOf<'/api/watch/activity', 'post'>;

/** Only "there was activity": never what is watched (broadcast-receiver privacy guideline). */
export type ActivityKind = ActivityBody['kind'];

/** `at`: when it happened, for activity sent late because the server could not be reached. */
export function postActivity(kind: ActivityKind, at?: string, client: ApiClient = api()): Promise<unknown> {
  const body: ActivityBody = at === undefined ? { kind } : { kind, at };
  return client.post<ResponseOf<'/api/watch/activity', 'post'>>('/watch/activity', body);
}

/**
 * GET /api/watch/notices: `check` shows "お元気ですか？" full screen, `greeting` (when no check) a
 * greeting that asks nothing; `pending` are reminders due, not
 * yet confirmed and not missed, oldest first; `recent` is the お知らせ list, newest first.
 */
export type NoticesView = ResponseOf<'/api/watch/notices', 'get'>;

/**
 * One reminder. `dueLabel` says when it was due relative to today by the server (the box's clock is
 * not trusted); `late`: shown well after its time; `missed`: not confirmed in time, list only.
 */
export type Notice = NoticesView['recent'][number];

export const getNotices = (client: ApiClient = api()) => client.get<NoticesView>('/watch/notices');

export const confirmNotice = (id: number, client: ApiClient = api()) =>
  client.post<ResponseOf<'/api/watch/notices/{id}/confirm', 'post'>>(`/watch/notices/${id}/confirm`, {});

/** "留守にします": away until noon of the return date ('YYYY-MM-DD'). */
export const setAway = (returnDate: string, client: ApiClient = api()) => {
  const body: BodyOf<'/api/watch/away', 'post'> = { returnDate };
  return client.post<ResponseOf<'/api/watch/away', 'post'>>('/watch/away', body);
};

/**
 * Whether the household is away now and until when (`away.untilDate`, Tokyo), and the server's
 * Tokyo `today`: return dates count from it, not the box's clock.
 */
export type HouseholdAway = Schema<'HouseholdAway'>;

/** Whether the household is away now, and until when. */
export const getAway = (client: ApiClient = api()) => client.get<HouseholdAway>('/watch/away');

/** "帰りました": ends the running away periods now; pressed again it ends nothing. */
export const endAway = (client: ApiClient = api()) =>
  client.post<ResponseOf<'/api/watch/away/end', 'post'>>('/watch/away/end', {});

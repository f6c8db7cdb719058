import { api, type ApiClient } from './client.js';

/** Only "there was activity": never what is watched (broadcast-receiver privacy guideline). */
export type ActivityKind = 'heartbeat' | 'keys';

/** `at`: when it happened, for activity sent late because the server could not be reached. */
export function postActivity(kind: ActivityKind, at?: string, client: ApiClient = api()): Promise<unknown> {
  return client.post('/watch/activity', at === undefined ? { kind } : { kind, at });
}

export interface Notice {
  id: number;
  residentName: string;
  text: string;
  dueAt: string;
  /** When it was due, said relative to today by the server (the box's clock is not trusted). */
  dueLabel: string;
  /** Shown well after its time: say when it was due. */
  late: boolean;
  /** Not confirmed in time: list only, never full screen. */
  missed: boolean;
  confirmedAt: string | null;
}

export interface NoticesView {
  /** Show "お元気ですか？" full screen. */
  check: boolean;
  /** Reminders due, not yet confirmed and not missed, oldest first. */
  pending: Notice[];
  /** The お知らせ list, newest first. */
  recent: Notice[];
}

export const getNotices = (client: ApiClient = api()) => client.get<NoticesView>('/watch/notices');

export const confirmNotice = (id: number, client: ApiClient = api()) =>
  client.post<{ ok: boolean }>(`/watch/notices/${id}/confirm`, {});

/** "留守にします": away until noon of the return date ('YYYY-MM-DD'). */
export const setAway = (returnDate: string, client: ApiClient = api()) =>
  client.post<{ residents: number }>('/watch/away', { returnDate });

export interface HouseholdAway {
  /** The away period running now: its end, and the Tokyo date it ends ('YYYY-MM-DD'). */
  away: { until: string; untilDate: string } | null;
  /** The server's Tokyo date ('YYYY-MM-DD'): return dates count from it, not the box's clock. */
  today: string;
}

/** Whether the household is away now, and until when. */
export const getAway = (client: ApiClient = api()) => client.get<HouseholdAway>('/watch/away');

/** "帰りました": ends the running away periods now; pressed again it ends nothing. */
export const endAway = (client: ApiClient = api()) => client.post<{ ended: number }>('/watch/away/end', {});

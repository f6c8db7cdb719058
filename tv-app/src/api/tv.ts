import { api, type ApiClient } from './client.js';

export interface TvMe {
  household: { id: number; name: string };
  residents: Array<{ id: number; name: string; kana: string }>;
  hamlet: { id: number; name: string; hallName: string };
}

/** Who this box belongs to: the household, its residents and their hamlet. */
export function getMe(client: ApiClient = api()): Promise<TvMe> {
  return client.get<TvMe>('/tv/me');
}

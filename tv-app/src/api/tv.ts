import { api, type ApiClient } from './client.js';

export interface TvMe {
  household: { id: string; name: string };
  residents: Array<{ id: string; name: string; kana: string }>;
  hamlet: { id: string; name: string; hallName: string };
}

/** Who this box belongs to: the household, its residents and their hamlet. */
export function getMe(client: ApiClient = api()): Promise<TvMe> {
  return client.get<TvMe>('/tv/me');
}

import { api, type ApiClient } from './client.js';
import type { Schema } from './types.js';

export type TvMe = Schema<'HouseholdView'>;

/** Who this box belongs to: the household, its residents and their hamlet. */
export function getMe(client: ApiClient = api()): Promise<TvMe> {
  return client.get<TvMe>('/tv/me');
}

export const TOKEN_STORAGE_KEY = 'engawa.token';

export interface TokenStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface DeviceTokenResult {
  token: string | null;
  /** The address with `token` removed, to put back in the address bar; null when unchanged. */
  cleanedUrl: string | null;
}

/**
 * The cable operator provisions each box by opening the app once with `?token=`. The token is kept
 * in storage and taken out of the address so it does not linger in history or screenshots.
 */
export function readDeviceToken(href: string, store: TokenStore): DeviceTokenResult {
  const url = new URL(href);
  const fromUrl = url.searchParams.get('token')?.trim();
  if (url.searchParams.has('token')) {
    url.searchParams.delete('token');
    if (fromUrl) store.setItem(TOKEN_STORAGE_KEY, fromUrl);
    return { token: fromUrl || store.getItem(TOKEN_STORAGE_KEY), cleanedUrl: url.toString() };
  }
  return { token: store.getItem(TOKEN_STORAGE_KEY), cleanedUrl: null };
}

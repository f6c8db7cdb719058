import { describe, expect, it } from 'vitest';
import { readDeviceToken, TOKEN_STORAGE_KEY, type TokenStore } from './deviceToken.js';

function memoryStore(initial: Record<string, string> = {}): TokenStore & { data: Record<string, string> } {
  const data = { ...initial };
  return { data, getItem: (k) => data[k] ?? null, setItem: (k, v) => void (data[k] = v) };
}

describe('readDeviceToken', () => {
  it('stores a token from the address and removes it from the address', () => {
    const store = memoryStore();
    const result = readDeviceToken('http://box.local/app/?token=abc123&x=1#home', store);
    expect(result.token).toBe('abc123');
    expect(store.data[TOKEN_STORAGE_KEY]).toBe('abc123');
    expect(result.cleanedUrl).toBe('http://box.local/app/?x=1#home');
  });

  it('uses the stored token on later loads and leaves the address alone', () => {
    const store = memoryStore({ [TOKEN_STORAGE_KEY]: 'kept' });
    expect(readDeviceToken('http://box.local/#home', store)).toEqual({ token: 'kept', cleanedUrl: null });
  });

  it('replaces a stored token when the operator provisions a new one', () => {
    const store = memoryStore({ [TOKEN_STORAGE_KEY]: 'old' });
    expect(readDeviceToken('http://box.local/?token=new', store).token).toBe('new');
    expect(store.data[TOKEN_STORAGE_KEY]).toBe('new');
  });

  it('reports no token for a box never provisioned', () => {
    expect(readDeviceToken('http://box.local/?token=', memoryStore()).token).toBeNull();
    expect(readDeviceToken('http://box.local/', memoryStore()).token).toBeNull();
  });
});

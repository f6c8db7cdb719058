import { describe, expect, it } from 'vitest';
import { hashPassword, sha256, signToken, verifyPassword, verifySignedToken } from './crypto';

describe('crypto', () => {
  it('hashes passwords with scrypt and verifies them', async () => {
    const h = await hashPassword('秘密のパスワード');
    expect(h).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(await verifyPassword('秘密のパスワード', h)).toBe(true);
    expect(await verifyPassword('wrong', h)).toBe(false);
    expect(await verifyPassword('x', 'garbage')).toBe(false);
  });

  it('signs tokens and rejects tampered ones', () => {
    const t = signToken('secret-secret-secret', { a: 1, exp: 5 });
    expect(verifySignedToken('secret-secret-secret', t)).toEqual({ a: 1, exp: 5 });
    expect(verifySignedToken('other-secret-secret', t)).toBeNull();
    const [body, sig] = t.split('.');
    expect(verifySignedToken('secret-secret-secret', `${body}x.${sig}`)).toBeNull();
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

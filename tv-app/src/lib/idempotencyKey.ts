/**
 * A key for one thing the resident asks for (an order, a booking), kept while that same request is
 * resent, so a double press or a retry after a lost answer never buys or books twice. The box may
 * lack `crypto.randomUUID` (it needs a secure context), so random bytes are hex-encoded; without
 * `crypto` at all, `Math.random` still makes keys that differ, which is all a key must do.
 */
export function newIdempotencyKey(random: (n: number) => Uint8Array = randomBytes): string {
  return `tv-${Array.from(random(12), (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

function randomBytes(n: number): Uint8Array {
  const c = globalThis.crypto as Crypto | undefined;
  if (c && typeof c.getRandomValues === 'function') return c.getRandomValues(new Uint8Array(n));
  return Uint8Array.from({ length: n }, () => Math.floor(Math.random() * 256));
}

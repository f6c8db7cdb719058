import { RateLimiterMemory, type RateLimiterRes } from 'rate-limiter-flexible';
import { tooManyRequests } from '../lib/errors';

const WINDOW_S = 15 * 60;

/**
 * Login limits. Only failed attempts count (a success gives its attempt back), so a staff member
 * who logs in correctly is never limited, however often.
 *
 * - per login id and client address: 5 failures in 15 minutes, forgotten on a success there. This
 *   is the limit a password guesser on one machine meets.
 * - per client address: 30 failures in 15 minutes, whatever the login ids — a guesser trying many
 *   accounts.
 * - per login id, from all addresses: 50 failures in 15 minutes — a guesser spread over many
 *   machines. Anyone may fail logins for any id, so this limit could be used to lock a staff
 *   member out; it therefore never applies from an address where that login id has succeeded in
 *   the last 14 days, and it ends 15 minutes after the failures stop.
 *
 * In memory: one process serves the whole service, and a restart only resets the counters. The
 * address is `clientAddress()`: behind a reverse proxy, set TRUST_PROXY or every client is the proxy.
 */
export const LOGIN_LIMITS = {
  perLoginAndAddress: 5,
  perAddress: 30,
  perLogin: 50,
  windowMinutes: WINDOW_S / 60,
  // The limiter's expiry is a Node timer: at most 24.8 days.
  knownAddressDays: 14,
} as const;

export const LOGIN_LIMIT_MESSAGE = 'ログインの試行が多すぎます。15分ほど待ってからもう一度お試しください。';

export interface LoginAttempt {
  /** The password was right: give the attempt back and remember this address for this login id. */
  succeeded(): Promise<void>;
}

export function createLoginLimiter() {
  const perPair = new RateLimiterMemory({ points: LOGIN_LIMITS.perLoginAndAddress, duration: WINDOW_S });
  const perAddress = new RateLimiterMemory({ points: LOGIN_LIMITS.perAddress, duration: WINDOW_S });
  const perLogin = new RateLimiterMemory({ points: LOGIN_LIMITS.perLogin, duration: WINDOW_S });
  const knownPairs = new RateLimiterMemory({ points: 1, duration: LOGIN_LIMITS.knownAddressDays * 86400 });

  const spent = (res: RateLimiterRes | null, points: number) => (res?.consumedPoints ?? 0) >= points;

  /**
   * Refuses (429) when a limit is spent, otherwise counts the attempt as a failure up front — so
   * parallel guesses cannot all pass the check before the first one fails — until `succeeded()`.
   */
  return async function beginLoginAttempt(address: string, loginId: string): Promise<LoginAttempt> {
    const login = loginId.trim().toLowerCase();
    const pair = `${login}|${address}`;
    const [pairRes, addressRes, loginRes, known] = await Promise.all([
      perPair.get(pair),
      perAddress.get(address),
      perLogin.get(login),
      knownPairs.get(pair),
    ]);
    if (
      spent(pairRes, LOGIN_LIMITS.perLoginAndAddress) ||
      spent(addressRes, LOGIN_LIMITS.perAddress) ||
      (!known && spent(loginRes, LOGIN_LIMITS.perLogin))
    ) {
      throw tooManyRequests(LOGIN_LIMIT_MESSAGE);
    }
    await Promise.all([perPair.penalty(pair), perAddress.penalty(address), perLogin.penalty(login)]);
    return {
      async succeeded() {
        await Promise.all([
          perPair.delete(pair),
          perAddress.reward(address),
          perLogin.reward(login),
          knownPairs.set(pair, 0, LOGIN_LIMITS.knownAddressDays * 86400),
        ]);
      },
    };
  };
}

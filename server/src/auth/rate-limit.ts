import { RateLimiterMemory } from 'rate-limiter-flexible';
import { tooManyRequests } from '../lib/errors';

/**
 * Login attempts: 5 per login id and address per 15 minutes, 30 per address. In memory: one
 * process serves the whole service, and a restart only resets the counters.
 */
export function createLoginLimiter() {
  const perLogin = new RateLimiterMemory({ points: 5, duration: 15 * 60 });
  const perAddress = new RateLimiterMemory({ points: 30, duration: 15 * 60 });
  return async function consumeLoginAttempt(address: string, loginId: string): Promise<void> {
    try {
      await perAddress.consume(address);
      await perLogin.consume(`${address}|${loginId.toLowerCase()}`);
    } catch {
      throw tooManyRequests('ログインの試行が多すぎます。15分ほど待ってからもう一度お試しください。');
    }
  };
}

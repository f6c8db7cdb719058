import { eq } from 'drizzle-orm';
import type { Transporter } from 'nodemailer';
import { staffUsers } from '../../../db/src/schema';
import type { TestContext } from '../../../test/helpers/context';
import { deliverOutbox } from '../mail/outbox';
import { enrollResident, type EnrollInput } from './enroll-resident';
import { runWatchPass } from './run-watch-pass';

/** Test helpers for the watching scenarios (no mocks: real database, real SMTP). */
export function staffId(ctx: TestContext, loginId: string): number {
  return ctx.db.select().from(staffUsers).where(eq(staffUsers.loginId, loginId)).get()!.id;
}

export function enroll(
  ctx: TestContext,
  input: Omit<EnrollInput, 'residentId'> & { residentId?: number } = {},
) {
  enrollResident(ctx.db, { residentId: 1, ...input }, staffId(ctx, 'city'), ctx.clock.now());
}

/** Moves the clock in 5-minute job ticks, running the watch pass and the mail job at each. */
export async function runJobsFor(
  ctx: TestContext,
  minutes: number,
  transport: Transporter | null,
  eachTick?: () => Promise<void> | void,
) {
  for (let m = 0; m < minutes; m += 5) {
    ctx.clock.advance(5 * 60_000);
    await eachTick?.();
    runWatchPass(ctx.db, ctx.deps.config, ctx.clock.now());
    await deliverOutbox(ctx.deps, transport);
  }
}

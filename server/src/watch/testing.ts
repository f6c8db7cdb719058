import { eq } from 'drizzle-orm';
import type { Transporter } from 'nodemailer';
import { staffUsers, watchReminders, watchSettings, watchState } from '../../../db/src/schema';
import { createTestContext, type TestContext, type TestContextOptions } from '../../../test/helpers/context';
import { deliverOutbox } from '../mail/outbox';
import { enrollResident, type EnrollInput } from './enroll-resident';
import { runWatchPass } from './run-watch-pass';

/**
 * The demo data enrols most residents (server/src/watch/demo-seed.ts); the watching tests start from
 * nobody watched so each one enrols exactly the residents it is about.
 */
export async function watchTestContext(opts: TestContextOptions = {}): Promise<TestContext> {
  const ctx = await createTestContext(opts);
  await ctx.db.delete(watchReminders).run();
  await ctx.db.delete(watchState).run();
  await ctx.db.delete(watchSettings).run();
  return ctx;
}

/** Test helpers for the watching scenarios (no mocks: real database, real SMTP). */
export async function staffId(ctx: TestContext, loginId: string): Promise<number> {
  return (await ctx.db.select().from(staffUsers).where(eq(staffUsers.loginId, loginId)).get())!.id;
}

export async function enroll(
  ctx: TestContext,
  input: Omit<EnrollInput, 'residentId'> & { residentId?: number } = {},
) {
  await enrollResident(ctx.db, { residentId: 1, ...input }, await staffId(ctx, 'city'), ctx.clock.now());
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
    await runWatchPass(ctx.db, ctx.deps.config, ctx.clock.now());
    await deliverOutbox(ctx.deps, transport);
  }
}

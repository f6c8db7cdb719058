import { and, eq, isNull, sql } from 'drizzle-orm';
import { sqliteForReading, type Db, type Tx } from '../../../db/src';
import { watchAlerts, watchAlertSteps, watchState } from '../../../db/src/schema';
import type { Config } from '../config';
import { recordAudit, systemActor } from '../lib/audit';
import { enqueueMail } from '../mail/outbox';
import { decideWatchStep } from './detector/decide-watch-step';
import { nextCheckDue } from './detector/next-check-due';
import { LEARNING_TUNING, type RecipientTier, type WatchDecision } from './detector/types';
import { localDayIndex } from './detector/local-time';
import { nextTierJa, nextTierOf } from './next-tier';
import { recipientsFor, residentPeople, type ResidentPeople } from './alert-recipients';
import { composeAlertMail, composeRecoveryMail } from './compose-alert-mail';
import { issueAckLink } from './issue-ack-link';
import { loadWatchStates, type LoadedResident } from './load-watch-states';

export interface WatchPassResult {
  residents: number;
  greeted: number;
  asked: number;
  opened: number;
  escalated: number;
  recovered: number;
}

const BATCH = 500;

/**
 * The watching job: one detector decision per watched resident, each applied in its own
 * transaction. Steps are unique per (alert, step) and mails carry a dedupe key, so a pass that
 * is repeated after a crash or restart sends nothing twice; missed passes are caught up because
 * the decision depends only on the database and `now`.
 */
export async function runWatchPass(
  db: Db,
  config: Pick<Config, 'LINK_SECRET' | 'PUBLIC_BASE_URL'>,
  now: Date,
  residentIds?: number[],
): Promise<WatchPassResult> {
  const peopleCache = new Map<number, ResidentPeople | null>();
  const people = async (id: number) => {
    if (!peopleCache.has(id)) peopleCache.set(id, await residentPeople(db, id));
    return peopleCache.get(id) ?? null;
  };
  const loaded = await loadWatchStates(db, now, residentIds);
  const result: WatchPassResult = {
    residents: loaded.length,
    greeted: 0,
    asked: 0,
    opened: 0,
    escalated: 0,
    recovered: 0,
  };
  const ms = now.getTime();
  const sqlite = await sqliteForReading(db);
  // next_check_at is compare-and-set: activity recorded since the load cleared it and must win.
  const saveNextCheck = sqlite.prepare<[number | null, number, number | null, number | null]>(
    `UPDATE watch_state SET next_check_at = ?
     WHERE resident_id = ? AND last_sign_at IS ? AND last_heartbeat_at IS ?`,
  );
  // Batches keep each write transaction short, so heartbeats are not held up behind a pass.
  for (let i = 0; i < loaded.length; i += BATCH) {
    await db.transaction(async (tx) => {
      for (const r of loaded.slice(i, i + BATCH)) {
        // The detector that learns each resident's normal and greets before it asks (#15).
        const d = decideWatchStep(r.settings, r.state, ms, LEARNING_TUNING);
        if (d.kind !== 'none') await applyStep(tx, r, d, await people(r.residentId), config, now, result);
        // NULL means "every pass" (a TV on, an alert open): stored as such, so those rows are not
        // rewritten at each pass.
        const next = d.kind === 'none' ? nextCheckDue(r.settings, r.state, ms, LEARNING_TUNING) : ms;
        const due = next > ms ? next : null;
        if (due !== r.nextCheckAt) saveNextCheck.run(due, r.residentId, r.lastSignAt, r.lastHeartbeatAt);
      }
    });
  }
  return result;
}

async function applyStep(
  tx: Tx,
  r: LoadedResident,
  d: WatchDecision,
  people: ResidentPeople | null,
  config: Pick<Config, 'LINK_SECRET' | 'PUBLIC_BASE_URL'>,
  now: Date,
  result: WatchPassResult,
): Promise<void> {
  switch (d.kind) {
    case 'none':
      return;
    case 'greet':
      // A notice that asks nothing (the TV shows it from GET /api/watch/notices); a key answers it.
      await tx
        .update(watchState)
        .set({ greetedAt: now.getTime() })
        .where(eq(watchState.residentId, r.residentId))
        .run();
      await countAsked(tx, r.residentId, now);
      result.greeted++;
      return;
    case 'ask':
      await tx
        .update(watchState)
        .set({ checkAskedAt: now.getTime(), checkAttempt: d.attempt })
        .where(eq(watchState.residentId, r.residentId))
        .run();
      // A question after a greeting is the same episode, counted once when it began.
      if (d.attempt === 1 && r.state.greetedAt == null) await countAsked(tx, r.residentId, now);
      result.asked++;
      return;
    case 'open': {
      const alert = await tx
        .insert(watchAlerts)
        .values({
          residentId: r.residentId,
          condition: d.condition,
          reasonCode: d.reason.code,
          reasonJa: d.reason.ja,
          openedAt: now,
          step: 0,
          stepAt: now,
        })
        .onConflictDoNothing()
        .returning()
        .get();
      // Another pass opened one first: at most one open alert per resident.
      if (!alert) return;
      await tx
        .update(watchState)
        .set({ checkAskedAt: null, checkAttempt: null, greetedAt: null })
        .where(eq(watchState.residentId, r.residentId))
        .run();
      await notifyStep(
        tx,
        alert.id,
        0,
        d.tier,
        d.reason.ja,
        r,
        people,
        config,
        now,
        nextTierOf(d.condition, r.settings, 0),
      );
      await recordAudit(tx, now, systemActor, 'watch.alert.open', 'watch_alert', alert.id, {
        condition: d.condition,
      });
      result.opened++;
      return;
    }
    case 'escalate': {
      if (r.alertId === null) return;
      await tx
        .update(watchAlerts)
        .set({ step: d.step, stepAt: now })
        .where(and(eq(watchAlerts.id, r.alertId), isNull(watchAlerts.closedAt)))
        .run();
      if (
        await notifyStep(
          tx,
          r.alertId,
          d.step,
          d.tier,
          d.reason.ja,
          r,
          people,
          config,
          now,
          nextTierOf(d.condition, r.settings, d.step),
        )
      )
        result.escalated++;
      return;
    }
    case 'recover': {
      if (r.alertId === null) return;
      const closed = await tx
        .update(watchAlerts)
        .set({ closedAt: now, closeReason: 'recovered' })
        .where(and(eq(watchAlerts.id, r.alertId), isNull(watchAlerts.closedAt)))
        .run();
      if (closed.changes === 0) return;
      const steps = await tx
        .select()
        .from(watchAlertSteps)
        .where(eq(watchAlertSteps.alertId, r.alertId))
        .all();
      const told = new Set(steps.flatMap((s) => s.recipients));
      const everyone = [...(people?.contacts ?? []), ...(people?.supportWorkers ?? [])];
      for (const p of everyone) {
        if (!told.has(p.key) || !p.email) continue;
        const mail = composeRecoveryMail(
          p.name,
          people!.residentName,
          new Date(r.state.lastSignAt ?? now.getTime()),
        );
        await enqueueMail(
          tx,
          { dedupeKey: `watch:alert:${r.alertId}:recovered:${p.key}`, to: p.email, ...mail },
          now,
        );
      }
      await recordAudit(tx, now, systemActor, 'watch.alert.recover', 'watch_alert', r.alertId);
      result.recovered++;
      return;
    }
  }
}

/** One more greeting or check shown: how often this resident answers is learned from these. */
async function countAsked(tx: Tx, residentId: number, now: Date): Promise<void> {
  await tx.run(
    sql`INSERT INTO watch_normal (resident_id, day, runs, asked, answered)
        VALUES (${residentId}, ${localDayIndex(now.getTime())}, zeroblob(96), 1, 0)
        ON CONFLICT (resident_id) DO UPDATE SET asked = asked + 1`,
  );
}

/** Records the step once and mails its recipients; false if the step was already recorded. */
async function notifyStep(
  tx: Tx,
  alertId: number,
  step: number,
  tier: Parameters<typeof recipientsFor>[1],
  reasonJa: string,
  r: LoadedResident,
  people: ResidentPeople | null,
  config: Pick<Config, 'LINK_SECRET' | 'PUBLIC_BASE_URL'>,
  now: Date,
  next: RecipientTier | undefined,
): Promise<boolean> {
  const recipients = people ? recipientsFor(people, tier) : [];
  const inserted = await tx
    .insert(watchAlertSteps)
    .values({ alertId, step, tier: tier.kind, recipients: recipients.map((p) => p.key), at: now })
    .onConflictDoNothing()
    .run();
  if (inserted.changes === 0) return false;
  for (const p of recipients) {
    if (!p.email) continue;
    const link = await issueAckLink(
      tx,
      {
        alertId,
        contactId: p.contactId,
        staffId: p.staffId,
        secret: config.LINK_SECRET,
        baseUrl: config.PUBLIC_BASE_URL,
      },
      now,
    );
    const mail = composeAlertMail({
      recipientName: p.name,
      residentName: people!.residentName,
      reasonJa,
      link: link.url,
      expiresAt: link.expiresAt,
      escalateAfterMinutes: r.settings.escalateAfterMinutes,
      step,
      nextJa: nextTierJa(next),
    });
    await enqueueMail(
      tx,
      { dedupeKey: `watch:alert:${alertId}:step:${step}:${p.key}`, to: p.email, ...mail },
      now,
    );
  }
  return true;
}

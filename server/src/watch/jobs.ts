import { dailyJob, type JobDef } from '../jobs/scheduler';
import { mailMissedReminders } from './notices';
import { materializeReminders } from './reminders';
import { learnRhythms } from './learn-rhythms';
import { runWatchPass } from './run-watch-pass';
import { checkPlatformSilence, notePlatformPulse } from './platform-silence';
import { sendDailyMail } from './send-daily-mail';
import { publishOpenedAlerts } from './live-events';

export const watchJobs: JobDef[] = [
  // Listed first: at start the pulse must record the downtime before any pass judges silence.
  {
    name: 'watch.pulse',
    cron: '* * * * *',
    run: async ({ db, config, clock }) => await notePlatformPulse(db, config, clock.now()),
  },
  {
    name: 'watch.detect',
    cron: '*/5 * * * *',
    run: async (deps) => {
      const { db, config, clock } = deps;
      // The pass itself notes the pulse first, so it never judges a downtime it has not seen.
      await notePlatformPulse(db, config, clock.now());
      await checkPlatformSilence(db, config, clock.now());
      const now = clock.now();
      const result = await runWatchPass(db, config, now);
      if (result.opened > 0) await publishOpenedAlerts(deps, now);
      return result;
    },
  },
  // Yesterday's presence is folded into the learned rhythms once, just after midnight.
  { name: 'watch.learn-rhythms', cron: '5 0 * * *', run: ({ db, clock }) => learnRhythms(db, clock.now()) },
  {
    name: 'watch.reminders',
    cron: '* * * * *',
    run: async ({ db, clock }) => {
      const now = clock.now();
      return {
        created: await materializeReminders(db, now),
        missedMails: await mailMissedReminders(db, now),
      };
    },
  },
  // "Fine today" is only true once the day is over: never sent before 19:00, nor the next morning.
  dailyJob('watch.daily-mail', '19:00', async ({ db, clock }) => await sendDailyMail(db, clock.now())),
];

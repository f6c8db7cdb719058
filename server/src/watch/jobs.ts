import type { JobDef } from '../jobs/scheduler';
import { mailMissedReminders } from './notices';
import { materializeReminders } from './reminders';
import { runWatchPass } from './run-watch-pass';
import { sendDailyMail } from './send-daily-mail';

export const watchJobs: JobDef[] = [
  {
    name: 'watch.detect',
    cron: '*/5 * * * *',
    run: ({ db, config, clock }) => runWatchPass(db, config, clock.now()),
  },
  {
    name: 'watch.reminders',
    cron: '* * * * *',
    run: ({ db, clock }) => {
      const now = clock.now();
      return { created: materializeReminders(db, now), missedMails: mailMissedReminders(db, now) };
    },
  },
  { name: 'watch.daily-mail', cron: '0 19 * * *', run: ({ db, clock }) => sendDailyMail(db, clock.now()) },
];

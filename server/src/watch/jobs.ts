import type { JobDef } from '../jobs/scheduler';
import { mailMissedReminders } from './notices';
import { materializeReminders } from './reminders';
import { runWatchPass } from './run-watch-pass';

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
];

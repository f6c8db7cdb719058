import { dailyJob, type JobDef } from '../jobs/scheduler';
import { mailMissedReminders } from './notices';
import { materializeReminders } from './reminders';
import { learnRhythms } from './learn-rhythms';
import { runWatchPass } from './run-watch-pass';
import { sendDailyMail } from './send-daily-mail';

export const watchJobs: JobDef[] = [
  {
    name: 'watch.detect',
    cron: '*/5 * * * *',
    run: ({ db, config, clock }) => runWatchPass(db, config, clock.now()),
  },
  // Yesterday's presence is folded into the learned rhythms once, just after midnight.
  { name: 'watch.learn-rhythms', cron: '5 0 * * *', run: ({ db, clock }) => learnRhythms(db, clock.now()) },
  {
    name: 'watch.reminders',
    cron: '* * * * *',
    run: ({ db, clock }) => {
      const now = clock.now();
      return { created: materializeReminders(db, now), missedMails: mailMissedReminders(db, now) };
    },
  },
  // "Fine today" is only true once the day is over: never sent before 19:00, nor the next morning.
  dailyJob('watch.daily-mail', '19:00', ({ db, clock }) => sendDailyMail(db, clock.now())),
];

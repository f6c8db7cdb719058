import type { Transporter } from 'nodemailer';
import type { JobDef } from '../jobs/scheduler';
import { deliverOutbox } from './outbox';

export const mailJobs = (transport: Transporter | null): JobDef[] => [
  { name: 'mail.deliver', cron: '* * * * *', run: async (deps) => await deliverOutbox(deps, transport) },
];

import { z } from 'zod';
import { TokyoDateSchema } from '../../lib/tokyo';

const isoDate = TokyoDateSchema;

/**
 * Cut-off 11:00 in most sources, 10:30 in one (domain.md §1), so it is configuration. Extra closed
 * days cover e.g. the year-end break; open days let the city run on a public holiday.
 */
export const deliveryCalendarSettingsSchema = z.object({
  cutoff: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM'),
  /** Days of the week with delivery, 0 = Sunday … 6 = Saturday. */
  deliveryWeekdays: z.array(z.number().int().min(0).max(6)),
  observePublicHolidays: z.boolean(),
  /** Extra closed dates; these win over everything else. */
  closedDates: z.array(isoDate),
  /** Dates open despite a weekend or public holiday. */
  openDates: z.array(isoDate),
});

export type DeliveryCalendarSettings = z.infer<typeof deliveryCalendarSettingsSchema>;

export const defaultDeliveryCalendarSettings: DeliveryCalendarSettings = {
  cutoff: '11:00',
  deliveryWeekdays: [1, 2, 3, 4, 5],
  observePublicHolidays: true,
  closedDates: [],
  openDates: [],
};

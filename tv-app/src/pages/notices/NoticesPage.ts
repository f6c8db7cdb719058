import { createPlaceholderPage } from '../createPlaceholderPage.js';

/** Placeholder until the notices/reminders feature replaces it. */
export const NoticesPage = createPlaceholderPage('お知らせ');

import { createPlaceholderPage } from '../createPlaceholderPage.js';

/** Placeholder until the shared-taxi feature replaces it. */
export const TaxiPage = createPlaceholderPage('タクシー');

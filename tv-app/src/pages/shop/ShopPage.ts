import { createPlaceholderPage } from '../createPlaceholderPage.js';

/** Placeholder until the shopping feature replaces it. */
export const ShopPage = createPlaceholderPage('お買い物');

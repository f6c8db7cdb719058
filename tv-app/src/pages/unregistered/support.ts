/**
 * The cable operator's support number, built into the app: an unregistered box has no token (and
 * may not reach the server at all), so it cannot ask for it. Set VITE_SUPPORT_PHONE when building
 * for an operator; the default is the demo operator's.
 */
export const SUPPORT_PHONE: string = import.meta.env.VITE_SUPPORT_PHONE || '0265-78-4111';
/** When the call centre answers, said with the number. */
export const SUPPORT_HOURS: string = import.meta.env.VITE_SUPPORT_HOURS || '平日 9時から17時';

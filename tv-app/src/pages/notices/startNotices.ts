import { startNoticePolling } from './pollNotices.js';

/*
 * Imported once by the route registry so reminders and the "お元気ですか？" check appear over any
 * page from start-up. (Ideally main.ts would call startNoticePolling(); see docs/watching.md.)
 */
if (typeof window !== 'undefined') startNoticePolling();

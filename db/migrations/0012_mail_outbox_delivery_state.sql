PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_mail_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dedupe_key` text NOT NULL,
	`to` text NOT NULL,
	`subject` text NOT NULL,
	`text` text NOT NULL,
	`html` text,
	`created_at` integer NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`sent_at` integer,
	`last_error` text,
	`state` text DEFAULT 'queued' NOT NULL,
	`claimed_at` integer,
	CONSTRAINT "mail_outbox_state_ck" CHECK("state" IN ('queued', 'sending', 'unconfirmed', 'sent'))
);
--> statement-breakpoint
-- Hand-written: the new columns are derived (drizzle-kit selected them from the old table).
INSERT INTO `__new_mail_outbox`("id", "dedupe_key", "to", "subject", "text", "html", "created_at", "attempts", "next_attempt_at", "sent_at", "last_error", "state", "claimed_at") SELECT "id", "dedupe_key", "to", "subject", "text", "html", "created_at", "attempts", "next_attempt_at", "sent_at", "last_error", CASE WHEN "sent_at" IS NULL THEN 'queued' ELSE 'sent' END, NULL FROM `mail_outbox`;--> statement-breakpoint
DROP TABLE `mail_outbox`;--> statement-breakpoint
ALTER TABLE `__new_mail_outbox` RENAME TO `mail_outbox`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `mail_outbox_dedupe_uq` ON `mail_outbox` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `mail_outbox_state_due_idx` ON `mail_outbox` (`state`,`next_attempt_at`);
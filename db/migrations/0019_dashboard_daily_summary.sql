CREATE TABLE `dashboard_daily` (
	`scope` integer NOT NULL,
	`day` text NOT NULL,
	`key` text NOT NULL,
	`value` real NOT NULL,
	`list` text,
	PRIMARY KEY(`scope`, `day`, `key`)
);
--> statement-breakpoint
CREATE TABLE `dashboard_summary_state` (
	`id` integer PRIMARY KEY NOT NULL,
	`through` text NOT NULL,
	`computed_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `charges_occurred_idx` ON `charges` (`occurred_at`);--> statement-breakpoint
CREATE INDEX `debit_items_result_idx` ON `debit_items` (`result_at`);--> statement-breakpoint
CREATE INDEX `watch_alerts_opened_idx` ON `watch_alerts` (`opened_at`);--> statement-breakpoint
CREATE INDEX `watch_reminder_occurrences_due_idx` ON `watch_reminder_occurrences` (`due_at`);
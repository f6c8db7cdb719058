CREATE TABLE `watch_ack_tokens` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`alert_id` integer NOT NULL,
	`token_hash` text NOT NULL,
	`contact_id` integer,
	`staff_id` integer,
	`expires_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`alert_id`) REFERENCES `watch_alerts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contact_id`) REFERENCES `family_contacts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `watch_ack_tokens_tokenHash_unique` ON `watch_ack_tokens` (`token_hash`);--> statement-breakpoint
CREATE TABLE `watch_acks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`alert_id` integer NOT NULL,
	`token_id` integer,
	`staff_id` integer,
	`action` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`alert_id`) REFERENCES `watch_alerts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`token_id`) REFERENCES `watch_ack_tokens`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `watch_acks_token_action_uq` ON `watch_acks` (`token_id`,`action`);--> statement-breakpoint
CREATE TABLE `watch_alert_steps` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`alert_id` integer NOT NULL,
	`step` integer NOT NULL,
	`tier` text NOT NULL,
	`recipients` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`alert_id`) REFERENCES `watch_alerts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `watch_alert_steps_uq` ON `watch_alert_steps` (`alert_id`,`step`);--> statement-breakpoint
CREATE TABLE `watch_alerts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`resident_id` integer NOT NULL,
	`condition` text NOT NULL,
	`reason_code` text NOT NULL,
	`reason_ja` text NOT NULL,
	`opened_at` integer NOT NULL,
	`step` integer DEFAULT 0 NOT NULL,
	`step_at` integer NOT NULL,
	`acknowledged_at` integer,
	`closed_at` integer,
	`close_reason` text,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `watch_alerts_one_open_uq` ON `watch_alerts` (`resident_id`) WHERE closed_at IS NULL;--> statement-breakpoint
CREATE TABLE `watch_away` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`resident_id` integer NOT NULL,
	`from_at` integer NOT NULL,
	`until_at` integer NOT NULL,
	`source` text NOT NULL,
	`staff_id` integer,
	`cancelled_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `watch_away_resident_idx` ON `watch_away` (`resident_id`,`until_at`);--> statement-breakpoint
CREATE TABLE `watch_presence` (
	`resident_id` integer NOT NULL,
	`slot` integer NOT NULL,
	`flags` integer NOT NULL,
	PRIMARY KEY(`resident_id`, `slot`),
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `watch_reminder_occurrences` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reminder_id` integer NOT NULL,
	`resident_id` integer NOT NULL,
	`due_at` integer NOT NULL,
	`confirmed_at` integer,
	`missed_mail_at` integer,
	FOREIGN KEY (`reminder_id`) REFERENCES `watch_reminders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `watch_reminder_occurrences_uq` ON `watch_reminder_occurrences` (`reminder_id`,`due_at`);--> statement-breakpoint
CREATE INDEX `watch_reminder_occurrences_resident_idx` ON `watch_reminder_occurrences` (`resident_id`,`due_at`);--> statement-breakpoint
CREATE TABLE `watch_reminders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`resident_id` integer NOT NULL,
	`text` text NOT NULL,
	`recurrence` text NOT NULL,
	`time` text NOT NULL,
	`start_date` text NOT NULL,
	`notify_after_minutes` integer,
	`created_by_staff_id` integer,
	`created_by_contact_id` integer,
	`cancelled_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_staff_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_contact_id`) REFERENCES `family_contacts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `watch_settings` (
	`resident_id` integer PRIMARY KEY NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`consent_at` integer NOT NULL,
	`consent_staff_id` integer NOT NULL,
	`threshold_minutes` integer DEFAULT 1440 NOT NULL,
	`no_key_minutes` integer DEFAULT 360 NOT NULL,
	`quiet_start_minute` integer DEFAULT 1260 NOT NULL,
	`quiet_end_minute` integer DEFAULT 360 NOT NULL,
	`support_worker_first` integer DEFAULT true NOT NULL,
	`escalate_after_minutes` integer DEFAULT 60 NOT NULL,
	`daily_mail` integer DEFAULT false NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`consent_staff_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `watch_state` (
	`resident_id` integer PRIMARY KEY NOT NULL,
	`last_sign_at` integer,
	`last_heartbeat_at` integer,
	`check_asked_at` integer,
	`check_attempt` integer,
	`settled_at` integer,
	`rhythm` text,
	`rhythm_slot` integer,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action
);

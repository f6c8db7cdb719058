PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_watch_acks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`alert_id` integer NOT NULL,
	`token_id` integer,
	`staff_id` integer,
	`action` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`alert_id`) REFERENCES `watch_alerts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`token_id`) REFERENCES `watch_ack_tokens`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "watch_acks_action_ck" CHECK("action" IN ('reached', 'visiting', 'fine'))
);
--> statement-breakpoint
INSERT INTO `__new_watch_acks`("id", "alert_id", "token_id", "staff_id", "action", "at") SELECT "id", "alert_id", "token_id", "staff_id", "action", "at" FROM `watch_acks` WHERE "action" IN ('reached', 'visiting', 'fine');--> statement-breakpoint
-- Hand-written: an open alert "acknowledged" only by a bogus action (e.g. 'toString') escalates again.
UPDATE `watch_alerts` SET `acknowledged_at` = NULL WHERE `closed_at` IS NULL AND `acknowledged_at` IS NOT NULL AND `id` NOT IN (SELECT `alert_id` FROM `watch_acks` WHERE "action" IN ('reached', 'visiting', 'fine'));--> statement-breakpoint
DROP TABLE `watch_acks`;--> statement-breakpoint
ALTER TABLE `__new_watch_acks` RENAME TO `watch_acks`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `watch_acks_token_action_uq` ON `watch_acks` (`token_id`,`action`);
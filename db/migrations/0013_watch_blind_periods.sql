CREATE TABLE `watch_blind_periods` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reason` text NOT NULL,
	`from_at` integer NOT NULL,
	`until_at` integer,
	`heard` integer,
	`expected` integer,
	`created_at` integer NOT NULL,
	CONSTRAINT "watch_blind_periods_reason_ck" CHECK("reason" IN ('server_down', 'mass_silence'))
);
--> statement-breakpoint
CREATE INDEX `watch_blind_periods_until_idx` ON `watch_blind_periods` (`until_at`);
CREATE TABLE `watch_normal` (
	`resident_id` integer PRIMARY KEY NOT NULL,
	`day` integer NOT NULL,
	`runs` blob NOT NULL,
	`asked` real DEFAULT 0 NOT NULL,
	`answered` real DEFAULT 0 NOT NULL,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `watch_state` ADD `greeted_at` integer;
CREATE TABLE `watch_rhythm` (
	`resident_id` integer PRIMARY KEY NOT NULL,
	`rhythm` text NOT NULL,
	`learned_through_slot` integer NOT NULL,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
-- Keep what was learned (hand-added to the generated migration).
INSERT INTO `watch_rhythm` (`resident_id`, `rhythm`, `learned_through_slot`)
SELECT `resident_id`, `rhythm`, coalesce(`rhythm_slot`, 0) FROM `watch_state` WHERE `rhythm` IS NOT NULL;--> statement-breakpoint
ALTER TABLE `watch_state` DROP COLUMN `rhythm`;--> statement-breakpoint
ALTER TABLE `watch_state` DROP COLUMN `rhythm_slot`;
CREATE TABLE `watch_rhythm` (
	`resident_id` integer PRIMARY KEY NOT NULL,
	`day0` integer NOT NULL,
	`since` integer NOT NULL,
	`masks` blob NOT NULL,
	`learned_through_slot` integer NOT NULL,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
-- Keep what was learned: JSON masks to 3 big-endian bytes a day (hand-added to the generated file).
INSERT INTO `watch_rhythm` (`resident_id`, `day0`, `since`, `masks`, `learned_through_slot`)
SELECT `resident_id`, json_extract(`rhythm`, '$.day0'), json_extract(`rhythm`, '$.since'),
  (SELECT unhex(group_concat(printf('%06X', m.value), '' ORDER BY m.key)) FROM json_each(`rhythm`, '$.masks') m),
  coalesce(`rhythm_slot`, 0)
FROM `watch_state` WHERE `rhythm` IS NOT NULL;--> statement-breakpoint
ALTER TABLE `watch_state` DROP COLUMN `rhythm`;--> statement-breakpoint
ALTER TABLE `watch_state` DROP COLUMN `rhythm_slot`;
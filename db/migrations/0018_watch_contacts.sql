CREATE TABLE `watch_contacts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`resident_id` integer NOT NULL,
	`staff_id` integer NOT NULL,
	`kind` text NOT NULL,
	`outcome` text NOT NULL,
	`note` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "watch_contacts_kind_ck" CHECK("kind" IN ('call', 'visit')),
	CONSTRAINT "watch_contacts_outcome_ck" CHECK("outcome" IN ('fine', 'concern', 'no_answer'))
);
--> statement-breakpoint
CREATE INDEX `watch_contacts_resident_idx` ON `watch_contacts` (`resident_id`,`at`);
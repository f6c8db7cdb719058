CREATE TABLE `box_pairing_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`secret_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`box_id` integer,
	`paired_at` integer,
	`claimed_at` integer,
	FOREIGN KEY (`box_id`) REFERENCES `set_top_boxes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `box_pairing_requests_code_unique` ON `box_pairing_requests` (`code`);
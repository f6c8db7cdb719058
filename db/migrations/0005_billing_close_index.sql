PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_statement_lines` (
	`statement_id` integer NOT NULL,
	`charge_id` integer NOT NULL,
	PRIMARY KEY(`statement_id`, `charge_id`),
	FOREIGN KEY (`statement_id`) REFERENCES `statements`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_statement_lines`("statement_id", "charge_id") SELECT "statement_id", "charge_id" FROM `statement_lines`;--> statement-breakpoint
DROP TABLE `statement_lines`;--> statement-breakpoint
ALTER TABLE `__new_statement_lines` RENAME TO `statement_lines`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `charges_close_idx` ON `charges` (`month`,`household_id`,`kind`,`tax_rate`,`amount_yen`,`seller_id`,`order_id`);
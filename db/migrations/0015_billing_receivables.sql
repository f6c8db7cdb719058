CREATE TABLE `receivables` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`household_id` integer NOT NULL,
	`statement_id` integer NOT NULL,
	`month` text NOT NULL,
	`amount_yen` integer NOT NULL,
	`cause` text NOT NULL,
	`debit_item_id` integer,
	`result_code` integer,
	`state` text NOT NULL,
	`carried_into_month` text,
	`paid_method` text,
	`paid_on` text,
	`write_off_reason` text,
	`resolved_by` integer,
	`resolved_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`statement_id`) REFERENCES `statements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`debit_item_id`) REFERENCES `debit_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resolved_by`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `receivables_statement_uq` ON `receivables` (`statement_id`);--> statement-breakpoint
CREATE INDEX `receivables_state_household_idx` ON `receivables` (`state`,`household_id`);
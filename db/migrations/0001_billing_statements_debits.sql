CREATE TABLE `bank_accounts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`household_id` integer NOT NULL,
	`bank_code` text NOT NULL,
	`bank_name` text NOT NULL,
	`branch_code` text NOT NULL,
	`branch_name` text NOT NULL,
	`account_type` integer NOT NULL,
	`account_number` text NOT NULL,
	`holder_kana` text NOT NULL,
	`mandate_status` text NOT NULL,
	`mandate_since` text NOT NULL,
	`next_new_code` integer DEFAULT 1 NOT NULL,
	`stopped_reason` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bank_accounts_householdId_unique` ON `bank_accounts` (`household_id`);--> statement-breakpoint
CREATE TABLE `billing_closes` (
	`month` text PRIMARY KEY NOT NULL,
	`closed_at` integer NOT NULL,
	`ledger_total` integer NOT NULL,
	`ledger_count` integer NOT NULL,
	`statements_total` integer NOT NULL,
	`statement_count` integer NOT NULL,
	`goods_sales` integer NOT NULL,
	`payouts` integer NOT NULL,
	`commissions` integer NOT NULL,
	`report` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `debit_batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`month` text NOT NULL,
	`debit_date` text NOT NULL,
	`record_count` integer NOT NULL,
	`total_amount` integer NOT NULL,
	`request_file` blob NOT NULL,
	`created_at` integer NOT NULL,
	`imported_at` integer,
	`collected_count` integer,
	`collected_amount` integer,
	`failed_count` integer,
	`failed_amount` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `debit_batches_month_unique` ON `debit_batches` (`month`);--> statement-breakpoint
CREATE TABLE `debit_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`batch_id` integer NOT NULL,
	`household_id` integer NOT NULL,
	`statement_id` integer NOT NULL,
	`customer_number` text NOT NULL,
	`amount` integer NOT NULL,
	`new_code` integer NOT NULL,
	`status` text NOT NULL,
	`result_code` integer,
	`result_at` integer,
	`followed_up_at` integer,
	FOREIGN KEY (`batch_id`) REFERENCES `debit_batches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`statement_id`) REFERENCES `statements`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `debit_items_batch_household_uq` ON `debit_items` (`batch_id`,`household_id`);--> statement-breakpoint
CREATE INDEX `debit_items_household_idx` ON `debit_items` (`household_id`);--> statement-breakpoint
CREATE TABLE `seller_settlements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`seller_id` integer NOT NULL,
	`month` text NOT NULL,
	`sales` integer NOT NULL,
	`sales8` integer NOT NULL,
	`sales10` integer NOT NULL,
	`order_count` integer NOT NULL,
	`line_count` integer NOT NULL,
	`commission_bp` integer NOT NULL,
	`commission_net` integer NOT NULL,
	`commission_tax` integer NOT NULL,
	`payout` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`seller_id`) REFERENCES `sellers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `seller_settlements_seller_month_uq` ON `seller_settlements` (`seller_id`,`month`);--> statement-breakpoint
CREATE TABLE `statement_lines` (
	`charge_id` integer PRIMARY KEY NOT NULL,
	`statement_id` integer NOT NULL,
	FOREIGN KEY (`charge_id`) REFERENCES `charges`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`statement_id`) REFERENCES `statements`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `statement_lines_statement_idx` ON `statement_lines` (`statement_id`);--> statement-breakpoint
CREATE TABLE `statements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`household_id` integer NOT NULL,
	`month` text NOT NULL,
	`issued_on` text NOT NULL,
	`issuer_name` text NOT NULL,
	`issuer_reg_no` text NOT NULL,
	`recipient_name` text NOT NULL,
	`cable_customer_no` text NOT NULL,
	`total8` integer NOT NULL,
	`tax8` integer NOT NULL,
	`total10` integer NOT NULL,
	`tax10` integer NOT NULL,
	`charges_total` integer NOT NULL,
	`carried_over` integer NOT NULL,
	`amount_due` integer NOT NULL,
	`line_count` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `statements_household_month_uq` ON `statements` (`household_id`,`month`);--> statement-breakpoint
CREATE INDEX `statements_month_idx` ON `statements` (`month`);
ALTER TABLE `family_contacts` ADD `phone` text;--> statement-breakpoint
ALTER TABLE `products` ADD `kana` text;
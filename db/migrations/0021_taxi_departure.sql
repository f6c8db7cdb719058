ALTER TABLE `taxi_bookings` ADD `departed_at` integer;--> statement-breakpoint
ALTER TABLE `taxi_bookings` ADD `pickup_eta_at` integer;
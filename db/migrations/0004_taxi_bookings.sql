CREATE TABLE `driver_vehicles` (
	`staff_id` integer PRIMARY KEY NOT NULL,
	`vehicle_id` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`staff_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`vehicle_id`) REFERENCES `vehicles`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `taxi_bookings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`household_id` integer NOT NULL,
	`resident_id` integer NOT NULL,
	`rider_ids` text NOT NULL,
	`passengers` integer NOT NULL,
	`channel` text NOT NULL,
	`idempotency_key` text NOT NULL,
	`service_date` text NOT NULL,
	`time_kind` text NOT NULL,
	`requested_time` text NOT NULL,
	`pickup_label` text NOT NULL,
	`pickup_lat` real NOT NULL,
	`pickup_lon` real NOT NULL,
	`pickup_place_id` integer,
	`dropoff_label` text NOT NULL,
	`dropoff_lat` real NOT NULL,
	`dropoff_lon` real NOT NULL,
	`dropoff_place_id` integer,
	`vehicle_id` integer NOT NULL,
	`pickup_from` integer NOT NULL,
	`pickup_to` integer NOT NULL,
	`expected_arrival` integer NOT NULL,
	`latest_arrival` integer NOT NULL,
	`planned_pickup_at` integer NOT NULL,
	`planned_dropoff_at` integer NOT NULL,
	`direct_minutes` real NOT NULL,
	`fares` text NOT NULL,
	`status` text NOT NULL,
	`return_of_id` integer,
	`created_by_staff_id` integer,
	`created_at` integer NOT NULL,
	`picked_up_at` integer,
	`dropped_off_at` integer,
	`no_show_at` integer,
	`cancelled_at` integer,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`pickup_place_id`) REFERENCES `places`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`dropoff_place_id`) REFERENCES `places`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`vehicle_id`) REFERENCES `vehicles`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_staff_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `taxi_bookings_household_key_uq` ON `taxi_bookings` (`household_id`,`idempotency_key`);--> statement-breakpoint
CREATE INDEX `taxi_bookings_date_vehicle_idx` ON `taxi_bookings` (`service_date`,`vehicle_id`);--> statement-breakpoint
CREATE INDEX `taxi_bookings_household_date_idx` ON `taxi_bookings` (`household_id`,`service_date`);--> statement-breakpoint
CREATE TABLE `taxi_favourites` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`resident_id` integer NOT NULL,
	`place_id` integer NOT NULL,
	`sort` integer NOT NULL,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`place_id`) REFERENCES `places`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `taxi_favourites_resident_place_uq` ON `taxi_favourites` (`resident_id`,`place_id`);
CREATE TABLE `drone_daily_inspections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`drone_id` integer NOT NULL,
	`date` text NOT NULL,
	`place` text NOT NULL,
	`inspector_staff_id` integer NOT NULL,
	`inspector_name` text NOT NULL,
	`results` text NOT NULL,
	`passed` integer NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`drone_id`) REFERENCES `drones`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`inspector_staff_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `drone_daily_inspections_day_uq` ON `drone_daily_inspections` (`drone_id`,`date`);--> statement-breakpoint
CREATE TABLE `drone_flight_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`flight_id` integer NOT NULL,
	`at` integer NOT NULL,
	`status` text NOT NULL,
	`actor_type` text NOT NULL,
	`actor_id` integer,
	`note` text,
	FOREIGN KEY (`flight_id`) REFERENCES `drone_flights`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `drone_flight_events_flight_idx` ON `drone_flight_events` (`flight_id`,`at`);--> statement-breakpoint
CREATE TABLE `drone_flight_parcels` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`flight_id` integer NOT NULL,
	`order_id` integer NOT NULL,
	`weight_g` integer NOT NULL,
	`removed_at` integer,
	`removed_reason` text,
	FOREIGN KEY (`flight_id`) REFERENCES `drone_flights`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `drone_flight_parcels_flight_idx` ON `drone_flight_parcels` (`flight_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `drone_flight_parcels_active_uq` ON `drone_flight_parcels` (`order_id`) WHERE removed_at IS NULL;--> statement-breakpoint
CREATE TABLE `drone_flight_records` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`drone_id` integer NOT NULL,
	`flight_id` integer NOT NULL,
	`leg` text NOT NULL,
	`date` text NOT NULL,
	`pilot_name` text NOT NULL,
	`pilot_licence_no` text NOT NULL,
	`purpose` text NOT NULL,
	`route` text NOT NULL,
	`flight_method` text NOT NULL,
	`takeoff_place` text NOT NULL,
	`takeoff_at` integer NOT NULL,
	`landing_place` text NOT NULL,
	`landing_at` integer NOT NULL,
	`flight_sec` integer NOT NULL,
	`total_sec` integer NOT NULL,
	`safety_notes` text NOT NULL,
	`defects` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`drone_id`) REFERENCES `drones`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`flight_id`) REFERENCES `drone_flights`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `drone_flight_records_leg_uq` ON `drone_flight_records` (`flight_id`,`leg`);--> statement-breakpoint
CREATE INDEX `drone_flight_records_drone_idx` ON `drone_flight_records` (`drone_id`,`date`);--> statement-breakpoint
CREATE TABLE `drone_flights` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`delivery_date` text NOT NULL,
	`seq` integer NOT NULL,
	`drone_id` integer NOT NULL,
	`hamlet_id` integer NOT NULL,
	`status` text NOT NULL,
	`load_g` integer NOT NULL,
	`planned_depart_at` integer NOT NULL,
	`planned_return_at` integer NOT NULL,
	`launched_at` integer,
	`landed_at` integer,
	`returned_at` integer,
	`aborted_at` integer,
	`abort_reason` text,
	`pilot_staff_id` integer,
	`replan_of_flight_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`drone_id`) REFERENCES `drones`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`hamlet_id`) REFERENCES `hamlets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`pilot_staff_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `drone_flights_day_seq_uq` ON `drone_flights` (`delivery_date`,`seq`);--> statement-breakpoint
CREATE INDEX `drone_flights_drone_idx` ON `drone_flights` (`drone_id`,`delivery_date`);--> statement-breakpoint
CREATE TABLE `drone_maintenance_records` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`drone_id` integer NOT NULL,
	`date` text NOT NULL,
	`place` text NOT NULL,
	`performed_by` text NOT NULL,
	`work` text NOT NULL,
	`parts_replaced` text DEFAULT '' NOT NULL,
	`reason` text NOT NULL,
	`total_air_time_sec` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`drone_id`) REFERENCES `drones`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `drone_maintenance_drone_idx` ON `drone_maintenance_records` (`drone_id`,`date`);--> statement-breakpoint
CREATE TABLE `drone_pilots` (
	`staff_id` integer PRIMARY KEY NOT NULL,
	`licence_no` text NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`staff_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `drone_plan_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`delivery_date` text NOT NULL,
	`planned_at` integer NOT NULL,
	`actor_type` text NOT NULL,
	`actor_id` integer,
	`flights` integer NOT NULL,
	`by_drone` integer NOT NULL,
	`by_car` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `drone_plan_runs_deliveryDate_unique` ON `drone_plan_runs` (`delivery_date`);--> statement-breakpoint
CREATE TABLE `drone_route_waypoints` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`route_id` integer NOT NULL,
	`seq` integer NOT NULL,
	`lat` real NOT NULL,
	`lon` real NOT NULL,
	`alt_m` real NOT NULL,
	FOREIGN KEY (`route_id`) REFERENCES `drone_routes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `drone_route_waypoints_seq_uq` ON `drone_route_waypoints` (`route_id`,`seq`);--> statement-breakpoint
CREATE TABLE `drone_routes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`port_id` integer NOT NULL,
	`hamlet_id` integer NOT NULL,
	`length_m` real NOT NULL,
	`takeoff_alt_m` real DEFAULT 30 NOT NULL,
	`port_alt_amsl_m` real DEFAULT 800 NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`port_id`) REFERENCES `drone_ports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`hamlet_id`) REFERENCES `hamlets`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `drone_routes_hamlet_uq` ON `drone_routes` (`hamlet_id`);--> statement-breakpoint
CREATE TABLE `drone_weather_checks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`delivery_date` text NOT NULL,
	`hamlet_id` integer,
	`checked_at` integer NOT NULL,
	`checked_by_staff_id` integer NOT NULL,
	`ground_wind_takeoff_mps` real NOT NULL,
	`ground_wind_landing_mps` real NOT NULL,
	`bands` text NOT NULL,
	`rain` integer NOT NULL,
	`mode` text NOT NULL,
	`reasons` text NOT NULL,
	`resident_text` text NOT NULL,
	FOREIGN KEY (`hamlet_id`) REFERENCES `hamlets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`checked_by_staff_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `drone_weather_checks_day_idx` ON `drone_weather_checks` (`delivery_date`,`checked_at`);
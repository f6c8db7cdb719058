-- Before this index two drivers could hold one vehicle; keep only its latest holder.
DELETE FROM `driver_vehicles` WHERE EXISTS (SELECT 1 FROM `driver_vehicles` AS `newer` WHERE `newer`.`vehicle_id` = `driver_vehicles`.`vehicle_id` AND (`newer`.`updated_at` > `driver_vehicles`.`updated_at` OR (`newer`.`updated_at` = `driver_vehicles`.`updated_at` AND `newer`.`staff_id` > `driver_vehicles`.`staff_id`)));--> statement-breakpoint
CREATE UNIQUE INDEX `driver_vehicles_vehicle_uq` ON `driver_vehicles` (`vehicle_id`);

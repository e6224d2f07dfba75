ALTER TABLE `memberships` ADD `email` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `memberships` ADD `name` text;--> statement-breakpoint
ALTER TABLE `memberships` ADD `availability` text DEFAULT 'online' NOT NULL;--> statement-breakpoint
ALTER TABLE `memberships` ADD `last_active_at` text;--> statement-breakpoint
-- The member list shows who each member is: copy it from their user.
UPDATE `memberships` SET `email` = (SELECT `email` FROM `users` WHERE `users`.`id` = `memberships`.`user_id`), `name` = (SELECT `name` FROM `users` WHERE `users`.`id` = `memberships`.`user_id`);

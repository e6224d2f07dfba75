CREATE TABLE `api_key_usage` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`key_id` text NOT NULL,
	`day` text NOT NULL,
	`requests` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`key_id`) REFERENCES `api_keys`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_key_usage_key_day` ON `api_key_usage` (`key_id`,`day`);--> statement-breakpoint
CREATE INDEX `api_key_usage_org_day` ON `api_key_usage` (`org_id`,`day`);--> statement-breakpoint
ALTER TABLE `api_keys` ADD `rate_limit` integer DEFAULT 600 NOT NULL;
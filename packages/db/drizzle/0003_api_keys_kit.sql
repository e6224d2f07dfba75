ALTER TABLE `api_keys` ADD `description` text;--> statement-breakpoint
ALTER TABLE `api_keys` ADD `last4` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `api_keys` ADD `scope` text DEFAULT 'full' NOT NULL;
CREATE TABLE `lifecycle_stages` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`name` text NOT NULL COLLATE NOCASE,
	`color` text NOT NULL,
	`position` integer NOT NULL,
	`is_default` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `lifecycle_stages_org_name` ON `lifecycle_stages` (`org_id`,`name`);--> statement-breakpoint
CREATE INDEX `lifecycle_stages_org_position` ON `lifecycle_stages` (`org_id`,`position`);--> statement-breakpoint
CREATE UNIQUE INDEX `lifecycle_stages_org_default` ON `lifecycle_stages` (`org_id`) WHERE "lifecycle_stages"."is_default" = 1;--> statement-breakpoint
CREATE TABLE `sidebar_items` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`key` text NOT NULL,
	`label` text NOT NULL,
	`icon` text NOT NULL,
	`visible` integer DEFAULT true NOT NULL,
	`position` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sidebar_items_org_key` ON `sidebar_items` (`org_id`,`key`);--> statement-breakpoint
CREATE INDEX `sidebar_items_org_position` ON `sidebar_items` (`org_id`,`position`);--> statement-breakpoint
ALTER TABLE `contacts` ADD `lifecycle_stage_id` text REFERENCES lifecycle_stages(id);--> statement-breakpoint
CREATE INDEX `contacts_org_stage` ON `contacts` (`org_id`,`lifecycle_stage_id`);--> statement-breakpoint
-- Every org that exists starts with the defaults a new org gets (defaultLifecycleStages, defaultSidebarItems in contracts).
INSERT INTO `lifecycle_stages` (`id`, `org_id`, `name`, `color`, `position`, `is_default`, `created_at`, `updated_at`)
SELECT 'lcs_' || lower(hex(randomblob(10))), o.`id`, d.name, d.color, d.position, d.is_default, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
FROM `organizations` o, (WITH d(name, color, position, is_default) AS (VALUES ('Subscriber', '#6b7280', 0, 1), ('Lead', '#2456d3', 1, 0), ('Marketing Qualified Lead', '#7c3aed', 2, 0), ('Sales Qualified Lead', '#0e7490', 3, 0), ('Opportunity', '#b45309', 4, 0), ('Customer', '#15803d', 5, 0), ('Evangelist', '#be185d', 6, 0), ('Other', '#4b5563', 7, 0)) SELECT * FROM d) d;--> statement-breakpoint
INSERT INTO `sidebar_items` (`id`, `org_id`, `key`, `label`, `icon`, `visible`, `position`, `created_at`, `updated_at`)
SELECT 'sbi_' || lower(hex(randomblob(10))), o.`id`, d.key, d.label, d.icon, 1, d.position, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
FROM `organizations` o, (WITH d(key, label, icon, position) AS (VALUES ('inbox', 'Inbox', 'inbox', 0), ('contacts', 'Contacts', 'users', 1), ('deals', 'Deals', 'briefcase', 2), ('tasks', 'Tasks', 'check-square', 3), ('reports', 'Reports', 'bar-chart', 4), ('campaigns', 'Campaigns', 'megaphone', 5), ('automations', 'Automations', 'zap', 6), ('settings', 'Settings', 'settings', 7)) SELECT * FROM d) d;

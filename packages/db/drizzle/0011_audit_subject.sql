ALTER TABLE `audit_log` ADD `subject_user_id` text;--> statement-breakpoint
-- Entries of a member's own rows, written before this column: whose row each is.
UPDATE `audit_log` SET `subject_user_id` = json_extract(coalesce(`after`, `before`), '$.user_id') WHERE `resource` IN ('chat_preferences', 'push_subscriptions', 'notification_preferences');

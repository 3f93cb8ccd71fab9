ALTER TABLE "signup_settings" DROP COLUMN "welcome_enabled";--> statement-breakpoint
ALTER TABLE "signup_settings" DROP COLUMN "welcome_message";--> statement-breakpoint
ALTER TABLE "signup_settings" DROP COLUMN "welcome_offer";
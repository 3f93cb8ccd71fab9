ALTER TABLE "users" ADD COLUMN "locale" text;--> statement-breakpoint
ALTER TABLE "restaurant_settings" ADD COLUMN "default_locale" text DEFAULT 'en' NOT NULL;
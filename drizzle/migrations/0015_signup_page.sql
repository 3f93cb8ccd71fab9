CREATE TABLE "restaurant_logo" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"image" "bytea" NOT NULL,
	"mime_type" text NOT NULL,
	"sha256" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signup_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"consent_wording" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"welcome_enabled" boolean DEFAULT false NOT NULL,
	"welcome_message" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"welcome_offer" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"expiry_hours" integer DEFAULT 48 NOT NULL,
	"hourly_cap" integer DEFAULT 60 NOT NULL,
	"hourly_cap_per_country" integer DEFAULT 30 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signup_sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"archived_at" timestamp with time zone,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signup_scans" (
	"source_key" text NOT NULL,
	"day" date NOT NULL,
	"scans" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "signup_scans_source_key_day_pk" PRIMARY KEY("source_key","day")
);
--> statement-breakpoint
CREATE TABLE "signup_text_budget" (
	"hour" timestamp with time zone NOT NULL,
	"scope" text NOT NULL,
	"sent" integer DEFAULT 0 NOT NULL,
	"refused" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "signup_text_budget_hour_scope_pk" PRIMARY KEY("hour","scope")
);
--> statement-breakpoint
CREATE TABLE "signups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_id" uuid,
	"phone" text,
	"phone_hash" text NOT NULL,
	"calling_code" text NOT NULL,
	"first_name" text,
	"birthday_month" integer,
	"birthday_day" integer,
	"language" text NOT NULL,
	"wording" text NOT NULL,
	"token_hash" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"client_key" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"confirmed_at" timestamp with time zone,
	"contact_id" uuid,
	"confirmation_campaign_id" uuid,
	"welcome_campaign_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "origin" text DEFAULT 'compose' NOT NULL;--> statement-breakpoint
ALTER TABLE "consent_events" ADD COLUMN "source_name" text;--> statement-breakpoint
ALTER TABLE "signup_settings" ADD CONSTRAINT "signup_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signup_sources" ADD CONSTRAINT "signup_sources_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signups" ADD CONSTRAINT "signups_source_id_signup_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."signup_sources"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signups" ADD CONSTRAINT "signups_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signups" ADD CONSTRAINT "signups_confirmation_campaign_id_campaigns_id_fk" FOREIGN KEY ("confirmation_campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signups" ADD CONSTRAINT "signups_welcome_campaign_id_campaigns_id_fk" FOREIGN KEY ("welcome_campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "signup_sources_slug_key" ON "signup_sources" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "signup_sources_created_idx" ON "signup_sources" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "signups_token_key" ON "signups" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "signups_phone_idx" ON "signups" USING btree ("phone_hash","created_at");--> statement-breakpoint
CREATE INDEX "signups_client_idx" ON "signups" USING btree ("client_key","created_at");--> statement-breakpoint
CREATE INDEX "signups_source_idx" ON "signups" USING btree ("source_id","created_at");--> statement-breakpoint
CREATE INDEX "signups_created_idx" ON "signups" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "signups_pending_idx" ON "signups" USING btree ("expires_at") WHERE "signups"."status" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "signups_welcome_contact_key" ON "signups" USING btree ("contact_id") WHERE "signups"."welcome_campaign_id" is not null;
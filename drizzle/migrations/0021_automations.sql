CREATE TABLE "automation_occurrences" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "automation_occurrences_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"contact_id" uuid NOT NULL,
	"occurrence_key" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"holdout" boolean DEFAULT false NOT NULL,
	"campaign_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "automations" (
	"kind" text PRIMARY KEY NOT NULL,
	"enabled" boolean DEFAULT false NOT NULL,
	"message" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"offer" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"days_before" integer DEFAULT 3 NOT NULL,
	"send_at" text DEFAULT '10:00' NOT NULL,
	"lapse_days" integer DEFAULT 60 NOT NULL,
	"min_visits" integer DEFAULT 2 NOT NULL,
	"hours_after" integer DEFAULT 3 NOT NULL,
	"holdout_percent" integer DEFAULT 0 NOT NULL,
	"last_run_at" timestamp with time zone,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "automations_days_before_check" CHECK ("automations"."days_before" between 0 and 60),
	CONSTRAINT "automations_lapse_days_check" CHECK ("automations"."lapse_days" between 7 and 730),
	CONSTRAINT "automations_min_visits_check" CHECK ("automations"."min_visits" between 1 and 100),
	CONSTRAINT "automations_hours_after_check" CHECK ("automations"."hours_after" between 1 and 168),
	CONSTRAINT "automations_holdout_check" CHECK ("automations"."holdout_percent" between 0 and 50),
	CONSTRAINT "automations_send_at_check" CHECK ("automations"."send_at" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$')
);
--> statement-breakpoint
CREATE TABLE "test_clock" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"offset_ms" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "automation_occurrences" ADD CONSTRAINT "automation_occurrences_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "automation_occurrences" ADD CONSTRAINT "automation_occurrences_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "automations" ADD CONSTRAINT "automations_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "automation_occurrences_key" ON "automation_occurrences" USING btree ("kind","contact_id","occurrence_key");--> statement-breakpoint
CREATE INDEX "automation_occurrences_due_idx" ON "automation_occurrences" USING btree ("kind","due_at");--> statement-breakpoint
CREATE INDEX "automation_occurrences_campaign_idx" ON "automation_occurrences" USING btree ("campaign_id");--> statement-breakpoint
-- Added by hand (data, which drizzle-kit can't express): one row per automation, off; the sign-up page's welcome
-- text (Settings > Sign-up) becomes the Welcome automation's, and every guest it already welcomed gets the
-- welcome's one occurrence, so the guarantee "one welcome per guest, ever" carries over.
INSERT INTO "automations" ("kind") VALUES ('birthday'), ('welcome'), ('winback'), ('after_visit') ON CONFLICT DO NOTHING;--> statement-breakpoint
UPDATE "automations" a SET "enabled" = s."welcome_enabled", "message" = s."welcome_message", "offer" = s."welcome_offer"
FROM "signup_settings" s WHERE a."kind" = 'welcome' AND s."id" = 1;--> statement-breakpoint
INSERT INTO "automation_occurrences" ("kind", "contact_id", "occurrence_key", "due_at", "campaign_id")
SELECT DISTINCT ON (s."contact_id") 'welcome', s."contact_id", 'once', coalesce(s."confirmed_at", s."created_at"), s."welcome_campaign_id"
FROM "signups" s WHERE s."contact_id" IS NOT NULL AND s."welcome_campaign_id" IS NOT NULL
ORDER BY s."contact_id", s."confirmed_at"
ON CONFLICT DO NOTHING;

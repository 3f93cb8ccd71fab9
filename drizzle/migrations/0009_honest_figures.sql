CREATE TABLE "message_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"body" text NOT NULL,
	"category" text DEFAULT 'marketing' NOT NULL,
	"language" text,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "submission_id" uuid;--> statement-breakpoint
ALTER TABLE "campaign_messages" ADD COLUMN "sender" text;--> statement-breakpoint
ALTER TABLE "campaign_messages" ADD COLUMN "stop_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "campaign_messages" ADD COLUMN "stop_reason" text;--> statement-breakpoint
ALTER TABLE "message_templates" ADD CONSTRAINT "message_templates_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "message_templates_name_idx" ON "message_templates" USING btree ("name");--> statement-breakpoint
CREATE INDEX "campaigns_submission_idx" ON "campaigns" USING btree ("submission_id");--> statement-breakpoint
CREATE INDEX "campaign_messages_stop_idx" ON "campaign_messages" USING btree ("stop_requested_at") WHERE "campaign_messages"."stop_requested_at" is not null and "campaign_messages"."status" in ('sending', 'scheduled');
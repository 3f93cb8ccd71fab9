ALTER TABLE "campaign_messages" ADD COLUMN "created_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "campaign_messages" ADD COLUMN "listed_at" timestamp with time zone GENERATED ALWAYS AS (coalesce("campaign_messages"."sent_at", "campaign_messages"."created_at")) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "campaign_messages_listed_idx" ON "campaign_messages" USING btree ("listed_at","id");--> statement-breakpoint
CREATE INDEX "campaign_messages_status_listed_idx" ON "campaign_messages" USING btree ("status","listed_at","id");--> statement-breakpoint
CREATE INDEX "campaign_messages_contact_idx" ON "campaign_messages" USING btree ("contact_id");--> statement-breakpoint
CREATE INDEX "campaign_messages_phone_trgm_idx" ON "campaign_messages" USING gin ("phone" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "campaign_messages_followed_idx" ON "campaign_messages" USING btree ("status_changed_at") WHERE "campaign_messages"."status" in ('accepted', 'buffered');
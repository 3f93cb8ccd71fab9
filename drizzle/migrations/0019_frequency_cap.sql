ALTER TABLE "campaign_messages" ADD COLUMN "promotion_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "restaurant_settings" ADD COLUMN "frequency_cap_enabled" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "restaurant_settings" ADD COLUMN "frequency_cap_messages" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "restaurant_settings" ADD COLUMN "frequency_cap_days" integer DEFAULT 3 NOT NULL;--> statement-breakpoint
-- Hand-added (drizzle-kit can't express a backfill): promotions already sent or held count from the day the cap
-- ships. Only recent ones matter (the widest window is 30 days either side); a held one counts at its send time.
UPDATE "campaign_messages" m SET "promotion_at" = coalesce(m."sent_at",
    greatest(m."claimed_at", CASE WHEN c."scheduled_via" = 'provider' THEN c."scheduled_at" END), m."created_at")
  FROM "campaigns" c
  WHERE c."id" = m."campaign_id" AND c."category" = 'marketing'
    AND m."status" in ('sending', 'scheduled', 'accepted', 'buffered', 'delivered', 'unknown')
    AND (m."status" = 'scheduled' OR coalesce(m."sent_at", m."claimed_at", m."created_at") > now() - interval '40 days');--> statement-breakpoint
CREATE INDEX "campaign_messages_promotion_idx" ON "campaign_messages" USING btree ("phone","promotion_at") WHERE "campaign_messages"."promotion_at" is not null and "campaign_messages"."status" in ('sending', 'scheduled', 'accepted', 'buffered', 'delivered', 'unknown');--> statement-breakpoint
CREATE INDEX "campaign_messages_promotion_window_idx" ON "campaign_messages" USING btree ("promotion_at","phone") WHERE "campaign_messages"."promotion_at" is not null and "campaign_messages"."status" in ('sending', 'scheduled', 'accepted', 'buffered', 'delivered', 'unknown');
ALTER TABLE "contacts" ADD COLUMN "name_key" text GENERATED ALWAYS AS (lower("last_name" || ' ' || "first_name")) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "contacts_name_sort_idx" ON "contacts" USING btree ("name_key","id");--> statement-breakpoint
CREATE INDEX "contacts_name_trgm_idx" ON "contacts" USING gin ((lower("first_name" || ' ' || "last_name")) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "contacts_phone_trgm_idx" ON "contacts" USING gin ("phone" gin_trgm_ops);
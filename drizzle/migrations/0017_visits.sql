CREATE TABLE "visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contact_id" uuid NOT NULL,
	"visited_at" timestamp with time zone NOT NULL,
	"party_size" integer,
	"spend_minor" bigint,
	"currency" text,
	"source" text NOT NULL,
	"external_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "visits_party_size_check" CHECK ("visits"."party_size" is null or "visits"."party_size" between 1 and 500),
	CONSTRAINT "visits_spend_check" CHECK (("visits"."spend_minor" is null) = ("visits"."currency" is null) and coalesce("visits"."spend_minor", 0) >= 0)
);
--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "visits_contact_time_idx" ON "visits" USING btree ("contact_id","visited_at");--> statement-breakpoint
CREATE INDEX "visits_time_idx" ON "visits" USING btree ("visited_at");--> statement-breakpoint
CREATE UNIQUE INDEX "visits_source_external_key" ON "visits" USING btree ("source","external_id") WHERE "visits"."external_id" is not null;
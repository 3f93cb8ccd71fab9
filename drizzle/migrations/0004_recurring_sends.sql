CREATE TABLE "recurring_sends" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"content" jsonb NOT NULL,
	"weekdays" integer[] NOT NULL,
	"local_time" text NOT NULL,
	"skip_dates" text[] DEFAULT '{}'::text[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"next_run_at" timestamp with time zone,
	"last_run_at" timestamp with time zone,
	"last_outcome" text,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "recurring_send_id" uuid;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "occurrence" text;--> statement-breakpoint
ALTER TABLE "recurring_sends" ADD CONSTRAINT "recurring_sends_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "recurring_sends_due_idx" ON "recurring_sends" USING btree ("active","next_run_at");--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_recurring_send_id_recurring_sends_id_fk" FOREIGN KEY ("recurring_send_id") REFERENCES "public"."recurring_sends"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "campaigns_occurrence_key" ON "campaigns" USING btree ("recurring_send_id","occurrence","provider");
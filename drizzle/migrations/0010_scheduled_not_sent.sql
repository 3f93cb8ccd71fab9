-- Custom SQL migration file, put your code below! --
-- Held by CPSMS is not sent: messages accepted for later no longer carry a send time until CPSMS confirms them
-- (earlier versions wrote the hand-over time as the send time). Cancelled messages cost nothing (CPSMS refunds).
update campaign_messages set sent_at = null where status = 'scheduled' and sent_at is not null;
--> statement-breakpoint
update campaign_messages set cost = null where status = 'cancelled' and cost is not null;

-- Phone search in history (substring match on campaign_messages.phone, GIN trigram index in the next migration).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

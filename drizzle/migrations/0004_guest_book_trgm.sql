-- Trigram indexes make "search by name or phone" (substring, case-insensitive) fast at 100k contacts.
-- pg_trgm is a trusted extension (Postgres 13+): the database owner may create it without superuser.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

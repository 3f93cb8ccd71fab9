-- Aborts the statement that calls it, and so everything that statement wrote, with SQLSTATE CDR01. The API's
-- one-statement visit batch (lib/api/visits-one-statement.ts) calls it when it meets a case it leaves to the
-- full transaction (a visit whose external id was already recorded), which then runs the batch again.
CREATE FUNCTION abort_statement(reason text) RETURNS boolean LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  RAISE EXCEPTION USING ERRCODE = 'CDR01', MESSAGE = reason;
END
$$;

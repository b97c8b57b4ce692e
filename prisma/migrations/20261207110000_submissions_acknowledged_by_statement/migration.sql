-- submission.acknowledged was queued by a row trigger on every submission, a plpgsql call each (webhook_event_owed,
-- whose own check finds most owners without the subscription). Ingest records a consumed batch of submissions (a
-- Kafka message is a submission) in one INSERT: the event is now queued once per statement, from its transition
-- table (the rows the INSERT did insert: a submission recorded before, skipped by ON CONFLICT, is not in it), and
-- webhook_event_owed is called only for a submission whose owner has a submission.acknowledged subscription.
-- No semicolons or quotes in these comments: the Prisma wasm engine splits scripts on them.
DROP TRIGGER "webhook_submission_acknowledged" ON "ledger"."submission";

CREATE FUNCTION "ledger"."submissions_acknowledged"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "ledger"."webhook_subscription" s WHERE 'submission.acknowledged' = ANY(s."events")) THEN
    RETURN NULL;
  END IF;
  PERFORM "ledger"."webhook_event_owed"(
    'evt_sa_' || replace(n."id"::text, '-', ''), n."submitter_id", 'submission.acknowledged',
    jsonb_strip_nulls(jsonb_build_object('submissionId', n."id", 'format', n."format",
      'ack999', CASE WHEN n."format" = 'x12' THEN '/v1/submissions/' || n."id" || '/999' END)))
  FROM "new_rows" n
  WHERE EXISTS (SELECT 1 FROM "ledger"."webhook_subscription" s
    WHERE s."owner" = n."submitter_id" AND 'submission.acknowledged' = ANY(s."events"));
  RETURN NULL;
END
$$;

CREATE TRIGGER "submissions_acknowledged"
    AFTER INSERT ON "ledger"."submission"
    REFERENCING NEW TABLE AS "new_rows"
    FOR EACH STATEMENT EXECUTE FUNCTION "ledger"."submissions_acknowledged"();

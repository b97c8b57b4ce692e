-- submission.acknowledged (issue 29 item 3): a submission was recorded with its claims, so its acknowledgment exists
-- (the 202 answer and, for an 837P interchange, its 999 at GET /v1/submissions/{id}/999). Recorded by a trigger in
-- the same transaction as the submission row, like claim.final and remittance.matched, so a crash neither loses nor
-- invents one. The event id is the submission id: a submission is acknowledged once.
CREATE FUNCTION "ledger"."webhook_submission_acknowledged"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "ledger"."webhook_event_owed"(
    'evt_sa_' || replace(NEW."id"::text, '-', ''), NEW."submitter_id", 'submission.acknowledged',
    jsonb_strip_nulls(jsonb_build_object('submissionId', NEW."id", 'format', NEW."format",
      'ack999', CASE WHEN NEW."format" = 'x12' THEN '/v1/submissions/' || NEW."id" || '/999' END)));
  RETURN NULL;
END
$$;

CREATE TRIGGER "webhook_submission_acknowledged"
    AFTER INSERT ON "ledger"."submission"
    FOR EACH ROW EXECUTE FUNCTION "ledger"."webhook_submission_acknowledged"();

-- Why an entry failed or expired, typed: the JSON of the library's OutboxFailure (a refusal
-- with its code, message and the order it carried; a 403 of this write alone; an expiry; ...).
-- error_code and error_message stay, the same failure in a number and a sentence.
ALTER TABLE outbox ADD COLUMN failure_json TEXT;

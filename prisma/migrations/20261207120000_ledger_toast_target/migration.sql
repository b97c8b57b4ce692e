-- A claim's ledger row stays whole in its page up to 4 KB (toast_tuple_target; Postgres's default is ~2 KB). Since the
-- results became compact (issue 30), a priced row is ~3 KB: its result (2.8 KB as text, ~2 KB compressed with lz4) and
-- its claim (~0.8 KB) put it just over the default target, so every result written was compressed and then still moved
-- out of line to the TOAST table (one more heap row and index entry to write, and to read back for the results topic and
-- GET). Measured on the development Postgres 15, 20,000 claims of the pipeline bench's priced messages, UPDATEs of 500
-- rows as APPLY_BATCH writes them, two runs each: 121-130 us a row at the default, 105-111 at 4096 (109-114 at 8160,
-- with the table 50% larger: nothing compressed). At 4096 about a third of the rows are still compressed (lz4), none
-- moved out of line; the table with its TOAST grew from 104 to 118 MB. It applies to rows written from now on; no
-- rewrite, and the lock it takes (SHARE UPDATE EXCLUSIVE) does not block reads or writes.
ALTER TABLE "ledger"."claim_ledger" SET (toast_tuple_target = 4096);

-- H2 only: every text column becomes CHARACTER VARYING (up to 1,000,000,000 characters in H2 2.x) instead of CLOB.
--
-- Why: H2 stores a CLOB longer than 256 bytes apart from its row, in its LOB maps, and every CLOB a query hands out
-- is registered with the session as a temporary LOB that is kept for five minutes. A 20,000-article export read
-- some 300,000 such values: they filled a 160 MB heap, and the LOB blocks left behind made a night's file 2-3 GB for
-- 78 MB of data. Inline text has neither cost; PostgreSQL's TEXT is already inline (TOAST) and needs no change.
ALTER TABLE warta_article ALTER COLUMN reason SET DATA TYPE CHARACTER VARYING;
ALTER TABLE warta_article ALTER COLUMN original_title SET DATA TYPE CHARACTER VARYING;
ALTER TABLE warta_article ALTER COLUMN original_text SET DATA TYPE CHARACTER VARYING;
ALTER TABLE warta_article ALTER COLUMN english_title SET DATA TYPE CHARACTER VARYING;
ALTER TABLE warta_article ALTER COLUMN english_text SET DATA TYPE CHARACTER VARYING;
ALTER TABLE warta_article ALTER COLUMN summary SET DATA TYPE CHARACTER VARYING;
ALTER TABLE warta_article ALTER COLUMN key_points SET DATA TYPE CHARACTER VARYING;
ALTER TABLE warta_article ALTER COLUMN document SET DATA TYPE CHARACTER VARYING;
ALTER TABLE warta_article ALTER COLUMN tags SET DATA TYPE CHARACTER VARYING;
ALTER TABLE warta_article ALTER COLUMN entities SET DATA TYPE CHARACTER VARYING;
ALTER TABLE warta_article ALTER COLUMN search_text SET DATA TYPE CHARACTER VARYING;
ALTER TABLE warta_run ALTER COLUMN summary SET DATA TYPE CHARACTER VARYING;
ALTER TABLE warta_translation ALTER COLUMN translation SET DATA TYPE CHARACTER VARYING;
ALTER TABLE warta_model_answer ALTER COLUMN body SET DATA TYPE CHARACTER VARYING;
ALTER TABLE warta_review_edit ALTER COLUMN note SET DATA TYPE CHARACTER VARYING;
ALTER TABLE warta_review_edit ALTER COLUMN changes SET DATA TYPE CHARACTER VARYING;
ALTER TABLE warta_review_edit ALTER COLUMN before_translation SET DATA TYPE CHARACTER VARYING;
ALTER TABLE warta_review_edit ALTER COLUMN after_translation SET DATA TYPE CHARACTER VARYING;
ALTER TABLE warta_work_item ALTER COLUMN item SET DATA TYPE CHARACTER VARYING;
ALTER TABLE warta_partition ALTER COLUMN reason SET DATA TYPE CHARACTER VARYING;
ALTER TABLE warta_endpoint_limit ALTER COLUMN circuit_reason SET DATA TYPE CHARACTER VARYING;

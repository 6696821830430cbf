-- Search reads the articles' own words, never the keys of the stored JSON document: search_text holds the
-- searchable texts (titles, bodies, summary, key points, entities, tags); PostgreSQL indexes it for full-text
-- search with the 'simple' configuration (no stemming: the texts are Indonesian and English).
ALTER TABLE warta_article ADD COLUMN IF NOT EXISTS tags TEXT;          -- JSON array of strings
ALTER TABLE warta_article ADD COLUMN IF NOT EXISTS entities TEXT;      -- JSON array of English entity names
ALTER TABLE warta_article ADD COLUMN IF NOT EXISTS search_text TEXT;
UPDATE warta_article SET search_text = LOWER(CONCAT_WS(' ', original_title, original_text, english_title,
    english_text, summary, key_points)) WHERE search_text IS NULL;
ALTER TABLE warta_article ADD COLUMN IF NOT EXISTS search_vector tsvector
    GENERATED ALWAYS AS (to_tsvector('simple', COALESCE(search_text, ''))) STORED;
CREATE INDEX IF NOT EXISTS warta_article_search ON warta_article USING GIN (search_vector);

-- The lock holder is one process start, named by a random token (see RunLock).
ALTER TABLE warta_lock ADD COLUMN IF NOT EXISTS token VARCHAR(64);

-- The article's own day (published, else processed), for the search's date filter.
ALTER TABLE warta_article ADD COLUMN IF NOT EXISTS article_day DATE;
UPDATE warta_article SET article_day = run_date WHERE article_day IS NULL;
CREATE INDEX IF NOT EXISTS warta_article_day ON warta_article (article_day);

-- Exports page through a run's or a day's rows by id (keyset paging): these indexes make each page a range scan.
CREATE INDEX IF NOT EXISTS warta_article_run_page ON warta_article (run_id, id);
CREATE INDEX IF NOT EXISTS warta_article_run_date_page ON warta_article (run_date, id);

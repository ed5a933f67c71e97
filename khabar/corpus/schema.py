"""The store's tables (documented for SQL users in docs/corpus.md) and its version check.

Every id is a string made from the content (hashes), so a run that is killed and started
again writes the same rows. `SCHEMA_VERSION` changes whenever a table changes shape.
"""
from __future__ import annotations

SCHEMA_VERSION = "5"  # 2: events, event_mentions; 3: lsh_bands without rowid, no
# statements(copy_group) index, another MinHash family (signatures of version 2 differ),
# names.skeleton (spelling variants) and name keys that keep look-alike proclitics;
# 4: events dated by intervals of days (day_start, day_end, period, rank);
# 5: full-text tables without per-row sizes (columnsize=0), no statements_published
# index (statements_facets starts with its columns)

# inputs written per transaction (`--batch-size`): a commit writes every page its batch
# touched, and hashed keys scatter inserts, so larger batches write each page fewer times
# (on an 8,000-article corpus the commits cost 0.34 ms/article with 256, 0.11 with 1,024);
# records are written a slice at a time (store.WRITE_SLICE), not held for a whole batch;
# a killed run loses at most one batch
BATCH_SIZE = 1024

# The full-text tables hold `folding.index_text` (terms of letters or digits, folded and
# lower-cased, one space apart) and are queried with such terms only, so FTS5 has nothing
# left to fold: its `ascii` tokenizer (a byte >= 0x80 is a token byte) cuts them at the
# spaces as they are, a third faster than `unicode61` (a corpus made with unicode61 keeps
# it: the tokenizer is part of its table, and both read these terms alike)
FTS_TOKENIZER = "ascii"

DDL = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);

-- one row per input (a file, or one record of a JSONL/CSV/JSON-list file)
CREATE TABLE IF NOT EXISTS inputs (
  input_id TEXT PRIMARY KEY,   -- hash of the absolute path and the record number
  path TEXT, record INTEGER, name TEXT,
  status TEXT NOT NULL,        -- 'new' (stored), 'same' (an article already stored), 'error'
  error_code TEXT, error_message TEXT,
  article_id TEXT              -- the article it gave (NULL on error)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS articles (
  seq INTEGER PRIMARY KEY,     -- order of first indexing (the FTS rowid)
  article_id TEXT UNIQUE NOT NULL, -- hash of the text with the URL, or with outlet and date
  url TEXT, outlet TEXT, published TEXT, title TEXT, language TEXT,
  n_statements INTEGER, n_issues INTEGER,
  story_id TEXT,               -- the duplicate group (see stories)
  first INTEGER,               -- 1 for the story's earliest-published copy
  text TEXT,
  record BLOB                  -- the full `khabar extract` record, zlib-compressed JSON
);
CREATE INDEX IF NOT EXISTS articles_story ON articles(story_id);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published, seq);

-- near-duplicate groups: the same story in several outlets, or a page scraped twice
CREATE TABLE IF NOT EXISTS stories (
  story_id TEXT PRIMARY KEY,   -- the article_id of the story's first indexed copy
  first_article TEXT,          -- the earliest-published copy (ties: smallest article_id)
  copies INTEGER
);

-- MinHash signatures and LSH band hashes (datasketch), so grouping survives restarts
CREATE TABLE IF NOT EXISTS minhashes (article_id TEXT PRIMARY KEY, signature BLOB)
  WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS lsh_bands (band INTEGER, hash INTEGER, article_id TEXT,
  PRIMARY KEY (band, hash, article_id)) WITHOUT ROWID;

-- a name as matched across the corpus (titles stripped, folded) and the person,
-- organisation or place it resolves to
CREATE TABLE IF NOT EXISTS names (
  name_key TEXT PRIMARY KEY,   -- type + folded key, e.g. 'PER:سامي خطيب'
  type TEXT, folded TEXT,
  last_word TEXT,              -- the spelling-variant key of its last word (or of a
                               -- particle and the word after it: 'بن سلمان')
  words INTEGER,
  entity_key TEXT,             -- the corpus-level id it resolves to
  skeleton TEXT                -- the spelling-variant key of the whole name
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS names_last ON names(type, last_word);
CREATE INDEX IF NOT EXISTS names_entity ON names(entity_key);
-- corpus-level people, organisations, places, anonymous sources (and 'unknown')
CREATE TABLE IF NOT EXISTS entities (
  entity_key TEXT PRIMARY KEY, type TEXT, name TEXT) WITHOUT ROWID;
-- entities whose display row waits for the end of the run (see speakers.settle)
-- (appended in order, duplicates allowed: appending writes few pages)
CREATE TABLE IF NOT EXISTS dirty_entities (entity_key TEXT);
CREATE TABLE IF NOT EXISTS name_variants (
  name_key TEXT, variant TEXT, n INTEGER, PRIMARY KEY (name_key, variant)) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS statements (
  seq INTEGER PRIMARY KEY,        -- the FTS rowid
  statement_id TEXT UNIQUE NOT NULL, -- article_id + '-' + number in the article (4 digits)
  article_id TEXT NOT NULL, story_id TEXT, published TEXT, outlet TEXT,
  kind TEXT,                      -- direct, indirect, mixed...
  content TEXT, start INTEGER, "end" INTEGER,
  speaker_text TEXT, speaker_canonical TEXT, speaker_title TEXT, speaker_kind TEXT,
  speaker_anonymous INTEGER, speaker_start INTEGER, speaker_end INTEGER,
  name_key TEXT,                  -- names.name_key, or 'anonymous:...' / 'unknown'
  cue TEXT, cue_lemma TEXT, speech_act TEXT, negated INTEGER,
  medium TEXT, medium_relation TEXT, chain TEXT, time TEXT, zone TEXT, inherited INTEGER,
  copy_group TEXT,                -- story + folded content: copies of one statement (a
                                  -- group lies inside one story: look it up by story_id)
  primary_id TEXT                 -- the group's statement from the earliest copy
);
CREATE INDEX IF NOT EXISTS statements_article ON statements(article_id);
CREATE INDEX IF NOT EXISTS statements_name ON statements(name_key);
-- (statements by date: statements_facets, below, begins with (published, seq))

CREATE TABLE IF NOT EXISTS mentions (
  article_id TEXT, entity TEXT, name_key TEXT, type TEXT, text TEXT, canonical TEXT,
  start INTEGER, "end" INTEGER, PRIMARY KEY (article_id, start, "end", type)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS mentions_name ON mentions(name_key);

CREATE TABLE IF NOT EXISTS timexes (
  article_id TEXT, start INTEGER, "end" INTEGER, text TEXT, type TEXT, value TEXT,
  granularity TEXT, anchor TEXT, PRIMARY KEY (article_id, start, "end")) WITHOUT ROWID;

-- the folded, clitic-separated words (khabar.corpus.folding); rowid = statements.seq.
-- Contentless (the text is in statements), and without the per-row token counts
-- (columnsize=0) that only ranking by bm25 reads: search orders by date, not rank
CREATE VIRTUAL TABLE IF NOT EXISTS statements_fts USING fts5(
  content, speaker, content='', columnsize=0, tokenize='{FTS_TOKENIZER}');
-- rowid = articles.seq
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
  title, text, content='', columnsize=0, tokenize='{FTS_TOKENIZER}');
"""

DDL = DDL.replace("{FTS_TOKENIZER}", FTS_TOKENIZER)

# Indexes added within a schema version: DDL makes them in a new corpus, and every
# writable open of an existing corpus of this version makes them when missing (a no-op
# once there), so a corpus indexed before them gains them without being indexed again;
# opened read-only, an older file still answers, by the indexes it has.
# statements_facets covers what search reads of a statement to filter by date, count the
# facets (speaker, outlet, month) and drop copies, so a month of statements is read from
# this index in date order instead of row by row from the table (whose rows hold the text)
LATE_DDL = """
CREATE INDEX IF NOT EXISTS statements_facets ON statements(published, seq, outlet, name_key,
  kind, statement_id, primary_id);
"""
DDL += LATE_DDL

DDL += """
-- one row per coded event (material PLOVER types, and verbal acts from statements)
CREATE TABLE IF NOT EXISTS events (
  seq INTEGER PRIMARY KEY,        -- order of indexing
  event_id TEXT UNIQUE NOT NULL,  -- article_id + '-' + the record's event id (V1, V2...)
  article_id TEXT NOT NULL, story_id TEXT, published TEXT, outlet TEXT,
  type TEXT, mode TEXT,           -- PLOVER type and mode
  status TEXT,                    -- asserted, claimed, denied, future, hypothetical
  from_statement INTEGER,         -- 1: a verbal act (ACCUSE, THREATEN...) of a statement
  statement_id TEXT,              -- the statement that claims it or that it comes from
  trigger TEXT, trigger_start INTEGER, trigger_end INTEGER,
  sentence_start INTEGER, sentence_end INTEGER,
  actor TEXT, actor_start INTEGER, actor_end INTEGER, actor_canonical TEXT,
  actor_key TEXT,                 -- names.name_key (corpus id through names.entity_key)
  recipient TEXT, recipient_start INTEGER, recipient_end INTEGER, recipient_canonical TEXT,
  recipient_key TEXT,
  place TEXT, place_start INTEGER, place_end INTEGER, place_key TEXT,
  place_fold TEXT,                -- the place name folded (khabar.corpus.folding.key)
  lat REAL, lon REAL, country TEXT, admin_level INTEGER, geo_source TEXT,
  date_text TEXT, date_start INTEGER, date_end INTEGER,
  date TEXT,                      -- the resolved value of the event's timex
  date_source TEXT,               -- 'publication' when the publication day was assumed
  day TEXT,                       -- the calendar value dated by: `date`, or the publication
                                  -- day when the event has none; NULL when `date` is no
                                  -- calendar value (a duration such as PT2H): undated
  day_start TEXT, day_end TEXT,   -- `day` as an interval of days, YYYY-MM-DD (a year: its
                                  -- 365 days, an ISO week: its 7); date filters match
                                  -- events whose interval overlaps theirs
  period TEXT,                    -- counted per month under: YYYY-MM, or YYYY, YYYY/YYYY
                                  -- (khabar.corpus.event_dates.period)
  rank INTEGER,                   -- the list's order, latest first, undated last, then seq
  dead INTEGER, injured INTEGER, arrested INTEGER,
  n_mentions INTEGER              -- mentions besides the main one (event_mentions)
);
CREATE INDEX IF NOT EXISTS events_article ON events(article_id);
-- the list (ORDER BY rank LIMIT n) and the counts (GROUP BY type, period, place) read
-- these covering indexes, not the wide rows (benchmarks/corpus_events.py)
CREATE INDEX IF NOT EXISTS events_rank ON events(rank, from_statement, day_end, article_id);
CREATE INDEX IF NOT EXISTS events_type ON events(type, rank, from_statement, day_end,
                                                 article_id);
CREATE INDEX IF NOT EXISTS events_country ON events(country, rank);
CREATE INDEX IF NOT EXISTS events_end ON events(day_end, day_start);
CREATE INDEX IF NOT EXISTS events_period ON events(period, from_statement, article_id,
                                                   day_end, rank, type);
CREATE INDEX IF NOT EXISTS events_place ON events(place_key);
CREATE INDEX IF NOT EXISTS events_place_fold ON events(place_fold, place_key, from_statement,
                                                       article_id, country, admin_level,
                                                       day_end, rank, type);
CREATE INDEX IF NOT EXISTS events_actor ON events(actor_key);

-- the other mentions of one event (headline, lead, recap), with offsets
CREATE TABLE IF NOT EXISTS event_mentions (
  event_id TEXT, n INTEGER, article_id TEXT, trigger TEXT, trigger_start INTEGER,
  trigger_end INTEGER, sentence_start INTEGER, sentence_end INTEGER,
  PRIMARY KEY (event_id, n)) WITHOUT ROWID;
"""

# what `stats()` and export count and write, in this order
TABLES = ("inputs", "articles", "stories", "statements", "entities", "names", "name_variants",
          "mentions", "timexes", "minhashes", "lsh_bands", "events", "event_mentions")
EXPORTED = ("articles", "statements", "entities", "mentions", "timexes", "events",
            "event_mentions")

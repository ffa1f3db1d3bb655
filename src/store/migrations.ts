/**
 * The store's schema, as numbered migrations applied in order and recorded
 * in schema_migrations. Never edit a released migration: add the next one.
 */
export const MIGRATIONS: { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: "articles, entities, events, quotes, failures",
    sql: `
CREATE TABLE articles (
  id           text PRIMARY KEY,
  content_hash text NOT NULL UNIQUE,
  external_id  text,
  title        text,
  published    date,
  url          text,
  source       text,
  language     text,
  text         text NOT NULL,
  -- 'analysed', or 'skipped: <reason>' when the pipeline did not run on it
  status       text NOT NULL DEFAULT 'analysed',
  -- first copy of syndicated text this article nearly duplicates
  duplicate_of text REFERENCES articles(id),
  warnings     jsonb NOT NULL DEFAULT '[]',
  ingested_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX articles_published ON articles (published);

-- every URL that carried an article's exact text
CREATE TABLE article_urls (
  article_id text NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  url        text NOT NULL,
  PRIMARY KEY (article_id, url)
);

CREATE TABLE entities (
  article_id text NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  id         text NOT NULL,
  name       text NOT NULL,
  type       text NOT NULL,
  actor      text,
  confidence real,
  mentions   jsonb NOT NULL,
  PRIMARY KEY (article_id, id)
);
CREATE INDEX entities_actor ON entities (actor);

CREATE TABLE events (
  article_id     text NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  id             text NOT NULL,
  code           text NOT NULL,
  name           text NOT NULL,
  root           text NOT NULL,
  quad_class     integer NOT NULL,
  goldstein      real,
  plover         text,
  source_text    text,
  source_actor   text,
  source_entity  text,
  target_text    text,
  target_actor   text,
  target_entity  text,
  event_date     date,
  sentence       integer NOT NULL,
  evidence_start integer NOT NULL,
  evidence_end   integer NOT NULL,
  -- the evidence itself, so queries need not slice UTF-16 offsets in SQL
  evidence_text  text NOT NULL,
  mentions       jsonb NOT NULL DEFAULT '[]',
  modality       text NOT NULL,
  confidence     real NOT NULL,
  PRIMARY KEY (article_id, id)
);
CREATE INDEX events_code ON events (code);
CREATE INDEX events_source_actor ON events (source_actor);
CREATE INDEX events_target_actor ON events (target_actor);
CREATE INDEX events_date ON events (event_date);

CREATE TABLE quotes (
  article_id     text NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  id             text NOT NULL,
  text           text NOT NULL,
  start_offset   integer NOT NULL,
  end_offset     integer NOT NULL,
  direct         boolean NOT NULL,
  speaker_name   text,
  speaker_actor  text,
  speaker_entity text,
  speaker_start  integer,
  speaker_end    integer,
  cue            text,
  kind           text,
  sentence       integer NOT NULL,
  PRIMARY KEY (article_id, id)
);
CREATE INDEX quotes_speaker ON quotes (speaker_name);

-- one row per (input, reason); seen counts how many runs met it
CREATE TABLE failures (
  input      text NOT NULL,
  reason     text NOT NULL,
  severity   text NOT NULL,
  seen       integer NOT NULL DEFAULT 1,
  first_at   timestamptz NOT NULL DEFAULT now(),
  last_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (input, reason)
);
`,
  },
  {
    version: 2,
    name: "checkpoints for resumable inputs (WARC files)",
    sql: `
-- how far a long input (a WARC file) has been ingested: resume from next_offset
CREATE TABLE checkpoints (
  input       text PRIMARY KEY,
  next_offset bigint NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now()
);
`,
  },
  {
    version: 3,
    name: "near-duplicate fingerprints and their LSH bands",
    sql: `
ALTER TABLE articles ADD COLUMN fingerprint text;
ALTER TABLE articles ADD COLUMN duplicate_similarity real;
CREATE INDEX articles_duplicate_of ON articles (duplicate_of);
-- locality-sensitive hashing: articles sharing a band key are near-duplicate candidates
CREATE TABLE article_bands (
  band       text NOT NULL,
  article_id text NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  PRIMARY KEY (band, article_id)
);
`,
  },
  {
    version: 4,
    name: "stories: the terms each article is clustered by, and its story",
    sql: `
ALTER TABLE articles ADD COLUMN story_terms jsonb;
ALTER TABLE articles ADD COLUMN story_id text;
CREATE INDEX articles_story ON articles (story_id);
`,
  },
  {
    version: 5,
    name: "work queue: articles waiting for a worker",
    sql: `
-- 'eventwire ingest --enqueue' fills it; 'eventwire worker' processes (on any machine) empty it.
-- A worker claims a row with FOR UPDATE SKIP LOCKED and deletes it in the transaction that
-- stores the analysis, so a crashed worker's article goes back to the queue by itself.
CREATE TABLE work_queue (
  id          bigserial PRIMARY KEY,
  article_id  text NOT NULL UNIQUE,
  article     jsonb NOT NULL,
  enqueued_at timestamptz NOT NULL DEFAULT now()
);
`,
  },
  {
    version: 6,
    name: "who reported an event; the quoted fragments of an interrupted quote",
    sql: `
-- "Lavrov said Washington had violated ...": the act is Washington's, the claim Lavrov's
ALTER TABLE events ADD COLUMN attribution_text text;
ALTER TABLE events ADD COLUMN attribution_actor text;
ALTER TABLE events ADD COLUMN attribution_entity text;
-- the quoted parts of a quote interrupted by its cue, as [{start, end}]
ALTER TABLE quotes ADD COLUMN fragments jsonb;
`,
  },
  {
    version: 7,
    name: "events: source and target actors in PLOVER's form",
    sql: `
-- PLOVER actor code + sector ("IGOREF", "ISRCVL"), beside the CAMEO code (docs/CONVENTIONS.md)
ALTER TABLE events ADD COLUMN source_plover text;
ALTER TABLE events ADD COLUMN target_plover text;
`,
  },
];

-- bibkit library, schema version 1.
-- A record is one imported reference, kept with its source text, origin and import time;
-- a merge adds a new record and points the old ones at it (merged_into), so nothing is lost.
CREATE TABLE records (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL,                 -- the record's own id where it came from (BibTeX key, CSL id)
    data TEXT NOT NULL,                -- Reference.to_json(): the record, exactly
    source TEXT,                       -- the text it was read from
    origin TEXT,                       -- file:line
    imported_at TEXT NOT NULL,
    deleted_at TEXT,                   -- `library rm` (soft: undo brings it back)
    merged_into INTEGER REFERENCES records(id),
    search_title TEXT NOT NULL DEFAULT '',   -- folded titles, every form
    search_names TEXT NOT NULL DEFAULT '',   -- folded names, every form
    search_keys TEXT NOT NULL DEFAULT ''     -- skeletons and romanizations of both
);
CREATE INDEX records_key ON records(key);

CREATE TABLE projects (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);

-- A reference can belong to several projects; `position` keeps each project's order.
CREATE TABLE members (
    project_id INTEGER NOT NULL REFERENCES projects(id),
    record_id INTEGER NOT NULL REFERENCES records(id),
    position INTEGER NOT NULL,
    PRIMARY KEY (project_id, record_id)
);
CREATE INDEX members_record ON members(record_id);

-- Undoable operations (merge, rm): every row they changed, before and after.
CREATE TABLE operations (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    at TEXT NOT NULL,
    summary TEXT NOT NULL,
    changes TEXT NOT NULL,             -- JSON list of {table, key, before, after}
    undone_at TEXT
);

CREATE VIRTUAL TABLE records_fts USING fts5(
    title, names, keys, content='records', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER records_fts_insert AFTER INSERT ON records BEGIN
    INSERT INTO records_fts(rowid, title, names, keys)
    VALUES (new.id, new.search_title, new.search_names, new.search_keys);
END;
CREATE TRIGGER records_fts_delete AFTER DELETE ON records BEGIN
    INSERT INTO records_fts(records_fts, rowid, title, names, keys)
    VALUES ('delete', old.id, old.search_title, old.search_names, old.search_keys);
END;
CREATE TRIGGER records_fts_update AFTER UPDATE OF search_title, search_names, search_keys ON records BEGIN
    INSERT INTO records_fts(records_fts, rowid, title, names, keys)
    VALUES ('delete', old.id, old.search_title, old.search_names, old.search_keys);
    INSERT INTO records_fts(rowid, title, names, keys)
    VALUES (new.id, new.search_title, new.search_names, new.search_keys);
END;

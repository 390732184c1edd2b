-- Citation lookup (`dossier sources TEXT`): a full-text index over the
-- sources, by key, authors, editors and translators, title, container,
-- year and archival reference.
--
-- The indexed text is computed in SQL by the view source_search_text (names
-- from the JSON name lists, the year from the stored date bounds), so that
-- every program that writes the file keeps the index right through the
-- triggers source_ai, source_ad and source_au. The index stores its own
-- copy of that text (sources are few; an external-content table would have
-- to match the source table's columns one for one).
--
-- Related SQLite documentation: <https://www.sqlite.org/fts5.html>

CREATE VIEW source_search_text AS
SELECT
    s.id,
    s.key,
    (SELECT group_concat(trim(
                coalesce(json_extract(n.value, '$.literal'), '') || ' ' ||
                coalesce(json_extract(n.value, '$."non-dropping-particle"'), '') || ' ' ||
                coalesce(json_extract(n.value, '$.family'), '') || ' ' ||
                coalesce(json_extract(n.value, '$.given'), '')), ' ')
       FROM json_each(s.authors) AS n) AS authors,
    (SELECT group_concat(trim(
                coalesce(json_extract(n.value, '$.literal'), '') || ' ' ||
                coalesce(json_extract(n.value, '$."non-dropping-particle"'), '') || ' ' ||
                coalesce(json_extract(n.value, '$.family'), '') || ' ' ||
                coalesce(json_extract(n.value, '$.given'), '')), ' ')
       FROM (SELECT value FROM json_each(s.editors)
             UNION ALL SELECT value FROM json_each(s.translators)) AS n) AS editors,
    trim(s.title || ' ' || coalesce(json_extract(s.extra, '$."title-short"'), '')) AS title,
    trim(coalesce(s.container_title, '') || ' ' || coalesce(s.collection_title, '') || ' ' ||
         coalesce(s.publisher, '') || ' ' || coalesce(s.publisher_place, '')) AS container,
    -- Days since 1970-01-01 to years; both ends of a range ("1937/1938").
    trim(coalesce(strftime('%Y', s.issued_lower * 86400, 'unixepoch'), '') || ' ' ||
         CASE WHEN s.issued_upper IS NOT NULL
                   AND strftime('%Y', s.issued_upper * 86400, 'unixepoch')
                       IS NOT strftime('%Y', s.issued_lower * 86400, 'unixepoch')
              THEN strftime('%Y', s.issued_upper * 86400, 'unixepoch') ELSE '' END || ' ' ||
         coalesce(json_extract(s.extra, '$.issued.literal'), '')) AS year,
    trim(coalesce(s.archive, '') || ' ' || coalesce(s.archive_location, '') || ' ' ||
         coalesce(s.archive_place, '')) AS archive,
    trim(coalesce(s.note, '') || ' ' || coalesce(json_extract(s.extra, '$.genre'), '') || ' ' ||
         coalesce(s.volume, '') || ' ' || coalesce(s.issue, '')) AS other
FROM source AS s;

CREATE VIRTUAL TABLE source_fts USING fts5(
    key, authors, editors, title, container, year, archive, other,
    tokenize = 'unicode61 remove_diacritics 2'
);

INSERT INTO source_fts (rowid, key, authors, editors, title, container, year, archive, other)
SELECT id, key, authors, editors, title, container, year, archive, other FROM source_search_text;

CREATE TRIGGER source_ai AFTER INSERT ON source BEGIN
    INSERT INTO source_fts (rowid, key, authors, editors, title, container, year, archive, other)
    SELECT id, key, authors, editors, title, container, year, archive, other FROM source_search_text WHERE id = NEW.id;
END;

CREATE TRIGGER source_ad AFTER DELETE ON source BEGIN
    DELETE FROM source_fts WHERE rowid = OLD.id;
END;

CREATE TRIGGER source_au AFTER UPDATE ON source BEGIN
    DELETE FROM source_fts WHERE rowid = OLD.id;
    INSERT INTO source_fts (rowid, key, authors, editors, title, container, year, archive, other)
    SELECT id, key, authors, editors, title, container, year, archive, other FROM source_search_text WHERE id = NEW.id;
END;

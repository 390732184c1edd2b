-- Two body kinds for the organs that investigated and could end a case
-- without a court: the security organs (OGPU, NKVD, MGB, MVD) and the
-- procuracy. Their decisions were `other`, and counted with the courts'
-- verdicts; statistics now keep courts, extrajudicial bodies and
-- investigating organs apart (`BodyKind.jurisdiction`).
--
-- The constraint only widens, so no stored row is affected: the same
-- procedure as migration 0013 (edit sqlite_schema, bump the schema
-- version, reload).
PRAGMA writable_schema = ON;

UPDATE sqlite_schema SET sql = replace(sql, 'body_kind = ''other''', 'body_kind = ''security_organ'' OR body_kind = ''procuracy'' OR body_kind = ''other''')
WHERE type = 'table' AND name = 'proceeding';

PRAGMA writable_schema = RESET;
CREATE TABLE schema_version_bump (x);
DROP TABLE schema_version_bump;

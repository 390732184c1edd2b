-- Published figures: a rate or count of justice as the literature gives it
-- ("less than 2%" of defendants acquitted in the 1960s), with its scope, its
-- definition in the archive's outcome codes and its source. They are kept
-- apart from the case records: `stats --compare` shows them beside the
-- archive's own rates, never mixed in.
CREATE TABLE figure (
    id INTEGER PRIMARY KEY,
    ref TEXT NOT NULL UNIQUE CHECK (length(ref) > 0),
    statement TEXT,
    measure TEXT NOT NULL CHECK (measure IN ('acquittal_rate', 'non_conviction_rate', 'conviction_rate', 'outcome_share', 'count')),
    value REAL,
    low REAL,
    high REAL,
    qualifier TEXT CHECK (qualifier IS NULL OR qualifier IN ('exactly', 'approximately', 'less_than', 'at_most', 'more_than', 'at_least')),
    numerator REAL,
    denominator REAL,
    jurisdiction TEXT,
    courts TEXT NOT NULL CHECK (courts IN ('all', 'courts', 'ordinary_courts', 'military_tribunals', 'extrajudicial')),
    category TEXT NOT NULL CHECK (category IN ('political', 'criminal', 'all')),
    period TEXT NOT NULL,
    period_lower INTEGER,
    period_upper INTEGER,
    unit TEXT CHECK (unit IS NULL OR unit IN ('defendants', 'cases', 'verdicts')),
    -- Outcome codes, comma-separated: what the numerator and denominator
    -- count (an empty denominator is every decided outcome).
    numerator_outcomes TEXT NOT NULL CHECK (length(numerator_outcomes) > 0),
    denominator_outcomes TEXT,
    source_id INTEGER NOT NULL REFERENCES source(id) ON DELETE RESTRICT,
    locator TEXT,
    quote TEXT,
    confidence TEXT NOT NULL DEFAULT 'unverified' CHECK (confidence IN ('confirmed', 'probable', 'unverified', 'disputed')),
    note TEXT,
    CHECK (value IS NOT NULL OR low IS NOT NULL OR high IS NOT NULL),
    CHECK (low IS NULL OR high IS NULL OR low <= high),
    CHECK (measure = 'count' OR ((value IS NULL OR value BETWEEN 0 AND 1) AND (low IS NULL OR low BETWEEN 0 AND 1) AND (high IS NULL OR high BETWEEN 0 AND 1)))
);
CREATE INDEX figure_source ON figure(source_id);
CREATE INDEX figure_period ON figure(period_lower, period_upper);

-- The history records every column, as for the other records.
CREATE TRIGGER figure_history_insert AFTER INSERT ON figure WHEN NOT EXISTS (SELECT 1 FROM bulk_load b WHERE b.table_name = 'figure' AND NEW.id >= b.first_id) BEGIN
    INSERT INTO history (change_id, table_name, row_id, op, before, after)
    VALUES ((SELECT max(id) FROM change), 'figure', NEW.id, 'insert', NULL,
            json_object('id', NEW.id, 'ref', NEW.ref, 'statement', NEW.statement, 'measure', NEW.measure, 'value', NEW.value, 'low', NEW.low, 'high', NEW.high, 'qualifier', NEW.qualifier, 'numerator', NEW.numerator, 'denominator', NEW.denominator, 'jurisdiction', NEW.jurisdiction, 'courts', NEW.courts, 'category', NEW.category, 'period', NEW.period, 'period_lower', NEW.period_lower, 'period_upper', NEW.period_upper, 'unit', NEW.unit, 'numerator_outcomes', NEW.numerator_outcomes, 'denominator_outcomes', NEW.denominator_outcomes, 'source_id', NEW.source_id, 'locator', NEW.locator, 'quote', NEW.quote, 'confidence', NEW.confidence, 'note', NEW.note));
END;

CREATE TRIGGER figure_history_update AFTER UPDATE ON figure WHEN (OLD.id IS NOT NEW.id OR OLD.ref IS NOT NEW.ref OR OLD.statement IS NOT NEW.statement OR OLD.measure IS NOT NEW.measure OR OLD.value IS NOT NEW.value OR OLD.low IS NOT NEW.low OR OLD.high IS NOT NEW.high OR OLD.qualifier IS NOT NEW.qualifier OR OLD.numerator IS NOT NEW.numerator OR OLD.denominator IS NOT NEW.denominator OR OLD.jurisdiction IS NOT NEW.jurisdiction OR OLD.courts IS NOT NEW.courts OR OLD.category IS NOT NEW.category OR OLD.period IS NOT NEW.period OR OLD.period_lower IS NOT NEW.period_lower OR OLD.period_upper IS NOT NEW.period_upper OR OLD.unit IS NOT NEW.unit OR OLD.numerator_outcomes IS NOT NEW.numerator_outcomes OR OLD.denominator_outcomes IS NOT NEW.denominator_outcomes OR OLD.source_id IS NOT NEW.source_id OR OLD.locator IS NOT NEW.locator OR OLD.quote IS NOT NEW.quote OR OLD.confidence IS NOT NEW.confidence OR OLD.note IS NOT NEW.note) AND NOT EXISTS (SELECT 1 FROM bulk_load b WHERE b.table_name = 'figure' AND OLD.id >= b.first_id) BEGIN
    INSERT INTO history (change_id, table_name, row_id, op, before, after)
    VALUES ((SELECT max(id) FROM change), 'figure', NEW.id, 'update',
            json_object('id', OLD.id, 'ref', OLD.ref, 'statement', OLD.statement, 'measure', OLD.measure, 'value', OLD.value, 'low', OLD.low, 'high', OLD.high, 'qualifier', OLD.qualifier, 'numerator', OLD.numerator, 'denominator', OLD.denominator, 'jurisdiction', OLD.jurisdiction, 'courts', OLD.courts, 'category', OLD.category, 'period', OLD.period, 'period_lower', OLD.period_lower, 'period_upper', OLD.period_upper, 'unit', OLD.unit, 'numerator_outcomes', OLD.numerator_outcomes, 'denominator_outcomes', OLD.denominator_outcomes, 'source_id', OLD.source_id, 'locator', OLD.locator, 'quote', OLD.quote, 'confidence', OLD.confidence, 'note', OLD.note),
            json_object('id', NEW.id, 'ref', NEW.ref, 'statement', NEW.statement, 'measure', NEW.measure, 'value', NEW.value, 'low', NEW.low, 'high', NEW.high, 'qualifier', NEW.qualifier, 'numerator', NEW.numerator, 'denominator', NEW.denominator, 'jurisdiction', NEW.jurisdiction, 'courts', NEW.courts, 'category', NEW.category, 'period', NEW.period, 'period_lower', NEW.period_lower, 'period_upper', NEW.period_upper, 'unit', NEW.unit, 'numerator_outcomes', NEW.numerator_outcomes, 'denominator_outcomes', NEW.denominator_outcomes, 'source_id', NEW.source_id, 'locator', NEW.locator, 'quote', NEW.quote, 'confidence', NEW.confidence, 'note', NEW.note));
END;

CREATE TRIGGER figure_history_delete AFTER DELETE ON figure WHEN NOT EXISTS (SELECT 1 FROM bulk_load b WHERE b.table_name = 'figure' AND OLD.id >= b.first_id) BEGIN
    INSERT INTO history (change_id, table_name, row_id, op, before, after)
    VALUES ((SELECT max(id) FROM change), 'figure', OLD.id, 'delete',
            json_object('id', OLD.id, 'ref', OLD.ref, 'statement', OLD.statement, 'measure', OLD.measure, 'value', OLD.value, 'low', OLD.low, 'high', OLD.high, 'qualifier', OLD.qualifier, 'numerator', OLD.numerator, 'denominator', OLD.denominator, 'jurisdiction', OLD.jurisdiction, 'courts', OLD.courts, 'category', OLD.category, 'period', OLD.period, 'period_lower', OLD.period_lower, 'period_upper', OLD.period_upper, 'unit', OLD.unit, 'numerator_outcomes', OLD.numerator_outcomes, 'denominator_outcomes', OLD.denominator_outcomes, 'source_id', OLD.source_id, 'locator', OLD.locator, 'quote', OLD.quote, 'confidence', OLD.confidence, 'note', OLD.note), NULL);
END;

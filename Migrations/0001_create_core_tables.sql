-- The core records of an archive. Dates are stored as the EDTF text as
-- written plus the earliest and latest possible day (days since 1970-01-01,
-- proleptic Gregorian; NULL when that side is open or unknown).

CREATE TABLE person (
    id INTEGER PRIMARY KEY,
    ref TEXT NOT NULL UNIQUE CHECK (length(ref) > 0),
    sex TEXT CHECK (sex IN ('m', 'f')),
    birth TEXT,
    birth_lower INTEGER,
    birth_upper INTEGER,
    death TEXT,
    death_lower INTEGER,
    death_upper INTEGER,
    birthplace TEXT,
    occupation TEXT,
    notes TEXT
);

-- Every name of a person: exactly one primary, any number of variants.
CREATE TABLE person_name (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    name TEXT NOT NULL CHECK (length(name) > 0),
    is_primary INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1)),
    script TEXT NOT NULL CHECK (script IN ('cyrl', 'latn', 'mixed', 'other')),
    position INTEGER NOT NULL DEFAULT 0,
    UNIQUE (person_id, name)
);
CREATE UNIQUE INDEX person_name_one_primary ON person_name(person_id) WHERE is_primary = 1;

-- A case: one proceeding before one deciding body.
CREATE TABLE proceeding (
    id INTEGER PRIMARY KEY,
    ref TEXT NOT NULL UNIQUE CHECK (length(ref) > 0),
    title TEXT,
    body TEXT,
    body_kind TEXT NOT NULL CHECK (body_kind IN (
        'ordinary_court', 'regional_court', 'supreme_court', 'military_tribunal',
        'military_collegium', 'special_court', 'troika', 'dvoika', 'special_board',
        'commission', 'other')),
    category TEXT NOT NULL CHECK (category IN ('political', 'criminal', 'unknown')),
    place TEXT,
    date TEXT,
    date_lower INTEGER,
    date_upper INTEGER,
    notes TEXT
);
CREATE INDEX proceeding_date ON proceeding(date_lower, date_upper);
CREATE INDEX proceeding_body_kind ON proceeding(body_kind);

-- A person in a case, with the outcome for them.
CREATE TABLE defendant (
    id INTEGER PRIMARY KEY,
    proceeding_id INTEGER NOT NULL REFERENCES proceeding(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE RESTRICT,
    position INTEGER NOT NULL DEFAULT 0,
    charge_text TEXT,
    outcome TEXT NOT NULL DEFAULT 'unknown' CHECK (outcome IN (
        'convicted', 'acquitted', 'dismissed', 'returned_for_investigation',
        'released_without_trial', 'insanity', 'died_before_verdict', 'unknown')),
    outcome_text TEXT,
    outcome_subcategory TEXT,
    sentence TEXT,
    sentence_kind TEXT CHECK (sentence_kind IN (
        'death', 'camp', 'prison', 'exile', 'corrective_labour', 'fine',
        'suspended', 'compulsory_treatment', 'none')),
    term_years REAL CHECK (term_years >= 0),
    charge_reduced INTEGER NOT NULL DEFAULT 0 CHECK (charge_reduced IN (0, 1)),
    outcome_date TEXT,
    outcome_date_lower INTEGER,
    outcome_date_upper INTEGER,
    notes TEXT,
    UNIQUE (proceeding_id, person_id)
);
CREATE INDEX defendant_person ON defendant(person_id);
CREATE INDEX defendant_outcome ON defendant(outcome);

-- A charge against a defendant: the normal form and the text as written.
CREATE TABLE charge (
    id INTEGER PRIMARY KEY,
    defendant_id INTEGER NOT NULL REFERENCES defendant(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    kind TEXT NOT NULL CHECK (kind IN ('statute', 'category', 'decree')),
    ref TEXT NOT NULL CHECK (length(ref) > 0),
    raw TEXT NOT NULL,
    description TEXT
);
CREATE INDEX charge_defendant ON charge(defendant_id);
CREATE INDEX charge_ref ON charge(ref);

-- What happened around the outcome.
CREATE TABLE event (
    id INTEGER PRIMARY KEY,
    defendant_id INTEGER NOT NULL REFERENCES defendant(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    kind TEXT NOT NULL CHECK (kind IN (
        'arrested', 'executed', 'commuted', 'pardoned', 'released',
        'died_in_custody', 'appeal', 'rehabilitated')),
    date TEXT,
    date_lower INTEGER,
    date_upper INTEGER,
    body TEXT,
    notes TEXT
);
CREATE INDEX event_defendant ON event(defendant_id);
CREATE INDEX event_kind ON event(kind);

-- A bibliographic record, aligned with CSL-JSON variables. Name lists are
-- JSON arrays of CSL name objects; `extra` a JSON object of variables
-- without a column of their own.
CREATE TABLE source (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE CHECK (length(key) > 0),
    type TEXT NOT NULL CHECK (length(type) > 0),
    title TEXT NOT NULL,
    authors TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(authors)),
    editors TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(editors)),
    translators TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(translators)),
    container_title TEXT,
    collection_title TEXT,
    volume TEXT,
    issue TEXT,
    page TEXT,
    edition TEXT,
    publisher TEXT,
    publisher_place TEXT,
    issued TEXT,
    issued_lower INTEGER,
    issued_upper INTEGER,
    url TEXT,
    doi TEXT,
    accessed TEXT,
    archive TEXT,
    archive_location TEXT,
    archive_place TEXT,
    language TEXT,
    note TEXT,
    extra TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(extra))
);

-- A source cited for exactly one record.
CREATE TABLE citation (
    id INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES source(id) ON DELETE RESTRICT,
    person_id INTEGER REFERENCES person(id) ON DELETE CASCADE,
    proceeding_id INTEGER REFERENCES proceeding(id) ON DELETE CASCADE,
    defendant_id INTEGER REFERENCES defendant(id) ON DELETE CASCADE,
    event_id INTEGER REFERENCES event(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    locator TEXT,
    confidence TEXT NOT NULL DEFAULT 'unverified' CHECK (confidence IN (
        'confirmed', 'probable', 'unverified', 'disputed')),
    quote TEXT,
    note TEXT,
    CHECK ((person_id IS NOT NULL) + (proceeding_id IS NOT NULL)
         + (defendant_id IS NOT NULL) + (event_id IS NOT NULL) = 1)
);
CREATE INDEX citation_source ON citation(source_id);
CREATE INDEX citation_person ON citation(person_id) WHERE person_id IS NOT NULL;
CREATE INDEX citation_proceeding ON citation(proceeding_id) WHERE proceeding_id IS NOT NULL;
CREATE INDEX citation_defendant ON citation(defendant_id) WHERE defendant_id IS NOT NULL;
CREATE INDEX citation_event ON citation(event_id) WHERE event_id IS NOT NULL;

-- Archive-wide settings (e.g. the default statute code).
CREATE TABLE setting (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

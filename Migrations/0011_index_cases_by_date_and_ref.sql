-- Search results without a name rank in date order (date_lower, then the
-- case ref). With this index a query for a common charge walks the cases
-- in that order and stops at its limit, instead of sorting every case of
-- the same day (or every undated case) first.
CREATE INDEX proceeding_date_ref ON proceeding(date_lower, ref);

-- The index of events by kind (0001) is read by no query: the statistics
-- scan the events whole (StatsScan, `+kind`), and every other reader takes
-- a defendant's events (event_defendant). At a million case rows it held
-- 14 MB and was written on every import (docs/benchmarks.md).
DROP INDEX event_kind;

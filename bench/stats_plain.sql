-- The aggregate behind `dossier stats --by year,category`, written as one
-- plain SQL query, for bench/stats_bench.py to time beside it: per year of
-- the decision date (or "uncertain year" / "no date") and category, n, each
-- outcome's count, convictions with a recorded sentence kind, death
-- sentences, and defendants with an executed or rehabilitated event.
-- (dossier also computes the shares, Wilson intervals and the median camp
-- term; those are arithmetic on these counts and are left out here.)
WITH ev AS (
    SELECT defendant_id,
           max(kind = 'executed') AS executed,
           max(kind = 'rehabilitated') AS rehabilitated
    FROM event
    WHERE kind IN ('executed', 'rehabilitated')
    GROUP BY defendant_id
)
SELECT CASE
           WHEN p.date IS NULL THEN 'no date'
           WHEN p.date_lower IS NULL OR p.date_upper IS NULL
             OR strftime('%Y', p.date_lower * 86400, 'unixepoch')
                <> strftime('%Y', p.date_upper * 86400, 'unixepoch') THEN 'uncertain year'
           ELSE CAST(strftime('%Y', p.date_lower * 86400, 'unixepoch') AS INTEGER)
       END AS year,
       p.category,
       count(*) AS n,
       sum(d.outcome = 'convicted') AS convicted,
       sum(d.outcome = 'acquitted') AS acquitted,
       sum(d.outcome = 'dismissed') AS dismissed,
       sum(d.outcome = 'returned_for_investigation') AS returned_for_investigation,
       sum(d.outcome = 'released_without_trial') AS released_without_trial,
       sum(d.outcome = 'insanity') AS insanity,
       sum(d.outcome = 'died_before_verdict') AS died_before_verdict,
       sum(d.outcome = 'unknown') AS unknown,
       sum(d.outcome = 'convicted' AND d.sentence_kind IS NOT NULL) AS with_sentence_kind,
       sum(d.outcome = 'convicted' AND d.sentence_kind IS 'death') AS death_sentences,
       coalesce(sum(ev.executed), 0) AS executed,
       coalesce(sum(ev.rehabilitated), 0) AS rehabilitated
FROM defendant d
JOIN proceeding p ON p.id = d.proceeding_id
LEFT JOIN ev ON ev.defendant_id = d.id
GROUP BY 1, 2;

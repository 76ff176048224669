-- The settings the metrics use: addio's defaults (DESIGN.md section 3, `assess --format
-- json` prints them under "settings"; bench/peers/compare.mjs checks they still match).
-- Expects a table `params` holding as_of (days since 1970-01-01); adds the rest.
CREATE TEMP TABLE settings AS
SELECT as_of,
       as_of - 365 + 1 AS first_day,   -- window_days 365: dates in (as_of - 365, as_of]
       3 AS grace_days,                -- grace_days
       5 AS recent_invoices,           -- late_payment.recent_invoices
       60 AS red_days,                 -- non_payment.red_days
       600 AS min_minutes,             -- underpaying.min_hours 10
       2 AS min_reference_clients      -- underpaying.min_reference_clients
FROM params;

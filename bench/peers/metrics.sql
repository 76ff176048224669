-- The metrics of four signs per client, as addio computes them (DESIGN.md section 4;
-- src/signals/{late_payment,non_payment,underpaying,time_drain}.cc, src/signals/portfolio.cc,
-- src/ledger/allocation.cc), in the SQL that SQLite 3.40 and DuckDB 1.5 share: window
-- functions, no engine-specific function, no integer division (`/` differs between the two;
-- exact integer rounding is done with floor() on doubles, exact below 2^53).
--
-- Reads the typed tables of sqlite_import.sql / duckdb_load.sql (clients, invoices,
-- payments, contacts, work, rate_changes, ws, fx, working_hours, holidays) and `settings`
-- (params.sql). Days are days since 1970-01-01; money is integer minor units. Leaves the
-- table client_metrics: one row per client, columns named <sign>__<metric>, money in minor
-- units of the workspace currency, NULL where addio writes null.
--
-- The payment allocation (src/ledger/allocation.h) without a loop. Per client, payments
-- dated by as_of go in (date, id) order; a payment naming an existing invoice pays it
-- first, the rest (and unnamed payments) goes to open invoices with status `issued`
-- oldest due first, credit left over is consumed by invoices as they are issued. With
-- invoices of status `issued` ranked 1..n in FIFO order (due, issued, id), a_k their
-- amounts, C_i = a_1 + ... + a_i, N_k(t) what payments naming k brought by day t and M(t)
-- all money received by t, the state at any t is: ranks before the first open one (the
-- front) are full, ranks after it hold only their named money min(a_k, N_k(t)), the front
-- holds the rest. Hence invoice i is full at t when N_i(t) >= a_i, or when
--     C_i + sum over k > i of min(a_k, N_k(t)) + what written-off invoices kept <= M(t),
-- i.e. when the running sum over payments j of c_ij = amount_j - (the part of j kept by a
-- later-ranked or a written-off invoice) reaches C_i. That is a window sum per
-- (invoice, payment) pair. Exact as long as FIFO order is issue order (true when a
-- client's payment terms do not change, as in `addio gen`) and a payment is in its
-- invoice's currency (checked by bench/peers/compare.mjs, which counts the exceptions).

-- Invoices of status `issued` that exist on as_of, in FIFO order: they take unnamed money.
CREATE TEMP TABLE m_fifo AS
SELECT i.client, i.id, i.issued, i.due, i.minor,
       ROW_NUMBER() OVER (PARTITION BY i.client ORDER BY i.due, i.issued, i.id) AS rnk,
       SUM(i.minor) OVER (PARTITION BY i.client ORDER BY i.due, i.issued, i.id
                          ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS cum
FROM invoices i, settings s
WHERE i.issued <= s.as_of AND i.status = 'issued' AND i.minor > 0;

-- Payments received by as_of, with the invoice they name when it exists on as_of.
CREATE TEMP TABLE m_pay AS
SELECT p.client, p.id, p.day, p.minor, t.status AS target_status, t.id AS target,
       t.minor AS target_minor, f.rnk AS target_rank
FROM payments p
JOIN settings s ON p.day <= s.as_of
LEFT JOIN invoices t ON t.client = p.client AND t.id = p.invoice AND t.issued <= s.as_of
LEFT JOIN m_fifo f ON f.client = t.client AND f.id = t.id
WHERE p.minor > 0;

-- What each payment naming an invoice (issued or written off) brought it: N after the
-- payment, and `kept`, the part the named invoice kept (the rest went on).
CREATE TEMP TABLE m_named AS
SELECT client, id, day, minor, target, target_minor, named_after,
       (CASE WHEN named_after < target_minor THEN named_after ELSE target_minor END)
     - (CASE WHEN named_after - minor < target_minor THEN named_after - minor ELSE target_minor END)
           AS kept
FROM (SELECT client, id, day, minor, target, target_minor,
             SUM(minor) OVER (PARTITION BY client, target ORDER BY day, id
                              ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS named_after
      FROM m_pay
      WHERE target_status IN ('issued', 'written_off') AND target_minor > 0) AS n;

CREATE TEMP TABLE m_pay_kept AS
SELECT p.client, p.id, p.day, p.minor, p.target_status, p.target_rank, COALESCE(n.kept, 0) AS kept
FROM m_pay p LEFT JOIN m_named n ON n.client = p.client AND n.id = p.id;

-- Per (FIFO invoice i, payment j): the running sum of c_ij in payment order.
CREATE TEMP TABLE m_pair AS
SELECT f.client, f.id, p.day,
       SUM(p.minor - CASE WHEN p.target_status = 'written_off' OR p.target_rank > f.rnk
                          THEN p.kept ELSE 0 END)
           OVER (PARTITION BY f.client, f.id ORDER BY p.day, p.id
                 ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS reached
FROM m_fifo f JOIN m_pay_kept p ON p.client = f.client;

-- Per FIFO invoice: the first day the money reached C_i (filled_day), how much had reached
-- it by its due date and in all.
CREATE TEMP TABLE m_fifo_reach AS
SELECT f.client, f.id, f.rnk, f.cum, f.issued, f.due, f.minor,
       MIN(CASE WHEN x.reached >= f.cum THEN x.day END) AS filled_day,
       COALESCE(MAX(CASE WHEN x.day <= f.due THEN x.reached END), 0) AS reached_at_due,
       COALESCE(MAX(x.reached), 0) AS reached_total
FROM m_fifo f LEFT JOIN m_pair x ON x.client = f.client AND x.id = f.id
GROUP BY f.client, f.id, f.rnk, f.cum, f.issued, f.due, f.minor;

-- Per named invoice: the day its named payments alone covered it, and N by due and by as_of.
CREATE TEMP TABLE m_named_reach AS
SELECT n.client, n.target AS id,
       MIN(CASE WHEN n.named_after >= n.target_minor THEN n.day END) AS covered_day,
       COALESCE(MAX(CASE WHEN n.day <= i.due THEN n.named_after END), 0) AS named_at_due,
       MAX(n.named_after) AS named_total
FROM m_named n JOIN invoices i ON i.client = n.client AND i.id = n.target
GROUP BY n.client, n.target;

-- The settlement of every invoice that exists on as_of and is not void: the day it was
-- settled, what it still owes, what it had received, and what it still owed on its due date.
CREATE TEMP TABLE m_fifo_settle AS
SELECT r.client, r.id, r.minor,
       CASE WHEN r.filled_day IS NULL THEN n.covered_day
            WHEN n.covered_day IS NULL OR
                 (CASE WHEN r.filled_day < r.issued THEN r.issued ELSE r.filled_day END)
                     <= n.covered_day
                 THEN CASE WHEN r.filled_day < r.issued THEN r.issued ELSE r.filled_day END
            ELSE n.covered_day END AS settled,
       r.filled_day, r.rnk, r.cum, r.due, r.reached_at_due, r.reached_total,
       COALESCE(n.named_at_due, 0) AS named_at_due, COALESCE(n.named_total, 0) AS named_total,
       LAG(r.filled_day) OVER (PARTITION BY r.client ORDER BY r.rnk) AS previous_filled_day,
       MIN(CASE WHEN r.filled_day IS NULL THEN r.rnk END) OVER (PARTITION BY r.client) AS front
FROM m_fifo_reach r LEFT JOIN m_named_reach n ON n.client = r.client AND n.id = r.id;

CREATE TEMP TABLE m_settle AS
SELECT client, id, minor, settled,
       CASE WHEN settled IS NOT NULL THEN 0
            WHEN rnk = front THEN cum - reached_total
            WHEN named_total < minor THEN minor - named_total
            ELSE 0 END AS open_minor,
       CASE WHEN settled IS NOT NULL AND settled <= due THEN 0
            WHEN rnk = 1 OR previous_filled_day <= due THEN cum - reached_at_due
            WHEN named_at_due < minor THEN minor - named_at_due
            ELSE 0 END AS unpaid_at_due
FROM m_fifo_settle
UNION ALL
SELECT i.client, i.id, i.minor, n.covered_day,
       CASE WHEN COALESCE(n.named_total, 0) < i.minor THEN i.minor - COALESCE(n.named_total, 0)
            ELSE 0 END,
       CASE WHEN COALESCE(n.named_at_due, 0) < i.minor THEN i.minor - COALESCE(n.named_at_due, 0)
            ELSE 0 END
FROM invoices i
JOIN settings s ON i.issued <= s.as_of
LEFT JOIN m_named_reach n ON n.client = i.client AND n.id = i.id
WHERE i.status = 'written_off';

-- Every invoice that exists on as_of and is not void, with its amounts in the workspace
-- currency (allocation.cc Convert: rounded half away from zero; NULL without a rate).
CREATE TEMP TABLE m_inv AS
SELECT i.client, i.id, i.issued, i.due, i.status, st.settled, st.minor - st.open_minor AS paid,
       CAST(floor((2.0 * i.minor * fx.num + fx.den) / (2.0 * fx.den)) AS BIGINT) AS amount_ws,
       CAST(floor((2.0 * st.open_minor * fx.num + fx.den) / (2.0 * fx.den)) AS BIGINT) AS open_ws,
       CAST(floor((2.0 * st.unpaid_at_due * fx.num + fx.den) / (2.0 * fx.den)) AS BIGINT)
           AS unpaid_at_due_ws
FROM invoices i
JOIN m_settle st ON st.client = i.client AND st.id = i.id
LEFT JOIN fx ON fx.currency = i.currency;

---------------------------------------------------------------------------- late_payment
CREATE TEMP TABLE m_due AS
SELECT v.client, v.amount_ws, v.unpaid_at_due_ws, v.settled IS NOT NULL AS is_settled,
       CASE WHEN v.settled IS NOT NULL THEN v.settled - v.due ELSE s.as_of - v.due END AS days_late,
       ROW_NUMBER() OVER (PARTITION BY v.client ORDER BY v.due DESC, v.issued DESC, v.id DESC)
           AS from_last,
       s.grace_days, s.recent_invoices
FROM m_inv v, settings s
WHERE v.due >= s.first_day AND v.due <= s.as_of;

CREATE TEMP TABLE m_late_median AS
SELECT client, AVG(days_late * 1.0) AS median_days_late
FROM (SELECT client, days_late,
             ROW_NUMBER() OVER (PARTITION BY client ORDER BY days_late) AS k,
             COUNT(*) OVER (PARTITION BY client) AS n
      FROM m_due WHERE days_late > grace_days) AS late
WHERE 2 * k IN (n, n + 1, n + 2)
GROUP BY client;

CREATE TEMP TABLE m_late_payment AS
SELECT d.client,
       COUNT(*) AS due_invoices,
       SUM(CASE WHEN d.days_late > d.grace_days THEN 1 ELSE 0 END) AS late_invoices,
       SUM(CASE WHEN d.days_late > d.grace_days THEN 1 ELSE 0 END) * 1.0 / COUNT(*) AS late_share,
       SUM(CASE WHEN d.amount_ws IS NULL THEN 0
                WHEN d.days_late > 0 THEN d.amount_ws * d.days_late ELSE 0 END) * 1.0
           / NULLIF(SUM(COALESCE(d.amount_ws, 0)), 0) AS average_days_delinquent,
       SUM(CASE WHEN d.days_late > d.grace_days AND d.from_last <= d.recent_invoices
                THEN 1 ELSE 0 END) AS late_in_last_5,
       SUM(CASE WHEN d.days_late > d.grace_days AND NOT d.is_settled THEN 1 ELSE 0 END)
           AS open_late_invoices,
       SUM(CASE WHEN d.days_late > d.grace_days THEN COALESCE(d.unpaid_at_due_ws, 0) * d.days_late
                ELSE 0 END) AS late_amount_days
FROM m_due d
GROUP BY d.client;

----------------------------------------------------------------------------- non_payment
CREATE TEMP TABLE m_non_payment AS
SELECT v.client,
       COUNT(*) AS due_invoices,
       SUM(CASE WHEN v.status <> 'written_off' AND v.open_ws > 0 AND s.as_of - v.due >= 1
                THEN 1 ELSE 0 END) AS overdue_invoices,
       SUM(CASE WHEN v.status <> 'written_off' AND v.open_ws > 0 AND s.as_of - v.due >= 1
                THEN v.open_ws ELSE 0 END) AS overdue_amount,
       SUM(CASE WHEN v.status <> 'written_off' AND v.open_ws > 0 AND s.as_of - v.due >= 1
                     AND s.as_of - v.due <= 30 THEN v.open_ws ELSE 0 END) AS overdue_1_30,
       SUM(CASE WHEN v.status <> 'written_off' AND v.open_ws > 0 AND s.as_of - v.due >= 31
                     AND s.as_of - v.due <= 60 THEN v.open_ws ELSE 0 END) AS overdue_31_60,
       SUM(CASE WHEN v.status <> 'written_off' AND v.open_ws > 0 AND s.as_of - v.due >= 61
                     AND s.as_of - v.due <= 90 THEN v.open_ws ELSE 0 END) AS overdue_61_90,
       SUM(CASE WHEN v.status <> 'written_off' AND v.open_ws > 0 AND s.as_of - v.due >= 91
                THEN v.open_ws ELSE 0 END) AS overdue_90_plus,
       SUM(CASE WHEN v.status <> 'written_off' AND v.open_ws > 0 AND v.paid = 0
                     AND s.as_of - v.due >= s.red_days THEN 1 ELSE 0 END) AS unpaid_60_no_payment,
       SUM(CASE WHEN v.status = 'written_off' AND v.open_ws > 0 AND v.issued >= s.first_day
                THEN v.open_ws ELSE 0 END) AS written_off,
       MAX(CASE WHEN v.status <> 'written_off' AND v.open_ws > 0 AND s.as_of - v.due >= 1
                THEN s.as_of - v.due END) AS oldest_days_past_due
FROM m_inv v, settings s
WHERE v.due <= s.as_of
GROUP BY v.client;

----------------------------------------------------------------------------- underpaying
-- Minutes: work plus contacts not logged as work, by their local day in the window.
CREATE TEMP TABLE m_minutes AS
SELECT client, SUM(work_minutes) AS work_minutes, SUM(contact_minutes) AS contact_minutes
FROM (SELECT w.client, w.minutes AS work_minutes, 0 AS contact_minutes
      FROM work w, settings s WHERE w.local_day >= s.first_day AND w.local_day <= s.as_of
      UNION ALL
      SELECT c.client, 0, c.minutes
      FROM contacts c, settings s
      WHERE NOT c.logged AND c.local_day >= s.first_day AND c.local_day <= s.as_of) AS m
GROUP BY client;

CREATE TEMP TABLE m_revenue AS
SELECT v.client,
       SUM(v.amount_ws) AS invoiced,
       SUM(CASE WHEN v.status = 'written_off' THEN v.open_ws ELSE 0 END) AS written_off
FROM m_inv v, settings s
WHERE v.issued >= s.first_day AND v.issued <= s.as_of
GROUP BY v.client;

CREATE TEMP TABLE m_rate AS
SELECT c.id AS client,
       COALESCE(m.work_minutes, 0) + COALESCE(m.contact_minutes, 0) AS minutes,
       COALESCE(m.work_minutes, 0) AS work_minutes,
       COALESCE(r.invoiced, 0) - COALESCE(r.written_off, 0) AS revenue,
       COALESCE(r.written_off, 0) AS written_off,
       -- revenue × 60 / minutes, rounded half away from zero (Money::MulDiv); revenue >= 0.
       CASE WHEN COALESCE(m.work_minutes, 0) + COALESCE(m.contact_minutes, 0) >= s.min_minutes
            THEN CAST(floor((2.0 * (COALESCE(r.invoiced, 0) - COALESCE(r.written_off, 0)) * 60
                             + COALESCE(m.work_minutes, 0) + COALESCE(m.contact_minutes, 0))
                            / (2.0 * (COALESCE(m.work_minutes, 0) + COALESCE(m.contact_minutes, 0))))
                      AS BIGINT) END AS eff
FROM clients c
CROSS JOIN settings s
LEFT JOIN m_minutes m ON m.client = c.id
LEFT JOIN m_revenue r ON r.client = c.id;

-- The reference rate (portfolio.cc): the hours-weighted median of the OTHER clients' known
-- rates, ranked by (rate, client id), weights in minutes: the smallest rank whose running
-- total without the client reaches half of the total without it. For a client of rank s
-- and weight w (s = n + 1, w = 0 without a known rate), with T the total weight, that is
-- the first rank with 2·cum >= T - w if it comes before s, else the first with
-- 2·cum >= T + w; the client's own rank is skipped. "The first rank with 2·cum >= x" for
-- every client at once: thresholds and ranks in one descending stream, a running minimum.
CREATE TEMP TABLE m_ranked AS
SELECT client, minutes, eff,
       ROW_NUMBER() OVER (ORDER BY eff, client) AS r,
       SUM(minutes) OVER (ORDER BY eff, client ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
           AS cumw
FROM m_rate WHERE eff IS NOT NULL;

CREATE TEMP TABLE m_self AS
SELECT m.client, k.r AS own_rank, COALESCE(k.minutes, 0) AS w,
       t.n, t.total, t.n - CASE WHEN k.r IS NULL THEN 0 ELSE 1 END AS others
FROM m_rate m
LEFT JOIN m_ranked k ON k.client = m.client
CROSS JOIN (SELECT COUNT(*) AS n, COALESCE(SUM(minutes), 0) AS total FROM m_ranked) AS t;

CREATE TEMP TABLE m_first_reaching AS
SELECT client, which, first_rank
FROM (SELECT client, which, kind,
             MIN(r) OVER (ORDER BY v DESC, kind ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
                 AS first_rank
      FROM (SELECT 2 * cumw AS v, 0 AS kind, r, NULL AS client, 0 AS which FROM m_ranked
            UNION ALL SELECT total - w, 1, NULL, client, 1 FROM m_self
            UNION ALL SELECT total + w, 1, NULL, client, 2 FROM m_self) AS stream) AS s
WHERE kind = 1;

CREATE TEMP TABLE m_reference AS
SELECT x.client, x.others,
       CASE WHEN x.others < st.min_reference_clients OR x.others <= 0 OR x.pick > x.n
                 OR x.pick IS NULL
            THEN ws.target_rate_minor ELSE k.eff END AS reference_rate,
       CASE WHEN x.others < st.min_reference_clients OR x.others <= 0 OR x.pick > x.n
                 OR x.pick IS NULL
            THEN 0 ELSE x.others END AS reference_clients
FROM (SELECT m.client, m.n, m.others,
             CASE WHEN p.pick = COALESCE(m.own_rank, m.n + 1) THEN p.pick + 1 ELSE p.pick END AS pick
      FROM m_self m
      JOIN (SELECT a.client,
                   CASE WHEN a.first_rank < COALESCE(s.own_rank, s.n + 1) THEN a.first_rank
                        ELSE b.first_rank END AS pick
            FROM m_first_reaching a
            JOIN m_first_reaching b ON b.client = a.client AND b.which = 2
            JOIN m_self s ON s.client = a.client
            WHERE a.which = 1) AS p ON p.client = m.client) AS x
CROSS JOIN settings st
CROSS JOIN ws
LEFT JOIN m_ranked k ON k.r = x.pick;

CREATE TEMP TABLE m_refused AS
SELECT r.client, COUNT(*) AS refused_raises
FROM rate_changes r, settings s
WHERE r.outcome = 'refused' AND r.day >= s.first_day AND r.day <= s.as_of
GROUP BY r.client;

------------------------------------------------------------------------------ time_drain
-- Inbound contacts in the window by their wall-clock time (working_time.cc ClassifyLocal):
-- a holiday or a day without intervals is weekend_or_holiday; inside an interval is
-- working; before the first interval early from 07:00 and night before; after the last
-- interval evening until 22:00 and night after; between intervals lunch.
CREATE TEMP TABLE m_contact_kind AS
SELECT c.client,
       CASE WHEN h.day IS NOT NULL OR d.wd IS NULL THEN 'weekend_or_holiday'
            WHEN w.wd IS NOT NULL THEN 'working'
            WHEN c.local_sec < d.first_start
                 THEN CASE WHEN c.local_sec >= 25200 THEN 'early' ELSE 'night' END
            WHEN c.local_sec >= d.last_end
                 THEN CASE WHEN c.local_sec < 79200 THEN 'evening' ELSE 'night' END
            ELSE 'lunch' END AS kind
FROM (SELECT c.client, c.local_day, c.local_sec, (c.local_day + 4) % 7 AS wd
      FROM contacts c, settings s
      WHERE c.inbound AND c.local_day >= s.first_day AND c.local_day <= s.as_of) AS c
LEFT JOIN (SELECT DISTINCT day FROM holidays) AS h ON h.day = c.local_day
LEFT JOIN (SELECT wd, MIN(start_sec) AS first_start, MAX(end_sec) AS last_end
           FROM working_hours GROUP BY wd) AS d ON d.wd = c.wd
LEFT JOIN working_hours w
       ON w.wd = c.wd AND c.local_sec >= w.start_sec AND c.local_sec < w.end_sec;

CREATE TEMP TABLE m_time_drain AS
SELECT client,
       COUNT(*) AS inbound_contacts,
       SUM(CASE WHEN kind <> 'working' THEN 1 ELSE 0 END) AS after_hours_contacts,
       SUM(CASE WHEN kind <> 'working' THEN 1 ELSE 0 END) * 1.0 / COUNT(*) AS after_hours_share,
       SUM(CASE WHEN kind = 'lunch' THEN 1 ELSE 0 END) AS after_hours_lunch,
       SUM(CASE WHEN kind = 'early' THEN 1 ELSE 0 END) AS after_hours_early,
       SUM(CASE WHEN kind = 'evening' THEN 1 ELSE 0 END) AS after_hours_evening,
       SUM(CASE WHEN kind = 'night' THEN 1 ELSE 0 END) AS after_hours_night,
       SUM(CASE WHEN kind = 'weekend_or_holiday' THEN 1 ELSE 0 END)
           AS after_hours_weekend_or_holiday
FROM m_contact_kind
GROUP BY client;

------------------------------------------------------------------------------ all clients
-- The allocation above compares amounts without converting them: count, per client, the
-- payments that meet an invoice in another currency (none in `addio gen` ledgers).
CREATE TEMP TABLE m_foreign AS
SELECT p.client, COUNT(*) AS foreign_currency_payments
FROM payments p
WHERE EXISTS (SELECT 1 FROM invoices i WHERE i.client = p.client AND i.currency <> p.currency)
GROUP BY p.client;

CREATE TEMP TABLE client_metrics AS
SELECT c.id AS client,
       COALESCE(lp.due_invoices, 0) AS late_payment__due_invoices,
       COALESCE(lp.late_invoices, 0) AS late_payment__late_invoices,
       lp.late_share AS late_payment__late_share,
       lm.median_days_late AS late_payment__median_days_late,
       lp.average_days_delinquent AS late_payment__average_days_delinquent,
       COALESCE(lp.late_in_last_5, 0) AS late_payment__late_in_last_5,
       COALESCE(lp.open_late_invoices, 0) AS late_payment__open_late_invoices,
       COALESCE(lp.late_amount_days, 0) AS late_payment__late_amount_days,
       COALESCE(np.due_invoices, 0) AS non_payment__due_invoices,
       COALESCE(np.overdue_invoices, 0) AS non_payment__overdue_invoices,
       COALESCE(np.overdue_amount, 0) AS non_payment__overdue_amount,
       COALESCE(np.overdue_1_30, 0) AS non_payment__overdue_1_30,
       COALESCE(np.overdue_31_60, 0) AS non_payment__overdue_31_60,
       COALESCE(np.overdue_61_90, 0) AS non_payment__overdue_61_90,
       COALESCE(np.overdue_90_plus, 0) AS non_payment__overdue_90_plus,
       COALESCE(np.unpaid_60_no_payment, 0) AS non_payment__unpaid_60_no_payment,
       COALESCE(np.written_off, 0) AS non_payment__written_off,
       np.oldest_days_past_due AS non_payment__oldest_days_past_due,
       m.minutes / 60.0 AS underpaying__hours,
       m.work_minutes / 60.0 AS underpaying__work_hours,
       m.revenue AS underpaying__revenue,
       m.written_off AS underpaying__written_off,
       m.eff AS underpaying__effective_rate,
       rf.reference_rate AS underpaying__reference_rate,
       rf.reference_clients AS underpaying__reference_clients,
       CASE WHEN m.eff IS NOT NULL AND rf.reference_rate > 0
            THEN m.eff * 1.0 / rf.reference_rate END AS underpaying__rate_ratio,
       COALESCE(rr.refused_raises, 0) AS underpaying__refused_raises,
       COALESCE(td.inbound_contacts, 0) AS time_drain__inbound_contacts,
       COALESCE(td.after_hours_contacts, 0) AS time_drain__after_hours_contacts,
       td.after_hours_share AS time_drain__after_hours_share,
       COALESCE(td.after_hours_lunch, 0) AS time_drain__after_hours_lunch,
       COALESCE(td.after_hours_early, 0) AS time_drain__after_hours_early,
       COALESCE(td.after_hours_evening, 0) AS time_drain__after_hours_evening,
       COALESCE(td.after_hours_night, 0) AS time_drain__after_hours_night,
       COALESCE(td.after_hours_weekend_or_holiday, 0)
           AS time_drain__after_hours_weekend_or_holiday,
       COALESCE(fc.foreign_currency_payments, 0) AS peer__foreign_currency_payments
FROM clients c
LEFT JOIN m_late_payment lp ON lp.client = c.id
LEFT JOIN m_late_median lm ON lm.client = c.id
LEFT JOIN m_non_payment np ON np.client = c.id
LEFT JOIN m_rate m ON m.client = c.id
LEFT JOIN m_reference rf ON rf.client = c.id
LEFT JOIN m_refused rr ON rr.client = c.id
LEFT JOIN m_time_drain td ON td.client = c.id
LEFT JOIN m_foreign fc ON fc.client = c.id;

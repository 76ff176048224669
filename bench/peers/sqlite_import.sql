-- The SQLite peer of `addio import`: the ledger's CSV files into a fresh database, typed
-- the way addio's store keeps them (money as integer minor units, dates as days since
-- 1970-01-01, instants as Unix seconds plus their wall-clock day and second in the
-- workspace time zone), with an index per client. Run by sqlite.sh from inside the ledger
-- folder, after it has imported the zone's offsets (tz_offsets.mjs) into raw_tz.
-- Shared with the DuckDB peer: the typed tables read by metrics.sql.
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;

.import --csv clients.csv raw_clients
.import --csv invoices.csv raw_invoices
.import --csv payments.csv raw_payments
.import --csv contacts.csv raw_contacts
.import --csv work.csv raw_work
.import --csv rate_changes.csv raw_rate_changes

BEGIN;
-- The workspace: currency, zone, target rate, FX table, working hours and holidays.
CREATE TABLE ws AS
SELECT json_extract(doc, '$.currency') AS currency,
       json_extract(doc, '$.timezone') AS tz,
       CAST(round(CAST(json_extract(doc, '$.target_hourly_rate') AS REAL) * 100) AS INTEGER)
           AS target_rate_minor
FROM (SELECT readfile('workspace.json') AS doc);

-- Rates as exact fractions (units of the workspace currency per unit): "0.9200" is 9200/10^4.
CREATE TABLE fx AS
SELECT currency, 1 AS num, 1 AS den FROM ws
UNION ALL
SELECT json_extract(f.value, '$.currency'),
       CAST(replace(json_extract(f.value, '$.per_unit'), '.', '') AS INTEGER),
       CAST(round(pow(10, length(json_extract(f.value, '$.per_unit'))
                          - instr(json_extract(f.value, '$.per_unit'), '.'))) AS INTEGER)
FROM json_each((SELECT readfile('workspace.json')), '$.fx') AS f;

-- Weekdays as 0 = Sunday ... 6 = Saturday; intervals as seconds of the day, half-open.
CREATE TABLE working_hours AS
SELECT d.wd,
       (CAST(substr(i.value, 1, 2) AS INTEGER) * 60 + CAST(substr(i.value, 4, 2) AS INTEGER)) * 60
           AS start_sec,
       (CAST(substr(i.value, 7, 2) AS INTEGER) * 60 + CAST(substr(i.value, 10, 2) AS INTEGER)) * 60
           AS end_sec
FROM (SELECT 0 AS wd, 'sun' AS name UNION ALL SELECT 1, 'mon' UNION ALL SELECT 2, 'tue'
      UNION ALL SELECT 3, 'wed' UNION ALL SELECT 4, 'thu' UNION ALL SELECT 5, 'fri'
      UNION ALL SELECT 6, 'sat') AS d,
     json_each((SELECT readfile('workspace.json')), '$.working_hours.' || d.name) AS i;

CREATE TABLE holidays AS
SELECT unixepoch(h.value) / 86400 AS day
FROM json_each((SELECT readfile('workspace.json')), '$.holidays') AS h;

-- The zone's offsets, and wall-clock time of an instant: its UTC seconds plus the offset
-- in force.
CREATE TABLE tz (start_utc INTEGER PRIMARY KEY, offset_seconds INTEGER);
INSERT INTO tz SELECT CAST(start_utc AS INTEGER), CAST(offset_seconds AS INTEGER) FROM raw_tz;

CREATE TABLE clients AS SELECT id FROM raw_clients;

-- Amounts: every currency of the generated ledgers has 2 decimals (EUR, USD, GBP, CHF).
CREATE TABLE invoices AS
SELECT id, client, unixepoch(issued) / 86400 AS issued, unixepoch(due) / 86400 AS due,
       CAST(round(CAST(amount AS REAL) * 100) AS INTEGER) AS minor, currency, status
FROM raw_invoices;

CREATE TABLE payments AS
SELECT id, client, NULLIF(invoice, '') AS invoice, unixepoch(date) / 86400 AS day,
       CAST(round(CAST(amount AS REAL) * 100) AS INTEGER) AS minor, currency
FROM raw_payments;

CREATE TABLE contacts AS
SELECT client, local / 86400 AS local_day, local % 86400 AS local_sec,
       direction = 'inbound' AS inbound, CAST(minutes AS INTEGER) AS minutes,
       logged = 'true' AS logged
FROM (SELECT client, direction, minutes, logged,
             unixepoch(at) + (SELECT offset_seconds FROM tz WHERE start_utc <= unixepoch(at)
                              ORDER BY start_utc DESC LIMIT 1) AS local
      FROM raw_contacts);

CREATE TABLE work AS
SELECT client, local / 86400 AS local_day, CAST(minutes AS INTEGER) AS minutes
FROM (SELECT client, minutes,
             unixepoch(start) + (SELECT offset_seconds FROM tz WHERE start_utc <= unixepoch(start)
                                 ORDER BY start_utc DESC LIMIT 1) AS local
      FROM raw_work);

CREATE TABLE rate_changes AS
SELECT client, unixepoch(at) / 86400 AS day, outcome FROM raw_rate_changes;

DROP TABLE raw_clients;
DROP TABLE raw_invoices;
DROP TABLE raw_payments;
DROP TABLE raw_contacts;
DROP TABLE raw_work;
DROP TABLE raw_rate_changes;
DROP TABLE raw_tz;

CREATE INDEX invoices_client ON invoices (client, id);
CREATE INDEX payments_client ON payments (client, day, id);
CREATE INDEX contacts_client ON contacts (client);
CREATE INDEX work_client ON work (client);
CREATE INDEX rate_changes_client ON rate_changes (client);
COMMIT;

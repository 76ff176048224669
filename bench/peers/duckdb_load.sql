-- The DuckDB peer's view of the ledger: the CSV files of LEDGER (replaced by duckdb.mjs
-- with the folder) read straight into typed in-memory tables, the same tables and units
-- as sqlite_import.sql (money in minor units, days since 1970-01-01, instants as their
-- wall-clock day and second in the workspace time zone, through DuckDB's own ICU).
CREATE TEMP TABLE ws_doc AS SELECT content AS doc FROM read_text('LEDGER/workspace.json');

CREATE TEMP TABLE ws AS
SELECT json_extract_string(doc, '$.currency') AS currency,
       json_extract_string(doc, '$.timezone') AS tz,
       CAST(CAST(json_extract_string(doc, '$.target_hourly_rate') AS DECIMAL(18, 2)) * 100 AS BIGINT)
           AS target_rate_minor
FROM ws_doc;

-- Rates as exact fractions (units of the workspace currency per unit): "0.9200" is 9200/10^4.
CREATE TEMP TABLE fx AS
SELECT currency, 1::BIGINT AS num, 1::BIGINT AS den FROM ws
UNION ALL
SELECT json_extract_string(f, '$.currency'),
       CAST(replace(json_extract_string(f, '$.per_unit'), '.', '') AS BIGINT),
       CAST(pow(10, length(json_extract_string(f, '$.per_unit'))
                    - instr(json_extract_string(f, '$.per_unit'), '.')) AS BIGINT)
FROM (SELECT unnest(CAST(json_extract(doc, '$.fx') AS JSON[])) AS f FROM ws_doc);

-- Weekdays as 0 = Sunday ... 6 = Saturday; intervals as seconds of the day, half-open.
CREATE TEMP TABLE working_hours AS
SELECT wd,
       (CAST(substr(i, 1, 2) AS INTEGER) * 60 + CAST(substr(i, 4, 2) AS INTEGER)) * 60 AS start_sec,
       (CAST(substr(i, 7, 2) AS INTEGER) * 60 + CAST(substr(i, 10, 2) AS INTEGER)) * 60 AS end_sec
FROM (SELECT 0 AS wd, unnest(CAST(json_extract(doc, '$.working_hours.sun') AS VARCHAR[])) AS i FROM ws_doc
      UNION ALL SELECT 1, unnest(CAST(json_extract(doc, '$.working_hours.mon') AS VARCHAR[])) FROM ws_doc
      UNION ALL SELECT 2, unnest(CAST(json_extract(doc, '$.working_hours.tue') AS VARCHAR[])) FROM ws_doc
      UNION ALL SELECT 3, unnest(CAST(json_extract(doc, '$.working_hours.wed') AS VARCHAR[])) FROM ws_doc
      UNION ALL SELECT 4, unnest(CAST(json_extract(doc, '$.working_hours.thu') AS VARCHAR[])) FROM ws_doc
      UNION ALL SELECT 5, unnest(CAST(json_extract(doc, '$.working_hours.fri') AS VARCHAR[])) FROM ws_doc
      UNION ALL SELECT 6, unnest(CAST(json_extract(doc, '$.working_hours.sat') AS VARCHAR[])) FROM ws_doc);

CREATE TEMP TABLE holidays AS
SELECT CAST(h AS DATE) - DATE '1970-01-01' AS day
FROM (SELECT unnest(CAST(json_extract(doc, '$.holidays') AS VARCHAR[])) AS h FROM ws_doc);

CREATE TEMP TABLE clients AS
SELECT id FROM read_csv('LEDGER/clients.csv', header = true, all_varchar = true);

-- Amounts: every currency of the generated ledgers has 2 decimals (EUR, USD, GBP, CHF).
CREATE TEMP TABLE invoices AS
SELECT id, client, issued - DATE '1970-01-01' AS issued, due - DATE '1970-01-01' AS due,
       CAST(amount * 100 AS BIGINT) AS minor, currency, status
FROM read_csv('LEDGER/invoices.csv', header = true,
              columns = {'id': 'VARCHAR', 'client': 'VARCHAR', 'issued': 'DATE', 'due': 'DATE',
                         'amount': 'DECIMAL(18,2)', 'currency': 'VARCHAR', 'status': 'VARCHAR',
                         'disputed': 'VARCHAR'});

CREATE TEMP TABLE payments AS
SELECT id, client, invoice, date - DATE '1970-01-01' AS day, CAST(amount * 100 AS BIGINT) AS minor,
       currency
FROM read_csv('LEDGER/payments.csv', header = true,
              columns = {'id': 'VARCHAR', 'client': 'VARCHAR', 'invoice': 'VARCHAR', 'date': 'DATE',
                         'amount': 'DECIMAL(18,2)', 'currency': 'VARCHAR'});

-- An instant's wall clock in the workspace zone, as seconds since 1970-01-01 00:00 local.
CREATE TEMP TABLE contacts AS
SELECT client, CAST(floor(local / 86400) AS BIGINT) AS local_day,
       local - CAST(floor(local / 86400) AS BIGINT) * 86400 AS local_sec,
       direction = 'inbound' AS inbound, minutes, logged
FROM (SELECT client, direction, minutes, logged,
             CAST(epoch(timezone((SELECT tz FROM ws), "at")) AS BIGINT) AS local
      FROM read_csv('LEDGER/contacts.csv', header = true,
                    columns = {'id': 'VARCHAR', 'client': 'VARCHAR', 'at': 'TIMESTAMPTZ',
                               'channel': 'VARCHAR', 'direction': 'VARCHAR', 'minutes': 'BIGINT',
                               'urgent': 'BOOLEAN', 'logged': 'BOOLEAN'}));

CREATE TEMP TABLE work AS
SELECT client, CAST(floor(local / 86400) AS BIGINT) AS local_day, minutes
FROM (SELECT client, minutes, CAST(epoch(timezone((SELECT tz FROM ws), start)) AS BIGINT) AS local
      FROM read_csv('LEDGER/work.csv', header = true,
                    columns = {'id': 'VARCHAR', 'client': 'VARCHAR', 'project': 'VARCHAR',
                               'request': 'VARCHAR', 'start': 'TIMESTAMPTZ', 'minutes': 'BIGINT',
                               'billable': 'BOOLEAN', 'note': 'VARCHAR'}));

CREATE TEMP TABLE rate_changes AS
SELECT client, "at" - DATE '1970-01-01' AS day, outcome
FROM read_csv('LEDGER/rate_changes.csv', header = true,
              columns = {'id': 'VARCHAR', 'client': 'VARCHAR', 'at': 'DATE', 'from': 'VARCHAR',
                         'to': 'VARCHAR', 'outcome': 'VARCHAR', 'agreed': 'VARCHAR'});

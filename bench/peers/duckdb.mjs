// The DuckDB peer of `addio assess --ledger`: reads the ledger's CSV files and computes
// the same per-client metrics (duckdb_load.sql, then the metrics.sql it shares with the
// SQLite peer), in memory, with 2 threads, and writes them as CSV.
// Usage: node duckdb.mjs LEDGER_DIR AS_OF OUT_CSV [THREADS]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';

const [ledger, asOf, out, threads = '2'] = process.argv.slice(2);
if (!ledger || !/^\d{4}-\d\d-\d\d$/.test(asOf ?? '') || !out) {
  console.error('usage: node duckdb.mjs LEDGER_DIR AS_OF OUT_CSV [THREADS]');
  process.exit(2);
}
const here = path.dirname(fileURLToPath(import.meta.url));
const read = (name) => fs.readFileSync(path.join(here, name), 'utf8');
const quote = (text) => text.replaceAll("'", "''");

const instance = await DuckDBInstance.create(':memory:', { threads });
const connection = await instance.connect();
await connection.run(read('duckdb_load.sql').replaceAll('LEDGER', quote(path.resolve(ledger))));
await connection.run(`CREATE TEMP TABLE params AS SELECT DATE '${asOf}' - DATE '1970-01-01' AS as_of`);
await connection.run(read('params.sql'));
await connection.run(read('metrics.sql'));
await connection.run(`COPY (SELECT * FROM client_metrics ORDER BY client) TO '${quote(path.resolve(out))}'
                      (HEADER, DELIMITER ',')`);

// Checks that the peers computed every client's metrics as addio did: reads addio's
// `assess --format json`, compact or --pretty (streamed one client at a time: at 100 000
// clients the file is most of a gigabyte) and each peer's per-client CSV (metrics.sql's client_metrics), and
// compares every metric the CSV has, `<sign>__<metric>` against signals.<sign>.metrics.
// Counts must be equal; money (a decimal string in addio's JSON, minor units in the CSV)
// equal to the cent; ratios as addio prints them, rounded to 4 decimals. A disagreement is
// reported (how many clients and metrics, the first examples), never hidden; the exit
// status is 0 either way, 2 on bad usage or unreadable input.
//
// Usage: node compare.mjs ADDIO_JSON NAME=PEER_CSV [NAME=PEER_CSV ...]
// Prints one summary line per peer: "agreement <name>: <agreeing>/<clients> clients ...".
import fs from 'node:fs';
import readline from 'node:readline';

const [jsonPath, ...peerArgs] = process.argv.slice(2);
if (!jsonPath || peerArgs.length === 0) {
  console.error('usage: node compare.mjs ADDIO_JSON NAME=PEER_CSV [NAME=PEER_CSV ...]');
  process.exit(2);
}

// The settings metrics.sql assumes (params.sql); a different assessment is not comparable.
const kExpectedSettings = {
  window_days: 365, grace_days: 3, 'late_payment.recent_invoices': 5, 'non_payment.red_days': 60,
  'underpaying.min_hours': 10, 'underpaying.min_reference_clients': 2,
};
const kMaxExamples = 5;

function splitCsvLine(line) {
  const cells = [];
  let cell = '', quoted = false;
  for (let i = 0; i < line.length; ++i) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') { cell += '"'; ++i; }
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { cells.push(cell); cell = ''; }
    else cell += ch;
  }
  cells.push(cell);
  return cells;
}

async function readPeer(path) {
  const rows = new Map();
  let header = null;
  const lines = readline.createInterface({ input: fs.createReadStream(path), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line === '') continue;
    const cells = splitCsvLine(line);
    if (!header) { header = cells; continue; }
    rows.set(cells[0], cells);
  }
  if (!header) throw new Error(`${path}: empty`);
  const columns = header.slice(1).map((name, i) => {
    const [sign, metric] = name.split('__');
    return { name, sign, metric, index: i + 1 };
  }).filter((c) => c.metric && c.sign !== 'peer');
  return { rows, columns, header };
}

// "1234.50" -> 123450 (exact: string arithmetic, any number of decimals up to 2).
function moneyToMinor(text) {
  const negative = text.startsWith('-');
  const [units, fraction = ''] = (negative ? text.slice(1) : text).split('.');
  const minor = BigInt(units) * 100n + BigInt((fraction + '00').slice(0, 2));
  return negative ? -minor : minor;
}

// Whether addio's value and the peer's cell say the same. Returns null when they agree,
// else a short description of both.
function disagreement(addio, cell) {
  const peerNull = cell === '' || cell === undefined;
  if (addio === null || addio === undefined) return peerNull ? null : `addio null, peer ${cell}`;
  if (peerNull) return `addio ${addio}, peer null`;
  if (typeof addio === 'string') {
    const a = moneyToMinor(addio);
    const p = BigInt(Math.round(Number(cell)));
    return a === p ? null : `addio ${addio}, peer ${(Number(p) / 100).toFixed(2)}`;
  }
  const p = Number(cell);
  // addio prints numbers rounded to 4 decimals (report/json_writer.cc JsonNumber).
  return Math.abs(addio - p) <= 0.00005 + 1e-9 ? null : `addio ${addio}, peer ${p}`;
}

// Streams the clients of addio's JSON, in either layout of `assess --format json`:
// compact (the default) has the header on its first line, ending in `"clients":[`, then
// one client per line (a comma after all but the last), then `]}`; --pretty prints each
// client as an object opening at "    {" and closing at "    }" (4 spaces) inside "clients".
async function* addioClients(path, header) {
  const lines = readline.createInterface({ input: fs.createReadStream(path), crlfDelay: Infinity });
  let buffer = null;
  const top = [];
  let inClients = false;
  let compact = false;
  for await (const line of lines) {
    if (!inClients) {
      if (top.length === 0 && line.endsWith('"clients":[')) {
        inClients = compact = true;
        header.top = JSON.parse(line + ']}');
      } else if (line === '  "clients": [') {
        inClients = true;
        header.top = JSON.parse(top.join('\n').replace(/,\s*$/, '') + '}');
      } else {
        top.push(line);
      }
      continue;
    }
    if (compact) {
      if (line.startsWith('{')) yield JSON.parse(line.endsWith(',') ? line.slice(0, -1) : line);
      continue;
    }
    if (buffer === null) {
      if (line === '    {') buffer = [line];
      continue;
    }
    buffer.push(line);
    if (line === '    }' || line === '    },') {
      buffer[buffer.length - 1] = '    }';
      yield JSON.parse(buffer.join('\n'));
      buffer = null;
    }
  }
}

const peers = [];
for (const arg of peerArgs) {
  const eq = arg.indexOf('=');
  const name = eq > 0 ? arg.slice(0, eq) : arg;
  const path = eq > 0 ? arg.slice(eq + 1) : arg;
  const peer = await readPeer(path);
  peers.push({ name, path, ...peer, clients: 0, agreeing: 0, byMetric: new Map(), examples: [],
               seen: new Set(), foreign: 0 });
  const foreignIndex = peer.header.indexOf('peer__foreign_currency_payments');
  if (foreignIndex > 0) {
    for (const cells of peer.rows.values()) if (Number(cells[foreignIndex]) > 0) peers.at(-1).foreign++;
  }
}

const header = {};
let addioCount = 0;
for await (const client of addioClients(jsonPath, header)) {
  ++addioCount;
  for (const peer of peers) {
    const cells = peer.rows.get(client.client);
    if (!cells) {
      peer.byMetric.set('(client missing)', (peer.byMetric.get('(client missing)') ?? 0) + 1);
      if (peer.examples.length < kMaxExamples) peer.examples.push(`${client.client}: missing from the peer`);
      ++peer.clients;
      continue;
    }
    peer.seen.add(client.client);
    ++peer.clients;
    let agrees = true;
    for (const column of peer.columns) {
      const metrics = client.signals?.[column.sign]?.metrics;
      const value = metrics ? metrics[column.metric] : undefined;
      const why = metrics && column.metric in metrics
        ? disagreement(value, cells[column.index])
        : 'not in addio\'s output';
      if (why === null) continue;
      agrees = false;
      peer.byMetric.set(column.name, (peer.byMetric.get(column.name) ?? 0) + 1);
      if (peer.examples.length < kMaxExamples) {
        peer.examples.push(`${client.client} ${column.sign}.${column.metric}: ${why}`);
      }
    }
    if (agrees) ++peer.agreeing;
  }
}

const settings = header.top?.settings ?? {};
const changed = Object.entries(kExpectedSettings).filter(([k, v]) => settings[k] !== v);
if (changed.length > 0) {
  console.log(`warning: addio assessed with other settings than the peers: ${
    changed.map(([k, v]) => `${k}=${settings[k]} (peers ${v})`).join(', ')}`);
}
for (const peer of peers) {
  const extra = [...peer.rows.keys()].filter((id) => !peer.seen.has(id)).length;
  const metrics = peer.columns.length;
  const summary = `agreement ${peer.name}: ${peer.agreeing}/${peer.clients} clients agree on all ` +
      `${metrics} metrics` + (extra ? `, ${extra} clients only in the peer` : '') +
      (peer.foreign ? `, ${peer.foreign} clients with payments in another currency than their invoices (outside the peer's allocation)` : '');
  console.log(summary);
  const worst = [...peer.byMetric.entries()].sort((a, b) => b[1] - a[1]);
  if (worst.length > 0) {
    console.log(`  disagreements by metric: ${worst.map(([m, n]) => `${m.replace('__', '.')} ${n}`).join(', ')}`);
    for (const example of peer.examples) console.log(`  e.g. ${example}`);
  }
}
if (addioCount === 0) {
  console.error(`${jsonPath}: no client found`);
  process.exit(2);
}

// Prints, as CSV (start_utc,offset_seconds), the UTC offsets of an IANA time zone over a
// span of years, read from the tz database that Node's ICU carries. The SQLite peer needs
// it because SQLite has no time zones: it turns each instant into workspace wall-clock
// time with this table (DuckDB's peer uses its own ICU instead).
// Usage: node tz_offsets.mjs ZONE FIRST_YEAR LAST_YEAR
const [zone, firstYear, lastYear] = process.argv.slice(2);
if (!zone || !firstYear || !lastYear) {
  console.error('usage: node tz_offsets.mjs ZONE FIRST_YEAR LAST_YEAR');
  process.exit(2);
}
const format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });

// The offset at `seconds` (Unix time), in seconds east of UTC.
function offsetAt(seconds) {
  const name = format.formatToParts(new Date(seconds * 1000)).find((p) => p.type === 'timeZoneName');
  const m = /GMT(?:([+-])(\d\d):(\d\d)(?::(\d\d))?)?/.exec(name.value);
  if (!m || !m[1]) return 0;
  const value = Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4] ?? 0);
  return m[1] === '-' ? -value : value;
}

const begin = Date.UTC(Number(firstYear), 0, 1) / 1000;
const end = Date.UTC(Number(lastYear) + 1, 0, 1) / 1000;
const rows = [['start_utc', 'offset_seconds'], [-1e12, offsetAt(begin)]];
// Offsets never change twice within a day: walk day by day, then find each change to the
// second by bisection.
let previous = offsetAt(begin);
for (let t = begin + 86400; t <= end; t += 86400) {
  const offset = offsetAt(t);
  if (offset === previous) continue;
  let same = t - 86400, changed = t;
  while (changed - same > 1) {
    const mid = Math.floor((same + changed) / 2);
    if (offsetAt(mid) === previous) same = mid; else changed = mid;
  }
  rows.push([changed, offset]);
  previous = offset;
}
process.stdout.write(rows.map((r) => r.join(',')).join('\n') + '\n');

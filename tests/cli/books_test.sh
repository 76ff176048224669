#!/usr/bin/env bash
# Hostile inputs through the addio command against a real SQLite file: each is a clear
# error (or a correct import) and the store stays exactly as it was.
#   books_test.sh PATH/TO/addio
set -uo pipefail
addio=$(readlink -f "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cd "$work"
export LANG=C.UTF-8 NO_COLOR=1
unset ADDIO_DB LC_ALL LC_MESSAGES
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
ok() { echo "ok   $*"; }
dump() { sqlite3 "$1" .dump | grep -v '^PRAGMA\|^BEGIN\|^COMMIT'; }

"$addio" init --db s.db >/dev/null || fail "init"
"$addio" import --db s.db "$root/examples/demo.json" >/dev/null || fail "import demo"

# ---- Bounds: an amount beyond 10^12 units is an error naming file, path, record, field.
python3 - "$root/examples/demo.json" huge.json <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
doc["invoices"][0]["amount"] = "50000000000000000.00"
json.dump(doc, open(sys.argv[2], "w"), indent=1)
PY
before=$(dump s.db)
err=$("$addio" import --db s.db huge.json 2>&1); code=$?
[ $code -eq 3 ] && grep -Eq 'huge.json:[0-9]+: \$.invoices\[0\].amount: invoice 2025-001: field amount: 50000000000000000.00 GBP is more than 1000000000000' <<<"$err" \
  && ok "an amount beyond the bound is an error naming it" || fail "huge amount: $code $err"
[ "$before" = "$(dump s.db)" ] && ok "... and the store is as it was" || fail "huge amount wrote"
for cmd in clients aging; do
  "$addio" $cmd --db s.db --as-of 2026-03-31 >/dev/null 2>&1 || fail "$cmd after a refused import"
done

# ---- Sums cannot overflow: two invoices of 10^12 and 300 more at the bound.
python3 - big.json <<'PY'
import json, sys
ws = {"name": "Studio", "currency": "EUR", "timezone": "Europe/Rome"}
clients = [{"id": "big", "name": "Big", "kind": "company"}, {"id": "bigger", "name": "Bigger", "kind": "company"}]
invoices = []
for i in range(302):
    client = "big" if i < 2 else "bigger"
    invoices.append({"id": "b-%d" % i, "client": client, "issued": "2025-01-%02d" % (1 + i % 28),
                     "due": "2025-02-%02d" % (1 + i % 28), "amount": "1000000000000.00",
                     "currency": "EUR", "status": "issued"})
payments = [{"id": "p-%d" % i, "client": "bigger", "invoice": "b-%d" % i, "date": "2025-03-01",
             "amount": "1000000000000.00", "currency": "EUR"} for i in range(2, 150)]
work = [{"id": "w-%d" % i, "client": c, "start": "2025-01-10T09:00:00+01:00", "minutes": 60}
        for i, c in enumerate(["big", "bigger"])]
json.dump({"format": "addio-ledger/1", "workspace": ws, "clients": clients, "invoices": invoices,
           "payments": payments, "work": work}, open(sys.argv[1], "w"))
PY
"$addio" init --db big.db >/dev/null
"$addio" import --db big.db big.json >/dev/null 2>&1 || fail "bounded amounts import"
all_ok=1
for cmd in "clients" "aging" "assess" "explain big" "explain bigger" "statement bigger" "history bigger"; do
  out=$("$addio" $cmd --db big.db --as-of 2026-03-31 2>&1); code=$?
  if [ $code -ne 0 ] || grep -qi 'internal error\|overflow' <<<"$out"; then
    all_ok=0; fail "$cmd on amounts at the bound: $code $(head -3 <<<"$out")"
  fi
done
[ $all_ok -eq 1 ] && ok "clients, aging, assess, explain, statement, history at the bound"
"$addio" clients --db big.db --as-of 2026-03-31 | grep -q '300000000000000.00' \
  && ok "a sum of 300 invoices at the bound is exact" || fail "sum at the bound"

# ---- A Toggl duration of 99999999 hours is one error, not millions of entries.
cat > toggl.csv <<'CSV'
User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags
Ann,ann@example.com,Acme,Site,,Design,Yes,2024-03-04,10:00:00,,,99999999:00:00,
CSV
before=$(dump s.db)
err=$(timeout 60 "$addio" import --db s.db toggl.csv 2>&1); code=$?
[ $code -eq 3 ] && grep -q 'toggl.csv:2: work: field duration: .*99999999 h' <<<"$err" \
  && ok "a 99999999-hour Toggl entry is an error naming line and field" || fail "toggl: $code $err"
[ "$before" = "$(dump s.db)" ] && ok "... and the store is as it was" || fail "toggl wrote"

# ---- Ownership: another client's record with an existing id is an error naming both.
python3 - "$root/examples/demo.json" moved.json > owners.txt <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
inv = doc["invoices"][0]
other = next(c["id"] for c in doc["clients"] if c["id"] != inv["client"])
json.dump({"format": "addio-ledger/1", "invoices": [dict(inv, client=other, amount="1.00")]},
          open(sys.argv[2], "w"), indent=1)
print(inv["client"], other)
PY
read -r owner other < owners.txt
before=$(dump s.db)
err=$("$addio" import --db s.db moved.json 2>&1); code=$?
[ $code -eq 3 ] && grep -q "moved.json:[0-9]*: \$.invoices\[0\].client: invoice 2025-001: field client: .*$owner.*$other" <<<"$err" \
  && ok "moving a record to another client is an error naming both" || fail "ownership: $code $err"
[ "$before" = "$(dump s.db)" ] && ok "... and the store is as it was" || fail "ownership wrote"

# ---- A NUL byte in an error message does not cut the report.
python3 - "$root/examples/demo.json" nul.json <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
doc["invoices"][0]["client"] = "ac\u0000me"
json.dump(doc, open(sys.argv[2], "w"), indent=1)
PY
err=$("$addio" import --db s.db nul.json 2>&1); code=$?
[ $code -eq 3 ] && grep -q 'ac\\x00me' <<<"$err" && grep -q 'nothing was written' <<<"$err" \
  && ok "a NUL in a message is shown and the report goes on" || fail "nul: $code $err"

# ---- A FIFO given to import is refused at once, naming it.
mkfifo pipe.csv
err=$(timeout 20 "$addio" import --db s.db pipe.csv 2>&1); code=$?
[ $code -ne 124 ] && [ $code -ne 0 ] && grep -q 'pipe.csv is not a regular file' <<<"$err" \
  && ok "a FIFO is refused without blocking" || fail "fifo: $code $err"
mkdir folder && mkfifo folder/pipe.csv
cat > folder/hours.csv <<'CSV'
User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags
Ann,ann@example.com,Acme,Site,,Design,Yes,2024-03-04,10:00:00,,,01:00:00,
CSV
out=$(timeout 20 "$addio" import --db s.db --dry-run folder 2>&1); code=$?
[ $code -eq 0 ] && grep -q 'pipe.csv: not a regular file' <<<"$out" \
  && ok "a FIFO in a folder is skipped with a warning" || fail "fifo in folder: $code $out"

# ---- Encodings: a Latin-1 ledger CSV imports with a warning, exports as UTF-8, re-imports.
"$addio" init --db latin.db >/dev/null
"$addio" export --db s.db --format csv csv >/dev/null 2>&1 || fail "export csv"
python3 - csv/clients.csv <<'PY'
import sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read().replace("Agenzia Lumen", "Agenzia Città Caffè")
open(path, "wb").write(text.encode("latin-1"))
PY
err=$("$addio" import --db latin.db csv 2>&1); code=$?
[ $code -eq 0 ] && grep -q 'clients.csv:[0-9]*: warning\|warning: .*clients.csv' <<<"$err" && grep -q 'Windows-1252' <<<"$err" \
  && ok "a Latin-1 CSV imports with a warning naming the file" || fail "latin-1 import: $code $err"
"$addio" export --db latin.db --format csv back >/dev/null 2>&1 || fail "export after latin-1"
python3 -c 'import sys; open(sys.argv[1], encoding="utf-8").read()' back/clients.csv \
  && grep -q 'Agenzia Città Caffè' back/clients.csv && ok "the export is UTF-8" || fail "export not UTF-8"
"$addio" import --db latin.db back | grep -Eq '^0 new, 0 updated' && ok "the export re-imports unchanged" \
  || fail "latin-1 round trip"
before=$(dump latin.db)
err=$("$addio" import --db latin.db --encoding utf-8 csv 2>&1); code=$?
[ $code -eq 3 ] && grep -q 'clients.csv:[0-9]*: .*field name: byte \\xe[0-9a-f] is not UTF-8' <<<"$err" \
  && ok "--encoding utf-8 names file, line and field" || fail "forced utf-8: $code $err"
[ "$before" = "$(dump latin.db)" ] && ok "... and the store is as it was" || fail "forced utf-8 wrote"
# Forced, the encoding holds for every file of the folder: only the Latin-1 one is given.
mkdir only && cp csv/clients.csv only/ && { [ ! -f csv/workspace.json ] || cp csv/workspace.json only/; }
"$addio" import --db latin.db --encoding latin-1 only | grep -Eq '^0 new, 0 updated' \
  && ok "--encoding latin-1 reads it as the same records" || fail "--encoding latin-1"
err=$("$addio" import --db latin.db --encoding ebcdic csv 2>&1); code=$?
[ $code -ne 0 ] && grep -q 'ebcdic' <<<"$err" && ok "an unknown encoding is refused" || fail "ebcdic: $code $err"

# ---- Safe output: formula cells escaped in CSV exports, control characters never raw.
python3 - evil.json <<'PY'
import json, sys
ws = {"name": "Studio", "currency": "EUR", "timezone": "Europe/Rome"}
clients = [{"id": "evil", "name": "=HYPERLINK(\"http://evil.example\",\"x\")", "kind": "company"},
           {"id": "esc", "name": "Esc\u001b]0;pwned\u0007\u001b[2J Ltd", "kind": "company"}]
json.dump({"format": "addio-ledger/1", "workspace": ws, "clients": clients}, open(sys.argv[1], "w"))
PY
"$addio" init --db evil.db >/dev/null && "$addio" import --db evil.db evil.json >/dev/null || fail "evil import"
"$addio" export --db evil.db --format csv evil-csv >/dev/null 2>&1
grep -q "\"'=HYPERLINK(" evil-csv/clients.csv && ! grep -q ',"=HYPERLINK' evil-csv/clients.csv \
  && ok "a formula-like name is escaped in the CSV export" || fail "formula: $(cat evil-csv/clients.csv)"
"$addio" init --db evil2.db >/dev/null
"$addio" import --db evil2.db evil-csv >/dev/null 2>&1 && [ "$(dump evil.db)" = "$(dump evil2.db)" ] \
  && ok "the escaped export re-imports to the same records" || fail "formula round trip"
script -qec "$addio clients --db evil.db --as-of 2026-03-31" /dev/null > tty.txt 2>&1
grep -q 'Esc\\x1b\]0;pwned\\x07\\x1b\[2J Ltd' tty.txt && ! grep -q $'\x1b\]0' tty.txt \
  && ok "escape sequences in names are shown, not run, on a terminal" || fail "terminal: $(cat -v tty.txt)"

# ---- Calendars: --since/--until are checked.
err=$("$addio" import --db s.db --since 2024-13-01 "$root/examples/demo.json" 2>&1); code=$?
[ $code -ne 0 ] && grep -q -- '--since' <<<"$err" && ok "--since is checked" || fail "--since: $code $err"

# ---- Received e-invoices: the workspace's tax id tells sales from purchases.
fpa="${ADDIO_REAL_DATA:-$root/../shared/data}/fatturapa_official_examples/v1.2.2/IT01234567890_FPR01.xml"
if [ -f "$fpa" ]; then
  "$addio" init --db fpa.db --tax-id 'it 0123 4567 890' >tax.txt 2>&1 \
    && grep -q 'tax id is now IT01234567890' tax.txt && ok "init --tax-id sets it, normalized" \
    || fail "init --tax-id: $(cat tax.txt)"
  before=$(dump fpa.db)
  err=$("$addio" init --db fpa.db --tax-id 'n/a' 2>&1); code=$?
  [ $code -ne 0 ] && grep -q -- '--tax-id "n/a" is not a tax id' <<<"$err" && [ "$before" = "$(dump fpa.db)" ] \
    && ok "a malformed --tax-id is refused, the store untouched" || fail "bad --tax-id: $code $err"
  # The same specimen seen from its buyer: the seller is someone else, so it is a purchase.
  "$addio" init --db bought.db --tax-id IT09876543210 >/dev/null
  out=$("$addio" import --db bought.db "$fpa" 2>&1)
  grep -q 'a received e-invoice' <<<"$out" && [ -z "$(sqlite3 bought.db 'select id from invoices')" ] \
    && ok "a received e-invoice is skipped, never booked" || fail "received: $out"
  # Without a tax id, the one seller of the files is taken as the workspace, and said so.
  "$addio" init --db learn.db >/dev/null
  out=$("$addio" import --db learn.db "$fpa" 2>&1)
  grep -q "tax id is now IT01234567890" <<<"$out" && [ "$(sqlite3 learn.db 'select tax_id from workspace_settings')" = IT01234567890 ] \
    && ok "the workspace learns its tax id from its e-invoices" || fail "learn: $out"
fi

echo "$failures failures"
[ $failures -eq 0 ]

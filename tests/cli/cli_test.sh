#!/usr/bin/env bash
# End-to-end checks of the addio command as a user runs it, against a real SQLite file:
# import, re-import, a rejected import that leaves the store untouched, export round
# trips, generator determinism, exit codes and messages.
#   cli_test.sh PATH/TO/addio
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

# --version and --help.
"$addio" --version | grep -q '^addio [0-9]' && ok version || fail "--version"
"$addio" import --help | grep -q -- '--dry-run' && ok "import --help" || fail "import --help"
"$addio" --lang it import --help | grep -q 'non scrive nulla' && ok "help in Italian" || fail "help in Italian"
LANG=it_IT.UTF-8 "$addio" --help | grep -q 'Valuta ogni cliente' && ok "help follows LANG" || fail "help LANG"

# A command on a missing store says to run init, with a non-zero exit.
out=$("$addio" clients --db missing.db 2>&1); code=$?
[ $code -ne 0 ] && grep -q 'addio init' <<<"$out" && ok "missing store" || fail "missing store: $code $out"

# init, import, re-import.
"$addio" init --db s.db >/dev/null || fail "init"
"$addio" import --db s.db "$root/examples/demo.json" > first.txt || fail "import demo"
grep -q ' 0 unchanged' first.txt && ok "first import adds" || fail "first import: $(tail -1 first.txt)"
before=$(dump s.db)
"$addio" import --db s.db "$root/examples/demo.json" > second.txt || fail "re-import demo"
grep -Eq '^0 new, 0 updated, [0-9]+ unchanged' second.txt && ok "re-import unchanged" \
  || fail "re-import: $(tail -1 second.txt)"
[ "$before" = "$(dump s.db)" ] && ok "re-import leaves the file's data as it was" || fail "re-import changed data"

# A command on the embedded store loads none of the libraries addio opens on first use
# (PostgreSQL's, the calendar's, the mail's, curl, OpenSSL's for signed invoices) nor the
# server's (cpp-httplib, loaded with the server module by `serve` only): each costs every
# start-up milliseconds.
optional='libpq|libical|gmime|libcurl|libcrypto|libssl|httplib|brotli'
loaded=$(LD_DEBUG=libs "$addio" clients --db s.db 2>&1 >/dev/null | grep 'calling init:')
if grep -q libsqlite3 <<<"$loaded" && ! grep -Eq "$optional" <<<"$loaded"; then
  ok "the embedded store loads no optional library"
else
  fail "libraries loaded by clients: $(grep -Eo "($optional)[^ ]*" <<<"$loaded" | tr '\n' ' ')"
fi

# A dry run of a changed ledger reports the update and writes nothing.
python3 - "$root/examples/demo.json" changed.json <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
doc["invoices"][0]["amount"] = "1" + doc["invoices"][0]["amount"]
json.dump(doc, open(sys.argv[2], "w"), indent=1)
PY
"$addio" import --db s.db changed.json --dry-run > dry.txt || fail "dry run"
grep -q '^0 new, 1 updated' dry.txt && grep -q 'nothing was written' dry.txt && ok "dry run reports the update" \
  || fail "dry run: $(cat dry.txt)"
[ "$before" = "$(dump s.db)" ] && ok "dry run writes nothing" || fail "dry run wrote"
"$addio" import --db s.db changed.json > upd.txt && grep -q '^updated: invoice' upd.txt \
  && ok "update names the record" || fail "update: $(cat upd.txt)"

# A ledger breaking one rule in its last record is rejected, naming record and field,
# and the store is unchanged.
before=$(dump s.db)
python3 - "$root/examples/demo.json" broken.json <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
doc["payments"][-1]["amount"] = "12.345"
json.dump(doc, open(sys.argv[2], "w"), indent=1)
PY
last=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(len(d["payments"])-1, d["payments"][-1]["id"])' broken.json)
index=${last% *}; id=${last#* }
err=$("$addio" import --db s.db broken.json 2>&1); code=$?
[ $code -eq 3 ] && ok "broken import exits 3" || fail "broken import exit $code"
grep -Eq "broken.json:[0-9]+: \\\$.payments\[$index\].amount: payment $id: field amount: \"12.345\" has 3 decimals" <<<"$err" \
  && ok "error names file, path, record and field" || fail "error text: $err"
grep -q 'nothing was written' <<<"$err" && ok "says nothing was written" || fail "no 'nothing written'"
[ "$before" = "$(dump s.db)" ] && ok "rejected import leaves the store as it was" || fail "rejected import wrote"

# Export: JSON -> store -> JSON gives the same records; CSV form imports unchanged.
"$addio" init --db fresh.db >/dev/null && "$addio" import --db fresh.db "$root/examples/demo.json" >/dev/null
"$addio" export --db fresh.db --format json out.json 2>/dev/null || fail "export json"
python3 - "$root/examples/demo.json" out.json <<'PY' && ok "export json equals the imported ledger" || fail "export json differs"
import json, sys
a, b = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
key = lambda r: r["id"]
for k in a:
    if isinstance(a[k], list):
        assert sorted(a[k], key=key) == sorted(b.get(k, []), key=key), k
assert a["workspace"] == b["workspace"]
PY
"$addio" export --db fresh.db --format csv out-csv 2>/dev/null || fail "export csv"
[ -f out-csv/invoices.csv ] && [ -f out-csv/workspace.json ] && ok "csv folder written" || fail "csv folder"
"$addio" import --db fresh.db out-csv | grep -Eq '^0 new, 0 updated' && ok "csv re-import unchanged" || fail "csv re-import"

# Generator: the same seed gives the same bytes, another seed other bytes.
"$addio" gen --clients 30 --months 6 --seed 7 --out a.json 2>/dev/null
"$addio" gen --clients 30 --months 6 --seed 7 --out b.json 2>/dev/null
"$addio" gen --clients 30 --months 6 --seed 8 --out c.json 2>/dev/null
cmp -s a.json b.json && ok "gen is deterministic" || fail "gen differs for one seed"
cmp -s a.json c.json && fail "gen ignores the seed" || ok "gen follows the seed"
"$addio" init --db g.db >/dev/null && "$addio" import --db g.db a.json >/dev/null && ok "generated ledger imports" \
  || fail "generated ledger import"

# The receivables read from the store client by client are those of the same ledger read
# whole from the file, in every format.
same=1
for cmd in "aging" "aging --format csv" "aging --format md" "statement c000007" \
           "statement c000007 --format csv" "statement nobody"; do
  from_store=$("$addio" $cmd --db g.db --as-of 2026-05-31 2>&1)
  from_file=$("$addio" $cmd --ledger a.json --as-of 2026-05-31 2>&1)
  [ "$from_store" = "$from_file" ] && [ -n "$from_store" ] || { same=0; echo "  differs: $cmd"; }
done
[ $same -eq 1 ] && ok "aging and statements from the store equal the ledger's" \
  || fail "aging or statement from the store differ"

# A mapping file with [records.*] tables picks the generic CSV importer by itself.
data=${ADDIO_REAL_DATA:-$root/../shared/data}
if [ -f "$data/ibm_accounts_receivable/WA_Fn-UseC_-Accounts-Receivable.csv" ]; then
  "$addio" init --db ibm.db >/dev/null
  out=$("$addio" import --db ibm.db "$data/ibm_accounts_receivable/WA_Fn-UseC_-Accounts-Receivable.csv" \
        --mapping "$root/examples/mappings/ibm_accounts_receivable.toml" 2>&1)
  grep -Eq '^invoice +2466 ' <<<"$out" && ok "mapping picks the generic CSV importer" \
    || fail "IBM import through the mapping: $out"
  # Payment prediction on real receivables: the back-test of 2013 from the store.
  out=$("$addio" backtest --db ibm.db --from 2013-01-01 --to 2013-12-31 --as-of 2014-06-30 2>&1)
  [ "$(grep -c '^2013-' <<<"$out")" -eq 12 ] && grep -q '^all steps ' <<<"$out" \
    && ok "backtest: one line per month end of 2013 and the pooled line" \
    || fail "backtest of the IBM sample: $out"
  out=$("$addio" --lang it backtest --db ibm.db --from 2013-01-01 --to 2014-06-30 --as-of 2014-06-30 2>&1)
  code=$?
  [ $code -eq 2 ] && grep -q 'deve finire prima del 2014-06-30' <<<"$out" \
    && ok "backtest refuses steps whose outcomes are unknown, in Italian" \
    || fail "backtest to the horizon: $code $out"
  out=$("$addio" forecast --db ibm.db --as-of 2013-06-30 --format json)
  python3 -c 'import json,sys; f=json.load(sys.stdin); assert f["method"]=="model" and len(f["weeks"])==13 and f["invoices"], f["method"]' <<<"$out" \
    && ok "forecast JSON: the model, 13 weeks, the open invoices" || fail "forecast JSON: $out"
else
  echo "skip IBM import: no shared data at $data"
fi

# Alerts on the demo: an overrun project with the day it ran out, a worse verdict, each
# with an id that a second listing repeats; in Italian too; a period that ends before it
# starts is refused.
"$addio" demo --db alerts.db >/dev/null
out=$("$addio" alerts --db alerts.db --as-of 2026-11-30 --since 2026-09-30 --format json)
python3 -c '
import json, sys
report = json.load(sys.stdin)
kinds = {a["kind"] for a in report["alerts"]}
over = [a for a in report["alerts"] if a["kind"] == "budget" and a["threshold"] == 100]
assert {"budget", "verdict", "late_risk"} <= kinds, kinds
assert over and over[0]["ran_out"], over
' <<<"$out" && ok "alerts: budgets, verdicts and late risks, an overrun with its date" \
  || fail "alerts JSON: $out"
[ "$out" = "$("$addio" alerts --db alerts.db --as-of 2026-11-30 --since 2026-09-30 --format json)" ] \
  && ok "alerts: the same listing twice" || fail "alerts differ between two runs"
"$addio" --lang it alerts --db alerts.db --as-of 2026-11-30 --since 2026-09-30 \
  | grep -q 'Si è esaurito il' && ok "alerts in Italian" || fail "alerts in Italian"
out=$("$addio" alerts --db alerts.db --as-of 2026-11-30 --since 2026-12-01 2>&1); code=$?
[ $code -eq 2 ] && grep -q -- '--since' <<<"$out" && ok "alerts: since after as-of refused" \
  || fail "alerts since after as-of: $code $out"

# Languages: Italian from --lang and from LANG.
"$addio" init --db s.db --lang it | grep -q 'archivio' && ok "--lang it" || fail "--lang it"
LANG=it_IT.UTF-8 "$addio" init --db s.db | grep -q 'archivio' && ok "LANG=it_IT" || fail "LANG it"
out=$("$addio" init --db s.db --lang fr 2>&1); code=$?
[ $code -eq 2 ] && grep -q 'en, it' <<<"$out" && ok "--lang fr refused" || fail "--lang fr: $code $out"

# Italian everywhere: the diagnostics of a rejected import, a usage error, an API error.
err_en=$("$addio" import --db s.db broken.json 2>&1 >/dev/null)
err_it=$("$addio" --lang it import --db s.db broken.json 2>&1 >/dev/null); code=$?
[ $code -eq 3 ] && ok "broken import in Italian exits 3" || fail "broken import in Italian exit $code"
grep -q 'non è stato scritto nulla' <<<"$err_it" && ok "Italian: nothing was written" \
  || fail "Italian summary: $err_it"
# Line by line against the English run: each Italian line has the Italian prefix and
# a message of its own (its last ": " part differs from the English one).
python3 - <(printf '%s\n' "$err_en") <(printf '%s\n' "$err_it") <<'PY' \
  && ok "every diagnostic in Italian" || fail "diagnostics not in Italian: $err_it"
import sys
en, it = (open(name).read().splitlines() for name in sys.argv[1:3])
assert len(en) == len(it) > 1, (en, it)
for e, i in zip(en, it):
    assert i.startswith(("errore: ", "avviso: ", "addio: ")), i
    assert e.rsplit(": ", 1)[-1] != i.rsplit(": ", 1)[-1], i
PY
out=$("$addio" --lang it import 2>&1); code=$?
[ $code -ne 0 ] && grep -q '^path è obbligatorio$' <<<"$out" && grep -q 'Usa --help' <<<"$out" \
  && ok "usage error in Italian" || fail "usage error in Italian: $code $out"
out=$(LANG=it_IT.UTF-8 "$addio" gen --out x.json --format xml 2>&1)
grep -q -- '--format: xml non è tra i valori ammessi {json,csv}' <<<"$out" \
  && ok "usage error follows LANG" || fail "usage error LANG: $out"
out=$("$addio" import 2>&1)
[ "$out" = $'path is required\nRun with --help for more information.' ] \
  && ok "usage error in English as before" || fail "usage error in English: $out"
"$addio" serve --db s.db --port 0 > serve.txt 2>&1 & server=$!
for _ in $(seq 50); do grep -q 'http://' serve.txt && break; sleep 0.1; done
url=$(grep -o 'http://[^ ]*' serve.txt | head -1)
body=$(curl -s "${url}api/v1/clients?as_of=nope&lang=it")
# serve answers from the server module it carries, loaded from memory with cpp-httplib.
maps=$(cat "/proc/$server/maps" 2>/dev/null)
grep -q 'memfd:addio-server' <<<"$maps" && grep -q 'libcpp-httplib' <<<"$maps" \
  && ok "serve loads the server module" || fail "serve maps: $(grep -Eo '(memfd|lib)[^ ]*' <<<"$maps" | sort -u | tr '\n' ' ')"
kill $server; wait $server 2>/dev/null
grep -q '"message":"as_of: \\"nope\\" non è una data' <<<"$body" \
  && ok "API error in Italian" || fail "API error in Italian: $body"

# serve: beyond the loopback it refuses to start (accounts come first), in both languages;
# the start-up line names the address and the port really bound.
out=$("$addio" serve --db s.db --host 0.0.0.0 --port 0 2>&1); code=$?
[ $code -ne 0 ] && grep -q 'cannot serve on 0.0.0.0' <<<"$out" && grep -q 'accounts' <<<"$out" \
  && ! grep -q 'http://' <<<"$out" && ok "serve refuses 0.0.0.0" || fail "serve 0.0.0.0: $code $out"
out=$("$addio" --lang it serve --db s.db --host :: --port 0 2>&1); code=$?
[ $code -ne 0 ] && grep -q 'impossibile servire su ::' <<<"$out" && grep -q 'account' <<<"$out" \
  && ok "serve refuses :: in Italian" || fail "serve :: in Italian: $code $out"
"$addio" serve --db s.db --host ::1 --port 0 > serve6.txt 2>&1 & server=$!
for _ in $(seq 50); do grep -q 'http://' serve6.txt && break; sleep 0.1; done
url=$(grep -o 'http://[^ ]*' serve6.txt | head -1)
kill $server; wait $server 2>/dev/null
if grep -q 'cannot listen' serve6.txt; then
  ok "serve on ::1 skipped: no IPv6 loopback here"
else
  grep -Eq '^http://\[::1\]:[1-9][0-9]*/$' <<<"$url" && ok "serve prints the bound address and port" \
    || fail "serve ::1 banner: $(cat serve6.txt)"
fi

# Workspaces: one store, several workspaces, each named with --workspace (or
# $ADDIO_WORKSPACE) once there is more than one; moving one is export + import.
"$addio" workspace list --db s.db | grep -Eq '^default +default +15$' && ok "workspace list" \
  || fail "workspace list: $("$addio" workspace list --db s.db 2>&1)"
"$addio" workspace add acme --name "Acme Agency" --db s.db | grep -q -- '--workspace acme' \
  && ok "workspace add" || fail "workspace add"
out=$("$addio" workspace add acme --db s.db 2>&1); code=$?
[ $code -ne 0 ] && grep -q 'already has a workspace "acme"' <<<"$out" && ok "workspace ids are unique" \
  || fail "workspace add twice: $code $out"
out=$("$addio" workspace add "Acme 2" --db s.db 2>&1); code=$?
[ $code -eq 2 ] && grep -q 'cannot name a workspace' <<<"$out" && ok "workspace id checked" \
  || fail "workspace bad id: $code $out"
out=$("$addio" clients --db s.db 2>&1); code=$?
[ $code -eq 2 ] && grep -q 'acme, default' <<<"$out" && grep -q -- '--workspace' <<<"$out" \
  && ok "several workspaces: the command asks which" || fail "no --workspace: $code $out"
out=$("$addio" --lang it clients --db s.db --workspace nope 2>&1); code=$?
[ $code -ne 0 ] && grep -q 'non ha uno spazio di lavoro "nope"' <<<"$out" \
  && ok "unknown workspace, in Italian" || fail "unknown workspace: $code $out"
"$addio" export --db s.db --workspace default moved.json >/dev/null || fail "export default"
"$addio" import --db s.db --workspace acme moved.json >/dev/null || fail "import into acme"
ADDIO_WORKSPACE=acme "$addio" export --db s.db moved-back.json >/dev/null || fail "export acme"
cmp -s moved.json moved-back.json && ok "a workspace moves losslessly" || fail "moved workspace differs"
[ "$(ADDIO_WORKSPACE=acme "$addio" assess --db s.db --as-of 2026-10-31 --format json)" = \
  "$("$addio" assess --db s.db --workspace default --as-of 2026-10-31 --format json)" ] \
  && ok "the moved workspace assesses the same" || fail "moved workspace assesses differently"
"$addio" workspace rename acme "Acme Studio" --db s.db >/dev/null || fail "workspace rename"
"$addio" --lang it workspace list --db s.db | grep -Eq '^acme +Acme Studio +15$' \
  && ok "workspace rename keeps the id" || fail "workspace rename: $("$addio" workspace list --db s.db)"
"$addio" init --db s.db --workspace beta | grep -q 'beta' && \
  "$addio" workspace list --db s.db --format json | python3 -c '
import json, sys
assert [w["id"] for w in json.load(sys.stdin)] == ["acme", "beta", "default"]' \
  && ok "init --workspace adds it" || fail "init --workspace"

# Accounts, roles and tokens (DESIGN.md section 10): the password read from stdin, never
# stored; the first account owns every workspace; a token is printed once on stdout.
out=$(echo "too short" | "$addio" user add ana@studio.example --db s.db 2>&1); code=$?
[ $code -eq 2 ] && grep -q 'at least 10 characters' <<<"$out" && ok "a short password is refused" \
  || fail "short password: $code $out"
out=$(echo "ana's long password" | "$addio" user add Ana@Studio.example --db s.db 2>&1)
grep -q 'ana@studio.example owns every workspace: acme, beta, default' <<<"$out" \
  && ok "the first account owns every workspace" || fail "first account: $out"
! sqlite3 s.db "SELECT password_hash FROM users" | grep -q "long password" \
  && sqlite3 s.db "SELECT password_hash FROM users" | grep -q '^\$argon2id\$' \
  && ok "the password is stored as argon2id" || fail "password stored"
echo "bo's long password" | "$addio" user add bo@studio.example --db s.db >/dev/null || fail "user add bo"
"$addio" member add bo@studio.example --role viewer --workspace acme --db s.db >/dev/null \
  || fail "member add"
"$addio" member list --workspace acme --db s.db --format json | python3 -c '
import json, sys
assert json.load(sys.stdin) == [{"email": "ana@studio.example", "role": "owner"},
                                {"email": "bo@studio.example", "role": "viewer"}]' \
  && ok "member list" || fail "member list: $("$addio" member list --workspace acme --db s.db)"
out=$("$addio" member remove ana@studio.example --workspace acme --db s.db 2>&1); code=$?
[ $code -eq 3 ] && grep -q 'last owner' <<<"$out" && ok "the last owner stays" \
  || fail "last owner removed: $code $out"
token=$("$addio" token create --workspace acme --name ci --db s.db 2>/dev/null)
[[ $token =~ ^addio_[0-9a-f]{16}_[0-9a-f]{64}$ ]] && ok "token create prints the token alone" \
  || fail "token: $token"
! sqlite3 s.db "SELECT * FROM api_tokens" | grep -q "${token##*_}" \
  && ok "the token's secret is not stored" || fail "token secret stored"
out=$("$addio" token create --workspace acme --user bo@studio.example --role member --db s.db 2>&1)
code=$?
[ $code -eq 2 ] && grep -q 'cannot be member' <<<"$out" && ok "a token is no more than its account" \
  || fail "token above role: $code $out"
id=$(cut -d_ -f2 <<<"$token")
"$addio" token list --workspace acme --db s.db | grep -q "$id" && ok "token list" || fail "token list"
"$addio" token revoke "$id" --workspace acme --db s.db >/dev/null \
  && ! "$addio" token list --workspace acme --db s.db | grep -q "$id" \
  && ok "token revoke" || fail "token revoke"
"$addio" --lang it user list --db s.db | grep -Eq '^bo@studio.example +acme \(lettore\)$' \
  && ok "user list, in Italian" || fail "user list: $("$addio" --lang it user list --db s.db)"

echo "$failures failures"
[ $failures -eq 0 ]

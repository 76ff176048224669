// The HTTP API end to end: starts `addio serve` on a free loopback port over a temporary
// store holding the demo, calls every operation of src/api/openapi.json over HTTP,
// validates every response body against the document's schema for its status (and every
// query parameter against the operation's declared parameters), and checks the error
// cases: unknown client 404, bad parameters 400, unknown paths 404, wrong methods 405,
// oversized uploads 413, a dry-run import that writes nothing, then a real one.
//   node api_test.mjs PATH/TO/addio
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { startServer } from './serve.mjs';

const addio = process.argv[2];
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const requireWeb = createRequire(path.join(root, 'web', 'package.json'));
const Ajv2020 = requireWeb('ajv/dist/2020').default;
const addFormats = requireWeb('ajv-formats').default;

const AS_OF = '2026-11-30';
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'addio-api-'));
// The store: a SQLite file of its own, or the PostgreSQL database given as the second
// argument (api_test.sh; the same checks on both stores).
const db = process.argv[3] ?? path.join(work, 'api.db');
const env = { ...process.env, LANG: 'C.UTF-8' };
delete env.ADDIO_DB;
delete env.LC_ALL;
delete env.LC_MESSAGES;

let failures = 0;
function check(condition, what, detail = '') {
  if (condition) {
    console.log(`ok   ${what}`);
  } else {
    failures++;
    console.log(`FAIL ${what}${detail ? `: ${detail}` : ''}`);
  }
}

// ---- The OpenAPI document as a set of JSON Schemas. ----

const openapi = JSON.parse(fs.readFileSync(path.join(root, 'src/api/openapi.json'), 'utf8'));
const toDefs = (schema) =>
  JSON.parse(JSON.stringify(schema).replaceAll('"#/components/schemas/', '"addio#/$defs/'));
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
ajv.addSchema({ $id: 'addio', $defs: toDefs(openapi.components.schemas) });
const compiled = new Map();
function validator(schema) {
  const key = JSON.stringify(schema);
  if (!compiled.has(key)) compiled.set(key, ajv.compile(toDefs(schema)));
  return compiled.get(key);
}

function operation(method, template) {
  const op = openapi.paths[template]?.[method.toLowerCase()];
  if (!op) throw new Error(`${method} ${template} is not in openapi.json`);
  return op;
}

function declaredParameters(op) {
  return (op.parameters ?? []).map((p) =>
    p.$ref ? openapi.components.parameters[p.$ref.split('/').pop()] : p);
}

function responseSchema(op, status, contentType) {
  let response = op.responses[String(status)] ?? op.responses.default;
  if (!response) return undefined;
  if (response.$ref) response = openapi.components.responses[response.$ref.split('/').pop()];
  const media = Object.keys(response.content ?? {}).find((type) => contentType.startsWith(type));
  return media ? response.content[media].schema : undefined;
}

// ---- HTTP. ----

let base = '';
let csrfToken = '';
const covered = new Set();

function request(method, url, { body, headers = {} } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers,
                                    raw: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

// Calls one operation and validates the answer against the document. Returns
// {status, headers, text, json}.
// Requests that change data carry the session's token unless `token` is false.
async function api(method, template, { path: pathParams = {}, query = {}, body, headers = {},
                                       expect, token = true } = {}) {
  if (method !== 'GET' && token && csrfToken) headers = { 'X-CSRF-Token': csrfToken, ...headers };
  const op = operation(method, template);
  covered.add(`${method} ${template}`);
  const declared = declaredParameters(op);
  for (const name of Object.keys(query)) {
    if (!declared.some((p) => p.in === 'query' && p.name === name)) {
      check(false, `${method} ${template}: parameter ${name} is declared`);
    }
  }
  let url = base + template.replace(/\{(\w+)\}/g, (_, name) => encodeURIComponent(pathParams[name]));
  const search = new URLSearchParams(query).toString();
  if (search) url += `?${search}`;
  const res = await request(method, url, { body, headers });
  const text = res.raw.toString('utf8');
  const contentType = res.headers['content-type'] ?? '';
  let json;
  if (contentType.startsWith('application/json')) {
    try {
      json = JSON.parse(text);
    } catch {
      check(false, `${method} ${url}: body is JSON`, text.slice(0, 200));
    }
  }
  const schema = responseSchema(op, res.status, contentType);
  const label = `${method} ${url.slice(base.length)} -> ${res.status}`;
  if (!schema) {
    check(false, `${label}: the document describes ${contentType}`);
  } else {
    const validate = validator(schema);
    const valid = validate(json !== undefined ? json : text);
    check(valid, `${label} matches the schema`,
          JSON.stringify(validate.errors?.slice(0, 3)) + ' ' + text.slice(0, 200));
  }
  if (expect !== undefined) check(res.status === expect, `${label}: status ${expect}`);
  return { status: res.status, headers: res.headers, text, json };
}

async function expectError(method, template, options, status, code) {
  const res = await api(method, template, { ...options, expect: status });
  check(res.json?.error?.code === code, `error code ${code}`, res.text.slice(0, 200));
  return res;
}

// ---- The server. ----

function cli(...args) {
  return execFileSync(addio, [...args, '--db', db], { env, encoding: 'utf8' });
}

async function main() {
  execFileSync(addio, ['demo', '--db', db], { env });
  const { server, ready, stderr } = startServer(addio, db, env);
  const exited = new Promise((resolve) => server.on('exit', (code, signal) => resolve({ code, signal })));
  base = await ready;
  console.log(`serving at ${base}`);
  try {
    await run();
  } finally {
    server.kill('SIGINT');
    const { code } = await exited;
    check(code === 0, 'Ctrl-C stops the server cleanly', `exit ${code}`);
    check(!/internal error/.test(stderr()), 'no handler raised an exception', stderr());
    fs.rmSync(work, { recursive: true, force: true });
  }
}

async function run() {
  // The document itself.
  const doc = await api('GET', '/api/v1/openapi.json', { expect: 200 });
  check(JSON.stringify(doc.json) === JSON.stringify(openapi), 'served openapi.json is the file');

  // The session's token, which every write below carries.
  const session = await api('GET', '/api/v1/session', { expect: 200 });
  csrfToken = session.json.csrf_token;
  check(/^[0-9a-f]{64}$/.test(csrfToken), 'the session gives a CSRF token');

  // Serving safely: a foreign Host, a cross-site write, a write without the token.
  const rebound = await expectError('GET', '/api/v1/clients', { headers: { Host: 'evil.example' } },
                                    421, 'misdirected_request');
  check(!rebound.text.includes('client'), 'a foreign Host reads no data', rebound.text);
  const countBefore = (await api('GET', '/api/v1/clients', { query: { as_of: AS_OF } })).json.clients.length;
  const evil = JSON.stringify({ format: 'addio-ledger/1',
    clients: [{ id: 'evil-co', name: 'Evil', kind: 'company', country: 'IT' }] });
  await expectError('POST', '/api/v1/imports', {
    query: { filename: 'evil.json' }, body: evil, token: false,
    headers: { Origin: 'http://evil.example', 'Content-Type': 'text/plain' } }, 403, 'cross_origin');
  await expectError('POST', '/api/v1/imports', {
    query: { filename: 'evil.json' }, body: evil,
    headers: { 'Sec-Fetch-Site': 'cross-site', 'Content-Type': 'text/plain' } }, 403, 'cross_origin');
  await expectError('POST', '/api/v1/imports', {
    query: { filename: 'evil.json' }, body: evil, token: false,
    headers: { 'Content-Type': 'text/plain' } }, 403, 'csrf_token');
  await expectError('PUT', '/api/v1/settings', {
    body: JSON.stringify({ settings: { grace_days: 1 } }), token: false,
    headers: { 'Content-Type': 'application/json' } }, 403, 'csrf_token');
  const countAfter = (await api('GET', '/api/v1/clients', { query: { as_of: AS_OF } })).json.clients.length;
  check(countAfter === countBefore, 'refused writes changed nothing', `${countBefore} -> ${countAfter}`);
  for (const res of [doc, session, rebound]) {
    check(/default-src 'self'/.test(res.headers['content-security-policy'] ?? '') &&
          res.headers['x-frame-options'] === 'DENY' && res.headers['x-content-type-options'] === 'nosniff' &&
          res.headers['referrer-policy'] === 'no-referrer', 'security headers on every answer');
  }

  // Workspace and clients.
  const workspace = await api('GET', '/api/v1/workspace', { expect: 200 });
  check(workspace.json.last_record_date >= '2026-11-01', 'workspace spans the demo');
  const clients = await api('GET', '/api/v1/clients', { query: { as_of: AS_OF }, expect: 200 });
  const ids = clients.json.clients.map((c) => c.id);
  check(ids.length === workspace.json.clients && ids.length > 0, 'every client is listed',
        `${ids.length} vs ${workspace.json.clients}`);

  // The portfolio: the same bytes as `addio assess --format json --pretty`.
  const assessment = await api('GET', '/api/v1/assessment', { query: { as_of: AS_OF }, expect: 200 });
  check(assessment.text === cli('assess', '--as-of', AS_OF, '--format', 'json', '--pretty'),
        'assessment is byte for byte the JSON of addio assess --pretty');
  const italian = await api('GET', '/api/v1/assessment', { query: { as_of: AS_OF, lang: 'it' },
                                                          expect: 200 });
  check(italian.text === cli('assess', '--as-of', AS_OF, '--format', 'json', '--pretty', '--lang', 'it') &&
        italian.text !== assessment.text, 'lang=it gives the Italian assessment');
  check(assessment.json.clients.length === ids.length, 'assessment covers every client');

  // The paged portfolio: the assessment's clients, one line each, sorted and paged.
  const all = await api('GET', '/api/v1/portfolio', { query: { as_of: AS_OF, per_page: 500 }, expect: 200 });
  const byId = new Map(assessment.json.clients.map((c) => [c.client, c]));
  check(all.json.clients_total === ids.length && all.json.matched === ids.length &&
        all.json.clients.every((line) => {
          const c = byId.get(line.client);
          return c && c.verdict === line.verdict && c.score === line.score &&
                 JSON.stringify(c.economics) === JSON.stringify(line.economics) &&
                 Object.entries(line.signals).every(([k, v]) => c.signals[k].severity === v) &&
                 (line.action === null ? c.actions.length === 0 : line.action.text === c.actions[0].text);
        }), 'portfolio lines are the assessment\'s clients');
  const urgency = ['part_ways', 'renegotiate', 'watch', 'insufficient_data', 'keep'];
  check(all.json.clients.every((line, i, lines) => i === 0 ||
          urgency.indexOf(lines[i - 1].verdict) <= urgency.indexOf(line.verdict)),
        'portfolio sorted by verdict, most urgent first');
  check(urgency.every((v) => all.json.verdicts[v] ===
          assessment.json.clients.filter((c) => c.verdict === v).length), 'verdict counts add up');
  // Why each verdict: the first rule of DESIGN.md section 5 that holds, worked out here from
  // the levels and the net value, and said in words naming the sign.
  const expectedRule = (line) => {
    const levels = Object.values(line.signals);
    const count = (level) => levels.filter((l) => l === level).length;
    const reds = count('red');
    if (line.signals.non_payment === 'red' || line.signals.no_contract === 'red') return 'decisive_red';
    if (reds >= 3) return 'three_reds';
    if (reds >= 2 && Number(line.economics.net_value) <= 0) return 'two_reds_no_value';
    if (reds >= 1) return 'any_red';
    if (count('amber') >= 3) return 'three_ambers';
    if (count('unknown') >= 4) return 'mostly_unknown';
    return count('amber') >= 1 ? 'any_amber' : 'all_clear';
  };
  const wrongRule = all.json.clients.filter((line) => line.verdict_rule.code !== expectedRule(line));
  check(wrongRule.length === 0, 'each line names the rule that decided its verdict',
        wrongRule.map((l) => `${l.client}: ${l.verdict_rule.code}`).join());
  const ruleOf = (id) => all.json.clients.find((l) => l.client === id)?.verdict_rule.text;
  check(ruleOf('gallo') === 'Non-payment is red, and on its own that means parting ways.' &&
        ruleOf('ferri')?.startsWith('No contract is red'), 'the rule names the decisive sign',
        `${ruleOf('gallo')} / ${ruleOf('ferri')}`);
  const italianRules = await api('GET', '/api/v1/portfolio',
                                 { query: { as_of: AS_OF, verdict: 'part_ways', lang: 'it' }, expect: 200 });
  check(italianRules.json.clients.some((l) => l.verdict_rule.text.startsWith('Il segnale «Mancati pagamenti» è rosso')),
        'the rule in Italian', italianRules.json.clients.map((l) => l.verdict_rule.text).join(' | '));
  const second = await api('GET', '/api/v1/portfolio',
                           { query: { as_of: AS_OF, sort: '-hidden_cost', per_page: 2, page: 2, lang: 'it' }, expect: 200 });
  const costly = [...assessment.json.clients].sort((a, b) =>
    Number(b.economics.hidden_cost) - Number(a.economics.hidden_cost) || (a.client < b.client ? -1 : 1));
  check(second.json.clients.map((c) => c.client).join() === costly.slice(2, 4).map((c) => c.client).join(),
        'page 2 of the costliest clients', second.json.clients.map((c) => c.client).join());
  const parted = await api('GET', '/api/v1/portfolio', { query: { as_of: AS_OF, verdict: 'part_ways' }, expect: 200 });
  check(parted.json.matched === all.json.verdicts.part_ways &&
        parted.json.clients.every((c) => c.verdict === 'part_ways' && c.reason !== null), 'filtered by verdict, each with its reason');
  await expectError('GET', '/api/v1/portfolio', { query: { sort: 'bogus' } }, 400, 'invalid_argument');
  await expectError('GET', '/api/v1/portfolio', { query: { per_page: 501 } }, 400, 'invalid_argument');

  // One client: explain, history, charts, statement.
  for (const id of ids) {
    const one = await api('GET', '/api/v1/clients/{id}/assessment',
                          { path: { id }, query: { as_of: AS_OF }, expect: 200 });
    check(one.json.client === id && Object.values(one.json.signals).every((s) => Array.isArray(s.thresholds)),
          `${id}: explain has six signs with thresholds`);
    const charts = await api('GET', '/api/v1/clients/{id}/charts',
                             { path: { id }, query: { as_of: AS_OF }, expect: 200 });
    const heat = charts.json.contacts;
    const sum = heat.counts.flat().reduce((a, b) => a + b, 0);
    check(sum === heat.total && heat.after_hours <= heat.total, `${id}: heatmap counts add up`);
    check(charts.json.score_history.length === 12, `${id}: twelve months of scores`);
    check(charts.json.rate.clients.filter((c) => c.is_self).length ===
          (charts.json.rate.effective_rate === null ? 0 : 1), `${id}: rate chart marks the client`);
    check(charts.json.invoices.every((i) => i.due <= AS_OF), `${id}: only invoices due by as_of`);
  }
  const someone = ids[0];
  const explained = await api('GET', '/api/v1/clients/{id}/assessment',
                              { path: { id: someone }, query: { as_of: AS_OF, lang: 'it' }, expect: 200 });
  check(explained.text === cli('explain', someone, '--as-of', AS_OF, '--format', 'json', '--lang', 'it'),
        'client assessment is byte for byte the JSON of addio explain');
  const history = await api('GET', '/api/v1/clients/{id}/history',
                            { path: { id: someone }, query: { as_of: AS_OF, months: '3' }, expect: 200 });
  check(history.json.points.map((p) => p.date).join() === '2026-09-30,2026-10-31,2026-11-30',
        'history gives the last three month ends');
  check(history.text === cli('history', someone, '--as-of', AS_OF, '--months', '3', '--format', 'json'),
        'history is byte for byte the JSON of addio history');
  await api('GET', '/api/v1/clients/{id}/history', { path: { id: someone }, query: { lang: 'it' },
                                                     expect: 200 });

  // Receivables.
  const aging = await api('GET', '/api/v1/aging', { query: { as_of: AS_OF }, expect: 200 });
  check(aging.json.payers.length === ids.length, 'aging lists how every client pays');
  const csv = await api('GET', '/api/v1/aging', { query: { as_of: AS_OF, format: 'csv', lang: 'it' },
                                                  expect: 200 });
  check(/^text\/csv/.test(csv.headers['content-type']) &&
        /attachment/.test(csv.headers['content-disposition'] ?? '') &&
        csv.text.split('\r\n').length === aging.json.clients.length + 2,
        'aging CSV: one header, one row per client, as a download');
  // Payment prediction: the JSON of addio forecast, byte for byte, in either language.
  const forecast = await api('GET', '/api/v1/forecast', { query: { as_of: AS_OF, lang: 'it' },
                                                         expect: 200 });
  check(forecast.text === cli('--lang', 'it', 'forecast', '--as-of', AS_OF, '--format', 'json'),
        'forecast is byte for byte the JSON of addio forecast');
  check(forecast.json.weeks.length === 13 && forecast.json.invoices.length > 0,
        'forecast: 13 weeks and the open invoices');
  await expectError('GET', '/api/v1/forecast', { query: { as_of: '2026-02-30' } }, 400,
                    'invalid_argument');
  // Alerts: the JSON of addio alerts, byte for byte.
  const alerts = await api('GET', '/api/v1/alerts', { query: { as_of: AS_OF, since: '2026-09-30' },
                                                     expect: 200 });
  check(alerts.text === cli('alerts', '--as-of', AS_OF, '--since', '2026-09-30', '--format', 'json'),
        'alerts are byte for byte the JSON of addio alerts');
  check(alerts.json.alerts.some((a) => a.kind === 'budget'), 'alerts: a budget burning');
  await expectError('GET', '/api/v1/alerts', { query: { as_of: AS_OF, since: 'last week' } }, 400,
                    'invalid_argument');
  await expectError('GET', '/api/v1/alerts', { query: { as_of: AS_OF, since: '2026-12-01' } }, 400,
                    'invalid_argument');
  // Dunning: the JSON of addio dunning, byte for byte; sending needs a mail server.
  for (const lang of ['en', 'it']) {
    const dunning = await api('GET', '/api/v1/dunning', { query: { as_of: AS_OF, lang }, expect: 200 });
    check(dunning.text === cli('--lang', lang, 'dunning', '--as-of', AS_OF, '--format', 'json'),
          `dunning (${lang}) is byte for byte the JSON of addio dunning`);
    check(dunning.json.items.some((item) => item.state === 'due' && item.letter),
          `dunning (${lang}): a letter due`);
  }
  await expectError('POST', '/api/v1/dunning/send', { query: { as_of: AS_OF }, body: '{}',
                                                     headers: { 'Content-Type': 'application/json' } },
                    400, 'invalid_argument');
  const debtor = aging.json.clients[0]?.client ?? someone;
  const statement = await api('GET', '/api/v1/clients/{id}/statement',
                              { path: { id: debtor }, query: { as_of: AS_OF }, expect: 200 });
  check(statement.json.client === debtor, 'statement of a client with open items');
  await api('GET', '/api/v1/clients/{id}/statement',
            { path: { id: debtor }, query: { as_of: AS_OF, format: 'csv', payments_from: '2026-06-01' },
              expect: 200 });

  // Coverage: the same bytes as `addio coverage --format json`; the demo holds every kind of
  // record the signs read.
  for (const lang of ['en', 'it']) {
    const coverage = await api('GET', '/api/v1/coverage', { query: { lang }, expect: 200 });
    check(coverage.text === cli('coverage', '--format', 'json', '--lang', lang),
          `coverage (${lang}) is byte for byte the JSON of addio coverage`);
    check(coverage.json.unknown.length === 0 && coverage.json.next.length === 0 &&
          coverage.json.types.find((t) => t.type === 'invoice').records > 0,
          `coverage (${lang}): the demo leaves no sign unknown`, coverage.text.slice(0, 200));
  }

  // Screening a prospect: the same bytes as `addio screen --format json`, with the demo's
  // past client who answered the intake questions.
  const intake = { will_sign_contract: 'hesitant', budget_ratio: 0.7, accepts_deposit: false,
                   payment_terms_days: 45, scope_clarity: 'vague', timeline_ratio: 0.9,
                   providers_replaced: 1, contact_hours: 'extended', decision_maker: 'single',
                   payment_reputation: 'unknown' };
  const answersFile = path.join(work, 'answers.json');
  fs.writeFileSync(answersFile, JSON.stringify(intake));
  const jsonType = { 'Content-Type': 'application/json' };
  for (const lang of ['en', 'it']) {
    const screened = await api('POST', '/api/v1/screen', { query: { as_of: AS_OF, lang },
                                                           body: JSON.stringify(intake),
                                                           headers: jsonType, expect: 200 });
    check(screened.text === cli('screen', '--answers', answersFile, '--as-of', AS_OF, '--format', 'json',
                                '--lang', lang),
          `screening (${lang}) is byte for byte the JSON of addio screen`);
    check(screened.json.decision === 'accept_with_terms' && screened.json.similar?.length > 0,
          `screening (${lang}) decides and shows similar past clients`, screened.text.slice(0, 200));
  }
  const safe = await api('POST', '/api/v1/screen', {
    query: { as_of: AS_OF }, headers: jsonType, expect: 200,
    body: JSON.stringify({ ...intake, will_sign_contract: 'yes', budget_ratio: 1, accepts_deposit: true,
                           payment_terms_days: 30, scope_clarity: 'clear', contact_hours: 'business',
                           payment_reputation: 'good' }) });
  check(safe.json.decision === 'accept' && safe.json.risk === 0 && safe.json.archetype === 'partner',
        'a safe prospect is accepted as a partner');
  const declined = await api('POST', '/api/v1/screen', {
    query: { as_of: AS_OF }, headers: jsonType, expect: 200,
    body: JSON.stringify({ ...intake, payment_reputation: 'bad' }) });
  check(declined.json.decision === 'decline' && declined.json.signals.non_payment.severity === 'red',
        'a known bad payer is declined');
  const { payment_terms_days: _omitted, ...incomplete } = intake;
  const missingAnswer = await expectError('POST', '/api/v1/screen', { body: JSON.stringify(incomplete), headers: jsonType },
                                    400, 'invalid_argument');
  check(/payment_terms_days/.test(missingAnswer.json.error.message), "a missing answer is named", missingAnswer.text);
  const wrongValue = await expectError('POST', '/api/v1/screen',
                                       { query: { lang: 'it' }, headers: jsonType,
                                         body: JSON.stringify({ ...intake, scope_clarity: 'foggy' }) },
                                       400, 'invalid_argument');
  check(/scope_clarity/.test(wrongValue.json.error.message), 'a bad answer is named', wrongValue.text);
  await expectError('POST', '/api/v1/screen', { body: 'not json', headers: jsonType }, 400, 'invalid_argument');
  await expectError('POST', '/api/v1/screen', { query: { as_of: 'soon' }, body: JSON.stringify(intake),
                                                headers: jsonType }, 400, 'invalid_argument');

  // Letters: the same bytes as `addio letter`, in each format's media type.
  const letterTypes = { txt: 'text/plain; charset=utf-8', md: 'text/markdown; charset=utf-8',
                        html: 'text/html; charset=utf-8' };
  for (const [format, type] of Object.entries(letterTypes)) {
    const letter = await api('GET', '/api/v1/clients/{id}/letters/{kind}',
                             { path: { id: 'colombo', kind: 'reminder' },
                               query: { as_of: AS_OF, lang: 'it', format }, expect: 200 });
    check(letter.headers['content-type'] === type, `letter as ${format} is ${type}`,
          letter.headers['content-type']);
    check(letter.text === cli('letter', 'colombo', '--kind', 'reminder', '--as-of', AS_OF, '--format', format,
                              '--lang', 'it'),
          `letter as ${format} is byte for byte addio letter`);
    check(/Sollecito di pagamento/.test(letter.text), `Italian reminder as ${format} says so`);
  }
  const notice = await api('GET', '/api/v1/clients/{id}/letters/{kind}',
                           { path: { id: 'gallo', kind: 'formal-notice' }, query: { as_of: AS_OF }, expect: 200 });
  check(notice.text === cli('letter', 'gallo', '--kind', 'formal-notice', '--as-of', AS_OF),
        'a formal notice in plain text by default');
  await expectError('GET', '/api/v1/clients/{id}/letters/{kind}',
                    { path: { id: 'colombo', kind: 'love-letter' } }, 400, 'invalid_argument');
  await expectError('GET', '/api/v1/clients/{id}/letters/{kind}',
                    { path: { id: 'colombo', kind: 'reminder' }, query: { format: 'pdf' } }, 400, 'invalid_argument');
  await expectError('GET', '/api/v1/clients/{id}/letters/{kind}',
                    { path: { id: 'no-such-client', kind: 'reminder' } }, 404, 'not_found');
  const nothingDue = await expectError('GET', '/api/v1/clients/{id}/letters/{kind}',
                                       { path: { id: 'brightwave', kind: 'reminder' },
                                         query: { as_of: AS_OF, lang: 'it' } }, 404, 'not_found');
  check(/brightwave|Brightwave/.test(nothingDue.json.error.message), 'nothing to ask for names the client');
  await expectError('GET', '/api/v1/clients/{id}/letters/{kind}',
                    { path: { id: 'brightwave', kind: 'rate-increase' }, query: { as_of: AS_OF } },
                    409, 'conflict');

  // Which letters apply: exactly those the letter endpoint writes, with why the others do not.
  const kinds = await api('GET', '/api/v1/clients/{id}/letters',
                          { path: { id: 'brightwave' }, query: { as_of: AS_OF, lang: 'it' }, expect: 200 });
  const applies = Object.fromEntries(kinds.json.letters.map((l) => [l.kind, l.applies]));
  check(!applies.reminder && !applies['formal-notice'] && !applies['rate-increase'] &&
        applies.termination, 'a keep client: no reminder, no notice, no raise to propose', kinds.text);
  check(kinds.json.letters.every((l) => l.applies === (l.why_not === null)),
        'every letter that does not apply says why');
  const gallosKinds = await api('GET', '/api/v1/clients/{id}/letters',
                                { path: { id: 'gallo' }, query: { as_of: AS_OF }, expect: 200 });
  check(gallosKinds.json.letters.find((l) => l.kind === 'formal-notice').applies,
        'a client with overdue invoices: the formal notice applies');
  await expectError('GET', '/api/v1/clients/{id}/letters', { path: { id: 'no-such-client' } }, 404,
                    'not_found');

  // Settings: set, see it used, reject unknown names, reset.
  const settings = await api('GET', '/api/v1/settings', { expect: 200 });
  check(settings.json.settings.some((s) => s.name === 'grace_days' && s.value === 3 && !s.overridden),
        'settings start at their defaults');
  const json = { 'Content-Type': 'application/json' };
  const changed = await api('PUT', '/api/v1/settings',
                            { body: JSON.stringify({ settings: { grace_days: 5 } }), headers: json, expect: 200 });
  check(changed.json.settings.some((s) => s.name === 'grace_days' && s.value === 5 && s.overridden),
        'PUT settings changes a value');
  const after = await api('GET', '/api/v1/assessment', { query: { as_of: AS_OF }, expect: 200 });
  check(after.json.settings.grace_days === 5, 'the assessment uses the new setting');
  await expectError('PUT', '/api/v1/settings',
                    { body: JSON.stringify({ settings: { grace_dayz: 5 } }), headers: json }, 400,
                    'invalid_argument');
  await expectError('PUT', '/api/v1/settings',
                    { body: JSON.stringify({ settings: { window_days: 2.5 } }), headers: json }, 400,
                    'invalid_argument');
  await expectError('PUT', '/api/v1/settings', { body: 'not json', headers: json }, 400, 'invalid_argument');
  const reset = await api('PUT', '/api/v1/settings',
                          { body: JSON.stringify({ settings: { grace_days: null } }), headers: json, expect: 200 });
  check(reset.json.settings.some((s) => s.name === 'grace_days' && s.value === 3 && !s.overridden),
        'null returns a setting to its default');

  // Workspace: working hours, holidays, target rate.
  const update = { target_hourly_rate: '75.00', holidays: ['2026-12-24', '2026-12-25'],
                   working_hours: { mon: ['08:30-12:30', '13:30-17:30'], tue: ['09:00-18:00'],
                                    wed: ['09:00-18:00'], thu: ['09:00-18:00'], fri: ['09:00-13:00'],
                                    sat: [], sun: [] } };
  const put = await api('PUT', '/api/v1/workspace', { body: JSON.stringify(update), headers: json, expect: 200 });
  check(put.json.target_hourly_rate === '75.00' && put.json.holidays.join() === '2026-12-24,2026-12-25' &&
        put.json.working_hours.mon.join() === '08:30-12:30,13:30-17:30', 'PUT workspace stores the change');
  const charts = await api('GET', '/api/v1/clients/{id}/charts', { path: { id: someone }, query: { as_of: AS_OF } });
  check(charts.json.contacts.working_hours.fri.join() === '09:00-13:00', 'charts use the new working hours');
  await expectError('PUT', '/api/v1/workspace', { body: JSON.stringify({ timezone: 'Mars/Olympus' }), headers: json },
                    400, 'invalid_argument');
  await expectError('PUT', '/api/v1/workspace',
                    { body: JSON.stringify({ working_hours: { ...update.working_hours, mon: ['12:00-10:00'] } }),
                      headers: json }, 400, 'invalid_argument');
  await expectError('PUT', '/api/v1/workspace', { body: JSON.stringify({ currency: 'USD' }), headers: json },
                    400, 'invalid_argument');

  // The workspace's own tax id: kept normalized, refused when it cannot be one, cleared by null.
  const taxed = await api('PUT', '/api/v1/workspace',
                          { body: JSON.stringify({ tax_id: 'it 0123 4567 890' }), headers: json, expect: 200 });
  check(taxed.json.tax_id === 'IT01234567890', 'PUT workspace stores the tax id normalized', taxed.json.tax_id);
  const badTaxId = await expectError('PUT', '/api/v1/workspace',
                                     { query: { lang: 'it' }, body: JSON.stringify({ tax_id: '0123' }), headers: json },
                                     400, 'invalid_argument');
  check(/^corpo della richiesta: tax_id: /.test(badTaxId.json.error.message), 'a wrong tax id is named, in Italian',
        badTaxId.json.error.message);
  check((await api('GET', '/api/v1/workspace', { expect: 200 })).json.tax_id === 'IT01234567890',
        'a refused tax id changes nothing');
  const untaxed = await api('PUT', '/api/v1/workspace',
                            { body: JSON.stringify({ tax_id: null }), headers: json, expect: 200 });
  check(untaxed.json.tax_id === null, 'null clears the tax id');

  // Errors.
  for (const template of ['/api/v1/clients/{id}/assessment', '/api/v1/clients/{id}/history',
                          '/api/v1/clients/{id}/charts', '/api/v1/clients/{id}/statement']) {
    await expectError('GET', template, { path: { id: 'no-such-client' } }, 404, 'not_found');
  }
  await expectError('GET', '/api/v1/assessment', { query: { as_of: '2026-02-30' } }, 400, 'invalid_argument');
  const italianError = await expectError('GET', '/api/v1/clients', { query: { as_of: 'ieri', lang: 'it' } },
                                         400, 'invalid_argument');
  check(/non è una data/.test(italianError.json.error.message), 'errors speak the request language');
  await expectError('GET', '/api/v1/assessment', { query: { lang: 'fr' } }, 400, 'invalid_argument');
  await expectError('GET', '/api/v1/clients/{id}/history', { path: { id: someone }, query: { months: '0' } },
                    400, 'invalid_argument');
  await expectError('GET', '/api/v1/aging', { query: { format: 'xml' } }, 400, 'invalid_argument');
  const unknown = await request('GET', `${base}/api/v1/nothing-here`);
  check(unknown.status === 404 && JSON.parse(unknown.raw).error.code === 'not_found', 'unknown API path: JSON 404');
  const wrong = await request('DELETE', `${base}/api/v1/clients`, { headers: { 'X-CSRF-Token': csrfToken } });
  check(wrong.status === 405 && JSON.parse(wrong.raw).error.code === 'method_not_allowed',
        'wrong method: JSON 405');

  // Imports: importers, a dry run that writes nothing, a real import, a re-import, a
  // rejected file, an unrecognised one, an oversized one.
  await api('GET', '/api/v1/importers', { expect: 200 });
  const ledger = JSON.stringify({
    format: 'addio-ledger/1',
    clients: [{ id: 'api-newco', name: 'NewCo S.r.l.', kind: 'company', country: 'IT' }],
    invoices: [{ id: 'API-1', client: 'api-newco', issued: '2026-10-01', due: '2026-10-31',
                 amount: '500.00', currency: 'EUR', status: 'issued' }],
  });
  const boundary = 'addio-test-boundary';
  const multipart = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="newco.json"\r\n` +
                    `Content-Type: application/json\r\n\r\n${ledger}\r\n--${boundary}--\r\n`;
  const dry = await api('POST', '/api/v1/imports', {
    query: { dry_run: 'true' }, body: multipart, expect: 200,
    headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` } });
  const added = (res, type) => res.json.counts.find((c) => c.type === type).added;
  check(dry.json.ok && !dry.json.written && dry.json.format === 'ledger' && added(dry, 'client') === 1 &&
        added(dry, 'invoice') === 1, 'dry run reports one new client and invoice', dry.text.slice(0, 300));
  const untouched = await api('GET', '/api/v1/clients', { query: { as_of: AS_OF } });
  check(untouched.json.clients.length === ids.length, 'dry run writes nothing');
  const octet = { 'Content-Type': 'application/octet-stream' };
  const real = await api('POST', '/api/v1/imports', { query: { filename: 'newco.json' }, body: ledger,
                                                      headers: octet, expect: 200 });
  check(real.json.ok && real.json.written && real.json.totals.added === 2, 'import writes the records');
  const grown = await api('GET', '/api/v1/clients', { query: { as_of: AS_OF } });
  check(grown.json.clients.length === ids.length + 1 && grown.json.clients.some((c) => c.id === 'api-newco'),
        'the new client is listed after the import');
  const again = await api('POST', '/api/v1/imports', { query: { filename: 'newco.json' }, body: ledger,
                                                       headers: octet, expect: 200 });
  check(again.json.totals.added === 0 && again.json.totals.unchanged === 2, 're-import changes nothing');
  const bad = JSON.stringify({ format: 'addio-ledger/1', invoices: [{ id: 'API-2', client: 'ghost',
    issued: '2026-10-01', due: '2026-09-01', amount: '-5.00', currency: 'EUR', status: 'issued' }] });
  const rejected = await api('POST', '/api/v1/imports', { query: { filename: 'bad.json' }, body: bad,
                                                          headers: octet, expect: 200 });
  check(!rejected.json.ok && !rejected.json.written && rejected.json.errors > 0 &&
        rejected.json.diagnostics.every((d) => !d.text.includes(os.tmpdir() + '/addio-upload')),
        'a rejected file writes nothing and names the upload, not the temporary file');
  await expectError('POST', '/api/v1/imports', { query: { filename: 'noise.bin' }, body: 'not a ledger\u0000',
                                                 headers: octet }, 400, 'invalid_argument');
  await expectError('POST', '/api/v1/imports', { query: { format: 'nosuchformat', filename: 'a.csv' },
                                                 body: 'a,b\n', headers: octet }, 400, 'invalid_argument');
  await expectError('POST', '/api/v1/imports', { query: { filename: 'big.csv' },
                                                 body: Buffer.alloc(51 * 1024 * 1024, 0x61), headers: octet },
                    413, 'payload_too_large');
  // The reading options of `addio import`: --since/--until for calendars, --encoding.
  const dated = await expectError('POST', '/api/v1/imports', {
    query: { filename: 'a.ics', since: '2024-13-01', lang: 'it' }, body: 'BEGIN:VCALENDAR\r\n', headers: octet },
    400, 'invalid_argument');
  check(dated.json.error.message.startsWith('since: '), 'a wrong since is named', dated.text);
  const encoded = await expectError('POST', '/api/v1/imports', {
    query: { filename: 'a.csv', encoding: 'ebcdic' }, body: 'a,b\n', headers: octet }, 400, 'invalid_argument');
  check(encoded.json.error.message.startsWith('encoding: ') && encoded.json.error.message.includes('ebcdic'),
        'a wrong encoding is named', encoded.text);
  const windowed = await api('POST', '/api/v1/imports', {
    query: { filename: 'newco.json', dry_run: 'true', since: '2026-01-01', until: '2026-12-31', encoding: 'latin-1' },
    body: ledger, headers: octet, expect: 200 });
  check(windowed.json.ok && windowed.json.totals.unchanged === 2, 'the reading options are taken', windowed.text);
  const final = await api('GET', '/api/v1/clients', { query: { as_of: AS_OF } });
  check(final.json.clients.length === ids.length + 1, 'rejected uploads left the store as it was');

  // The dashboard: gzipped from memory, SPA fallback, caching.
  const index = await request('GET', `${base}/`, { headers: { 'Accept-Encoding': 'gzip' } });
  check(index.status === 200 && index.headers['content-encoding'] === 'gzip' &&
        /text\/html/.test(index.headers['content-type']) && index.headers['cache-control'] === 'no-cache',
        'index.html is served gzipped, not cached');
  const plain = await request('GET', `${base}/clients/some-client`);
  check(plain.status === 200 && !plain.headers['content-encoding'] && /<html/i.test(plain.raw.toString()),
        'an app route without gzip gets index.html inflated');
  const missing = await request('GET', `${base}/assets/missing-0000.js`);
  check(missing.status === 404, 'a missing asset is a 404');
  const large = await request('GET', `${base}/api/v1/assessment?as_of=${AS_OF}`,
                              { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
  check(large.headers['content-encoding'] === 'gzip', 'large JSON is gzipped, never brotli');

  // Accounts, on a store without any: nothing to sign in to, signing out changes nothing,
  // the workspace has no members and only an existing account can become one
  // (tests/api/isolation_test.mjs serves a store with accounts).
  const signIn = await expectError('POST', '/api/v1/session', {
    body: JSON.stringify({ email: 'a@example.com', password: 'long enough pw' }),
    headers: { 'Content-Type': 'application/json' } }, 400, 'invalid_argument');
  check(/addio user add/.test(signIn.json.error.message), 'signing in without accounts says how to add one');
  const signOut = await api('DELETE', '/api/v1/session', { expect: 200 });
  check(signOut.json.accounts === false && signOut.json.workspaces.length === 1 &&
        signOut.json.workspaces[0].role === 'owner', 'without accounts the local user owns the workspace');
  const members = await api('GET', '/api/v1/members', { expect: 200 });
  check(members.json.members.length === 0, 'a store without accounts has no members');
  await expectError('PUT', '/api/v1/members', {
    body: JSON.stringify({ email: 'nobody@example.com', role: 'viewer' }),
    headers: { 'Content-Type': 'application/json' } }, 404, 'not_found');
  await expectError('PUT', '/api/v1/members', {
    body: JSON.stringify({ email: 'nobody@example.com', role: 'king' }),
    headers: { 'Content-Type': 'application/json' } }, 400, 'invalid_argument');
  await expectError('DELETE', '/api/v1/members/{email}', { path: { email: 'nobody@example.com' } },
                    404, 'not_found');

  // Every operation of the document was called.
  for (const [template, methods] of Object.entries(openapi.paths)) {
    for (const method of Object.keys(methods)) {
      const key = `${method.toUpperCase()} ${template}`;
      check(covered.has(key), `covered: ${key}`);
    }
  }
}

main().then(() => {
  console.log(failures === 0 ? 'api: all checks passed' : `api: ${failures} failures`);
  process.exit(failures === 0 ? 0 : 1);
}, (error) => {
  console.error(error);
  process.exit(1);
});

// Who may see and change what, against a real `addio serve` over a store with accounts
// (DESIGN.md section 10). Two workspaces, north and south, each with its own owner (alice,
// bob), and a viewer in north (vera). The test walks every operation of
// src/api/openapi.json, so that a route added later is held to the same rules:
//   - without a credential, every operation but the public ones answers 401;
//   - alice, signed in, asking for south, or for south's client ids in north, gets 404 on
//     every operation, reads and writes alike (never 403: no existence leak), and south
//     is byte for byte the same afterwards (its export, its assessment, its members);
//   - vera's every write answers 403 (her session and her API token alike), and her reads
//     of north answer;
//   - a token of north cannot reach south; a revoked or signed-out credential answers 401;
//   - the session cookie is HttpOnly and SameSite=Strict; failed sign-ins are throttled;
//   - served with a certificate (--tls-cert, --tls-key), the API speaks HTTPS only and the
//     cookie is Secure.
//   node isolation_test.mjs PATH/TO/addio [STORE_URL]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { startServer } from './serve.mjs';

const addio = process.argv[2];
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'addio-isolation-'));
const db = process.argv[3] ?? path.join(work, 'team.db');
const env = { ...process.env, LANG: 'C.UTF-8' };
delete env.ADDIO_DB;
delete env.ADDIO_WORKSPACE;

const openapi = JSON.parse(fs.readFileSync(path.join(root, 'src/api/openapi.json'), 'utf8'));
const PUBLIC = new Set(['getOpenApi', 'getSession', 'signIn', 'signOut']);
const PASSWORD = { alice: 'alice password 1', bob: 'bob password 22', vera: 'vera password 333' };
const email = (who) => `${who}@studio.example`;

let failures = 0;
function check(condition, what, detail = '') {
  if (condition) return;
  failures++;
  console.log(`FAIL ${what}${detail ? `: ${detail}` : ''}`);
}

function cli(args, input) {
  return execFileSync(addio, [...args, '--db', db], { env, encoding: 'utf8', input });
}

function request(method, url, { body, headers = {} } = {}) {
  return new Promise((resolve, reject) => {
    const secure = url.startsWith('https:');
    // The test's own certificate is trusted by no one: it is not checked.
    const options = secure ? { method, headers, rejectUnauthorized: false } : { method, headers };
    const req = (secure ? https : http).request(url, options, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode, headers: res.headers, text, json });
      });
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

// A caller: its headers (a session's cookie and CSRF token, or a bearer token).
const nobody = { name: 'nobody', headers: {} };
function bearer(name, token) {
  return { name, headers: { Authorization: `Bearer ${token}` } };
}

let base = '';
async function call(caller, method, url, body, contentType = 'application/json') {
  const headers = { ...caller.headers };
  if (method !== 'GET') {
    if (caller.csrf) headers['X-CSRF-Token'] = caller.csrf;
    headers['Content-Type'] = contentType;
  }
  return request(method, base + url, { body, headers });
}

async function signIn(who) {
  const session = await request('GET', `${base}/api/v1/session`);
  const res = await request('POST', `${base}/api/v1/session`, {
    body: JSON.stringify({ email: email(who), password: PASSWORD[who] }),
    headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': session.json.csrf_token },
  });
  check(res.status === 200, `${who} signs in`, res.text);
  const cookie = (res.headers['set-cookie'] ?? [])[0] ?? '';
  return { name: who, headers: { Cookie: cookie.split(';')[0] }, csrf: res.json?.csrf_token,
           cookie, session: res.json };
}

// Every operation of the document, with its path filled with `ids`.
function* operations(ids) {
  for (const [template, methods] of Object.entries(openapi.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const url = template.replace(/\{(\w+)\}/g, (_, name) => encodeURIComponent(ids[name]));
      yield { method: method.toUpperCase(), template, url, op };
    }
  }
}

// A body the operation accepts in shape (the refusals come before it is read).
function bodyOf(op) {
  if (op.operationId === 'createImport') return ['{"clients": []}', 'application/octet-stream'];
  return ['{}', 'application/json'];
}

function withQuery(url, query) {
  const qs = new URLSearchParams(query).toString();
  return qs ? `${url}${url.includes('?') ? '&' : '?'}${qs}` : url;
}

async function southState(bob) {
  const parts = [];
  for (const url of ['/api/v1/assessment?as_of=2026-11-30', '/api/v1/settings',
                     '/api/v1/members', '/api/v1/workspace']) {
    parts.push((await call(bob, 'GET', withQuery(url, { workspace: 'south' }))).text);
  }
  const exported = path.join(work, 'south-export.json');
  cli(['export', exported, '--workspace', 'south']);
  parts.push(fs.readFileSync(exported, 'utf8'));
  return parts.join('\n');
}

function setUp() {
  cli(['init']);
  cli(['workspace', 'add', 'north', '--name', 'North Studio']);
  cli(['workspace', 'add', 'south', '--name', 'South Studio']);
  cli(['demo', '--workspace', 'north']);
  const generated = path.join(work, 'south.json');
  execFileSync(addio, ['gen', '--clients', '6', '--seed', '11', '--months', '12',
                       '--end', '2026-11-30', '--format', 'json', '--out', generated], { env });
  cli(['import', generated, '--workspace', 'south']);
  for (const who of ['alice', 'bob', 'vera']) cli(['user', 'add', email(who)], `${PASSWORD[who]}\n`);
  // alice, the first account, owns every workspace: south passes to bob.
  cli(['member', 'add', email('bob'), '--role', 'owner', '--workspace', 'south']);
  cli(['member', 'remove', email('alice'), '--workspace', 'south']);
  cli(['member', 'add', email('vera'), '--role', 'viewer', '--workspace', 'north']);
  return {
    alice: cli(['token', 'create', '--workspace', 'north', '--user', email('alice'), '--role', 'owner']).trim(),
    vera: cli(['token', 'create', '--workspace', 'north', '--user', email('vera')]).trim(),
  };
}

async function run(tokens) {
  const alice = await signIn('alice');
  const bob = await signIn('bob');
  const vera = await signIn('vera');
  check(/HttpOnly/.test(alice.cookie) && /SameSite=Strict/.test(alice.cookie) &&
        /Path=\//.test(alice.cookie), 'the session cookie is HttpOnly and SameSite=Strict', alice.cookie);
  check(JSON.stringify(alice.session.workspaces.map((w) => w.id)) === '["default","north"]',
        'alice sees her workspaces only', JSON.stringify(alice.session.workspaces));

  const southClients = (await call(bob, 'GET', '/api/v1/clients?workspace=south')).json.clients;
  const northClients = (await call(alice, 'GET', '/api/v1/clients?workspace=north')).json.clients;
  check(southClients.length > 0 && northClients.length > 0, 'both workspaces hold clients');
  const northIds = new Set(northClients.map((c) => c.id ?? c.client));
  const southId = southClients.map((c) => c.id ?? c.client).find((id) => !northIds.has(id));
  check(southId !== undefined, 'south has a client id north does not');
  const southIds = { id: southId, kind: 'reminder', email: email('bob') };
  const before = await southState(bob);

  let walked = 0;
  for (const { method, template, url, op } of operations(southIds)) {
    const [body, type] = method === 'GET' ? [undefined, undefined] : bodyOf(op);
    const what = `${method} ${template}`;
    if (PUBLIC.has(op.operationId)) continue;
    walked++;
    // No credential: 401.
    const anonymous = await call(nobody, method, withQuery(url, { workspace: 'south' }), body, type);
    check(anonymous.status === 401, `${what} without a credential: 401`, `${anonymous.status} ${anonymous.text}`);
    // Another workspace: 404, by session and by token.
    for (const caller of [alice, bearer('alice token', tokens.alice)]) {
      const other = await call(caller, method, withQuery(url, { workspace: 'south' }), body, type);
      check(other.status === 404, `${what} by ${caller.name} in south: 404`, `${other.status} ${other.text}`);
    }
    // South's client ids, asked in north: 404 where the path names a client.
    if (template.includes('{id}')) {
      const ids = await call(alice, method, withQuery(url, { workspace: 'north' }), body, type);
      check(ids.status === 404, `${what} of south's client in north: 404`, `${ids.status} ${ids.text}`);
    }
    // A viewer's writes: 403; her reads of north are answered.
    const northUrl = withQuery(url.replace(encodeURIComponent(southId), encodeURIComponent(northClients[0].id ?? northClients[0].client)), { workspace: 'north' });
    for (const caller of [vera, bearer('vera token', tokens.vera)]) {
      const res = await call(caller, method, northUrl, body, type);
      if (method === 'GET') {
        const ownerOnly = op.operationId === 'getMembers';
        // Answered: whatever the operation says of north's data (a letter that does not
        // apply is its own 404), never a refusal of the caller or of the workspace.
        const refused = res.status === 401 || res.status === 403 ||
                        (res.status === 404 && /no workspace/.test(res.text));
        check(ownerOnly ? res.status === 403 : !refused,
              `${what} by ${caller.name}: ${ownerOnly ? '403' : 'answered'}`, `${res.status} ${res.text.slice(0, 200)}`);
      } else {
        check(res.status === 403, `${what} by ${caller.name}: 403`, `${res.status} ${res.text}`);
      }
    }
  }
  check(walked >= 25, `every operation walked (${walked})`);
  check((await southState(bob)) === before, 'south is unchanged after every attempt');

  // Members: alice manages north's; bob cannot see them.
  const promoted = await call(alice, 'PUT', '/api/v1/members?workspace=north',
                              JSON.stringify({ email: email('vera'), role: 'member' }));
  check(promoted.status === 200 && promoted.json.members.some((m) => m.email === email('vera') && m.role === 'member'),
        'an owner changes a role', promoted.text);
  const lastOwner = await call(alice, 'PUT', '/api/v1/members?workspace=north',
                               JSON.stringify({ email: email('alice'), role: 'viewer' }));
  check(lastOwner.status === 409, 'the last owner cannot step down', lastOwner.text);
  const peek = await call(bob, 'GET', '/api/v1/members?workspace=north');
  check(peek.status === 404, "another workspace's members: 404", peek.text);

  // A token is of one workspace; revoked, it stops at once.
  const tokenSession = await call(bearer('alice token', tokens.alice), 'GET', '/api/v1/session');
  check(tokenSession.json.workspaces.length === 1 && tokenSession.json.workspaces[0].id === 'north',
        'a token opens its own workspace only', tokenSession.text);
  const id = tokens.vera.split('_')[1];
  cli(['token', 'revoke', id, '--workspace', 'north']);
  const revoked = await call(bearer('vera token', tokens.vera), 'GET', '/api/v1/clients?workspace=north');
  check(revoked.status === 401, 'a revoked token: 401', revoked.text);
  const forged = await call(bearer('forged', tokens.alice.slice(0, -1) + (tokens.alice.endsWith('0') ? '1' : '0')),
                            'GET', '/api/v1/clients');
  check(forged.status === 401, 'a token with a wrong secret: 401', forged.text);

  // Signing out ends the session on the server: the old cookie no longer works.
  const out = await call(vera, 'DELETE', '/api/v1/session');
  check(out.status === 200 && /Max-Age=0/.test((out.headers['set-cookie'] ?? [])[0] ?? ''),
        'signing out clears the cookie', out.text);
  const after = await call(vera, 'GET', '/api/v1/clients?workspace=north');
  check(after.status === 401, 'a signed-out session: 401', after.text);

  // A page reaching the server under another name (DNS rebinding) is told 421 before any
  // credential is looked at, signed in or not.
  for (const caller of [nobody, alice]) {
    const rebound = await call({ ...caller, headers: { ...caller.headers, Host: 'evil.example' } },
                               'GET', '/api/v1/clients?workspace=north');
    check(rebound.status === 421, `a foreign Host, ${caller.name}: 421`, rebound.text);
  }

  // A session's writes need its CSRF token: the server's own, or another session's, will not do.
  const noCsrf = await call({ ...alice, csrf: bob.csrf }, 'PUT', '/api/v1/settings?workspace=north',
                            '{"settings": {"grace_days": 3}}');
  check(noCsrf.status === 403 && noCsrf.json?.error?.code === 'csrf_token',
        "another session's CSRF token is refused", noCsrf.text);

  // Failed sign-ins are throttled.
  const session = await request('GET', `${base}/api/v1/session`);
  const statuses = [];
  for (let i = 0; i < 6; i++) {
    const res = await request('POST', `${base}/api/v1/session`, {
      body: JSON.stringify({ email: email('bob'), password: 'not the password' }),
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': session.json.csrf_token },
    });
    statuses.push(res.status);
    if (i === 5) check(Number(res.headers['retry-after']) > 0, 'a throttled sign-in says when to retry');
  }
  check(JSON.stringify(statuses) === '[401,401,401,401,401,429]', 'the sixth failed sign-in is refused',
        JSON.stringify(statuses));
}

// The same store served over HTTPS with a certificate made for the test.
async function overTls() {
  const key = path.join(work, 'key.pem');
  const cert = path.join(work, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key,
                           '-out', cert, '-days', '2', '-subj', '/CN=localhost'], { stdio: 'ignore' });
  const { server, ready } = startServer(addio, db, env, ['--tls-cert', cert, '--tls-key', key]);
  const exited = new Promise((resolve) => server.on('exit', (code) => resolve(code)));
  const plainBase = base;
  try {
    base = await ready;
    check(base.startsWith('https://'), 'the start-up line names https', base);
    const alice = await signIn('alice');
    check(/; Secure/.test(alice.cookie), 'under TLS the session cookie is Secure', alice.cookie);
    const read = await call(alice, 'GET', '/api/v1/clients?workspace=north');
    check(read.status === 200, 'a signed-in read over HTTPS', read.text);
    const plainOrigin = await call({ ...alice, headers: { ...alice.headers, Origin: base.replace('https:', 'http:') } },
                                   'PUT', '/api/v1/settings?workspace=north', '{"settings": {}}');
    check(plainOrigin.status === 403 && plainOrigin.json?.error?.code === 'cross_origin',
          'under TLS an http:// origin is another origin', plainOrigin.text);
    const plain = await request('GET', `${base.replace('https:', 'http:')}/api/v1/session`)
      .then((res) => res.status, () => 'refused');
    check(plain !== 200, 'plain HTTP gets no answer from the HTTPS port', String(plain));
  } finally {
    base = plainBase;
    server.kill('SIGINT');
    check((await exited) === 0, 'the HTTPS server stops cleanly');
  }
}

async function main() {
  const tokens = setUp();
  const { server, ready, stderr } = startServer(addio, db, env);
  const exited = new Promise((resolve) => server.on('exit', (code) => resolve(code)));
  base = await ready;
  try {
    await run(tokens);
    await overTls();
  } finally {
    server.kill('SIGINT');
    check((await exited) === 0, 'Ctrl-C stops the server cleanly');
    check(!/internal error/.test(stderr()), 'no handler raised an exception', stderr());
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().then(() => {
  console.log(failures === 0 ? 'isolation: all checks passed' : `isolation: ${failures} failures`);
  process.exit(failures === 0 ? 0 : 1);
}, (error) => {
  console.error(error);
  process.exit(1);
});

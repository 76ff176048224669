// The HTTP API under /api/v1 as the dashboard sees it: the response types of
// src/api/openapi.json (only the fields the pages read) and small fetch helpers that turn the
// API's JSON errors into exceptions with the server's message.

export type Lang = 'en' | 'it';
export type Severity = 'green' | 'amber' | 'red' | 'unknown';
export type Verdict = 'keep' | 'watch' | 'renegotiate' | 'part_ways' | 'insufficient_data';
export type SignKey =
  'no_contract' | 'scope_creep' | 'time_drain' | 'underpaying' | 'late_payment' | 'non_payment';

// The six signs in the order of DESIGN.md, which every view keeps.
export const SIGN_KEYS: readonly SignKey[] = [
  'no_contract',
  'scope_creep',
  'time_drain',
  'underpaying',
  'late_payment',
  'non_payment',
];

export const VERDICTS: readonly Verdict[] = [
  'keep',
  'watch',
  'renegotiate',
  'part_ways',
  'insufficient_data',
];

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export type WorkingHours = Record<Weekday, string[]>;

export type Money = string;
export type MetricValue = number | string | null;

export interface Evidence {
  type: string;
  id: string;
  date: string | null;
  amount: Money | null;
  value: number | null;
  note: string;
}

export interface Threshold {
  metric: string;
  setting: string;
  limit: number;
  at_least: boolean;
  severity: Severity;
  text: string;
}

export interface Sign {
  severity: Severity;
  metrics: Record<string, MetricValue>;
  reasons: string[];
  evidence: Evidence[];
  thresholds?: Threshold[];
}

export interface Economics {
  revenue: Money;
  hours: number;
  effective_rate: Money | null;
  overdue_amount: Money;
  late_cost: Money;
  underpay_gap: Money;
  unbilled_extras: Money;
  written_off: Money;
  hidden_cost: Money;
  net_value: Money;
  statutory_interest: Money;
}

export interface Action {
  code: string;
  text: string;
}

export interface ClientAssessment {
  client: string;
  name: string;
  verdict: Verdict;
  score: number;
  archetype: string;
  signals: Record<SignKey, Sign>;
  economics: Economics;
  actions: Action[];
}

export interface Assessment {
  as_of: string;
  window_days: number;
  currency: string;
  settings: Record<string, number | string | null>;
  clients: ClientAssessment[];
}

// One client's line of the paged portfolio (GET /portfolio).
export interface PortfolioLine {
  client: string;
  name: string;
  verdict: Verdict;
  // Why the verdict: the rule that decided it, in words.
  verdict_rule: { code: string; text: string };
  score: number;
  archetype: string;
  signals: Record<SignKey, Severity>;
  economics: Economics;
  reason: { sign: SignKey; text: string } | null;
  action: Action | null;
}

// One page of the portfolio, sorted, filtered and paged by the server; the counts and
// totals cover every client.
export interface PortfolioPage {
  as_of: string;
  window_days: number;
  currency: string;
  clients_total: number;
  verdicts: Record<Verdict, number>;
  totals: { revenue: Money; hidden_cost: Money; net_value: Money; overdue_amount: Money };
  sort: string;
  page: number;
  per_page: number;
  matched: number;
  clients: PortfolioLine[];
}

export interface ClientExplain extends ClientAssessment {
  as_of: string;
  window_days: number;
  currency: string;
}

export interface HistoryPoint {
  date: string;
  score: number;
  verdict: Verdict;
  archetype: string;
  signals: Record<SignKey, Severity>;
  net_value: Money;
}

export interface History {
  client: string;
  name: string;
  points: HistoryPoint[];
}

export interface LateInvoicePoint {
  invoice: string;
  issued: string;
  due: string;
  amount: Money; // net of the credit notes issued by as_of
  credited: Money; // what those credit notes took off (0 when none)
  net: Money; // the same as amount
  settled: string | null;
  days_late: number;
  open: boolean;
  late: boolean;
  in_window: boolean;
  status: 'issued' | 'written_off';
}

export interface ContactHeatmap {
  timezone: string;
  counts: number[][];
  total: number;
  after_hours: number;
  working_hours: WorkingHours;
  holidays_in_window: number;
}

export interface RateComparison {
  effective_rate: Money | null;
  reference_rate: Money | null;
  target_hourly_rate: Money | null;
  rate_ratio: number | null;
  hours: number;
  clients: {
    client: string;
    name: string;
    effective_rate: Money;
    hours: number;
    is_self: boolean;
  }[];
}

export interface BurnUp {
  project: string;
  name: string;
  pricing: 'fixed' | 'hourly' | 'retainer';
  agreed_hours: number | null;
  start: string | null;
  end: string | null;
  worked_hours: number;
  extra_hours: number;
  points: { date: string; worked_hours: number; extra_hours: number }[];
}

export interface Charts {
  client: string;
  name: string;
  as_of: string;
  window_start: string;
  currency: string;
  grace_days: number;
  invoices: LateInvoicePoint[];
  contacts: ContactHeatmap;
  rate: RateComparison;
  projects: BurnUp[];
  score_history: { date: string; score: number; verdict: Verdict }[];
}

export interface Buckets {
  current: Money;
  '1_30': Money;
  '31_60': Money;
  '61_90': Money;
  over_90: Money;
}

export const BUCKET_KEYS: readonly (keyof Buckets)[] = [
  'current',
  '1_30',
  '31_60',
  '61_90',
  'over_90',
];

export interface AgingRow {
  client: string;
  name: string;
  buckets: Buckets;
  total: Money;
  written_off: Money;
}

export interface PayerSummary {
  client: string;
  name: string;
  usually_pays_in_days: number | null;
  average_delay_days: number | null;
  dso_days: number | null;
  last_payment: string | null;
  open: Money;
  overdue: Money;
  credit: Money;
  open_invoices: number;
  overdue_invoices: number;
}

export interface Aging {
  as_of: string;
  currency: string;
  clients: AgingRow[];
  totals: Buckets;
  total: Money;
  written_off: Money;
  written_off_items: { client: string; invoice: string; due: string; unpaid: Money }[];
  payers: PayerSummary[];
}

// The payment forecast (GET /forecast, DESIGN.md section 11).
export type Band = 'low' | 'medium' | 'high';

export interface InvoiceForecast {
  invoice: string;
  client: string;
  name: string;
  issued: string;
  due: string;
  open_amount: Money;
  days_past_due: number;
  p_late: number;
  expected_date: string | null; // null: more than 90 days past due (doubtful)
  band: Band;
  usually_pays_in_days: number | null;
  baseline: { p_late: number; expected_date: string };
}

export interface CashWeek {
  week_start: string;
  expected_in: Money;
  invoices: number;
}

export interface Forecast {
  as_of: string;
  currency: string;
  grace_days: number;
  method: 'model' | 'baseline';
  fallback: string | null;
  training: { late_examples: number; late_outcomes: number; date_examples: number };
  invoices: InvoiceForecast[];
  weeks: CashWeek[];
  later: Money;
  doubtful: Money;
  open: Money;
}

// Alerts (GET /alerts, DESIGN.md section 12).
export type AlertKind = 'budget' | 'sign' | 'verdict' | 'late_risk';

export interface Alert {
  id: string;
  kind: AlertKind;
  client: string;
  name: string;
  text: string;
  runs_out?: string | null;
  ran_out?: string | null;
  threshold?: number;
}

export interface Alerts {
  since: string;
  as_of: string;
  alerts: Alert[];
}

// A credit note on a statement: it lowers an invoice and is never a payment.
export interface CreditNote {
  credit_note: string;
  invoice: string;
  date: string;
  amount: Money;
  reason: string;
}

export interface Statement {
  client: string;
  name: string;
  as_of: string;
  payments_from: string | null;
  currency: string;
  open_items: {
    invoice: string;
    issued: string;
    due: string;
    amount: Money; // net of the credit notes issued by as_of
    credited: Money; // what those credit notes took off (0 when none)
    net: Money; // the same as amount
    paid: Money;
    open: Money;
    days_past_due: number;
  }[];
  payments: {
    payment: string;
    date: string;
    amount: Money;
    applied: { invoice: string; amount: Money }[];
    unapplied: Money;
  }[];
  // Absent when the client has no credit note by as_of.
  credit_notes?: CreditNote[];
  total_open: Money;
  credit: Money;
  balance: Money;
}

export interface Bilingual {
  en: string;
  it: string;
}

export interface ImporterList {
  importers: { name: string; description: Bilingual }[];
}

export interface ImportCounts {
  type: string;
  added: number;
  updated: number;
  unchanged: number;
  updated_ids: string[];
}

export interface Diagnostic {
  severity: 'error' | 'warning';
  message: string;
  file: string;
  line: number;
  path: string;
  record_type: string;
  record_id: string;
  field: string;
  text: string;
}

export interface ImportResult {
  file: string;
  format: string;
  dry_run: boolean;
  ok: boolean;
  written: boolean;
  counts: ImportCounts[];
  totals: { added: number; updated: number; unchanged: number };
  preview: { header: string[]; rows: string[][] };
  review: string[];
  unmatched: { id: string; date: string; amount: Money; payer: string; reference: string }[];
  diagnostics: Diagnostic[];
  errors: number;
  warnings: number;
}

// GET /coverage: the kinds of records held and the signs they let addio judge.
export type RecordType =
  | 'client'
  | 'contract'
  | 'project'
  | 'request'
  | 'work'
  | 'contact'
  | 'invoice'
  | 'payment'
  | 'rate_change'
  | 'credit_note';

export interface CoverageType {
  type: RecordType;
  label: string;
  records: number;
  first: string | null;
  last: string | null;
  sources: string[]; // importer names; '' for records imported before sources were kept
  leaves_unknown: SignKey[];
}

export interface Coverage {
  types: CoverageType[];
  judged: SignKey[];
  unknown: SignKey[];
  next: { type: RecordType; label: string; advice: string }[];
  summary: string;
}

export interface Workspace {
  name: string;
  tax_id: string | null; // VAT number or fiscal code with its country prefix
  currency: string;
  timezone: string;
  working_hours: WorkingHours;
  holidays: string[];
  target_hourly_rate: Money | null;
  fx: { currency: string; per_unit: string }[];
  owner_emails: string[];
  settings: Record<string, number>;
  dunning: DunningLadder[];
  smtp: MailServer;
  alerts: AlertDelivery;
  today: string;
  first_record_date: string | null;
  last_record_date: string | null;
  // The date the dashboard opens with: today, or the last record's day when it is old.
  default_as_of: string;
  clients: number;
}

export type WorkspaceUpdate = Partial<
  Pick<
    Workspace,
    | 'name'
    | 'tax_id'
    | 'timezone'
    | 'working_hours'
    | 'holidays'
    | 'target_hourly_rate'
    | 'owner_emails'
    | 'smtp'
    | 'alerts'
  > & {
    // The workspace's own ladders by client type (or "default"); a type left out follows
    // the default ladder, or addio's.
    dunning: Record<string, DunningStep[]>;
  }
>;

// Dunning (GET /dunning, POST /dunning/send, DESIGN.md section 12).
export type DunningAction = 'reminder' | 'formal_notice' | 'stop_work';
export type DunningChannel = 'email' | 'manual';
export const DUNNING_ACTIONS: readonly DunningAction[] = ['reminder', 'formal_notice', 'stop_work'];

export interface DunningStep {
  after_days: number;
  action: DunningAction;
  channel: DunningChannel;
}

// A client type's ladder as it applies: source is the type (its own), "default", or ""
// (addio's).
export interface DunningLadder {
  type: string;
  source: string;
  steps: DunningStep[];
}

export interface MailServer {
  host: string;
  port: number;
  security: 'starttls' | 'tls' | 'none';
  user: string;
  password_env: string;
  password_file: string;
  from: string;
}

export interface AlertDelivery {
  webhook: string;
  secret_env: string;
  email: string;
}

export type DunningState = 'due' | 'no_address' | 'manual' | 'unconfirmed' | 'sent';

export interface DunningItem {
  client: string;
  name: string;
  archetype: string;
  ladder: string;
  address: string;
  lang: Lang;
  state: DunningState;
  step: {
    number: number;
    of: number;
    after_days: number;
    action: DunningAction;
    channel: DunningChannel;
  };
  why: string;
  invoices: { id: string; due: string; days_late: number; open: Money; currency: string }[];
  keys: string[];
  outbox: string;
  letter: { subject: string; text: string } | null;
}

export interface Dunning {
  as_of: string;
  items: DunningItem[];
}

export interface DunningSent {
  as_of: string;
  sent: {
    client: string;
    name: string;
    address: string;
    action: DunningAction;
    after_days: number;
    invoices: string[];
    delivery: 'delivered' | 'not_sent' | 'uncertain' | 'taken';
    detail: string;
  }[];
}

export interface SettingEntry {
  name: string;
  value: number | string;
  default: number | string;
  overridden: boolean;
  kind: 'integer' | 'number' | 'money';
  min: number;
  max: number;
  help: Bilingual;
}

export interface SettingsResponse {
  settings: SettingEntry[];
}

// Screening a prospect (POST /screen): the ten intake answers of DESIGN.md section 6 and the
// answer, which is the JSON of `addio screen --format json`.
export type WillSign = 'yes' | 'hesitant' | 'no';
export type ScopeClarity = 'clear' | 'partial' | 'vague';
export type ContactHours = 'business' | 'extended' | 'anytime';
export type DecisionMaker = 'single' | 'committee' | 'unclear';
export type PaymentReputation = 'good' | 'unknown' | 'bad';

export interface IntakeAnswers {
  will_sign_contract: WillSign;
  budget_ratio: number;
  accepts_deposit: boolean;
  payment_terms_days: number;
  scope_clarity: ScopeClarity;
  timeline_ratio: number;
  providers_replaced: number;
  contact_hours: ContactHours;
  decision_maker: DecisionMaker;
  payment_reputation: PaymentReputation;
}

export type Decision = 'decline' | 'accept_with_terms' | 'accept';

export interface Terms {
  deposit_percent: number;
  payment_terms_days: number;
  rush_fee_percent: number;
  revision_limit: number;
  minimum_fee_hours: number;
  minimum_fee: Money | null;
}

export interface SimilarClient {
  client: string;
  name: string;
  similarity: number;
  verdict: Verdict;
  score: number;
  archetype: string;
}

export interface Screening {
  decision: Decision;
  risk: number;
  archetype: string;
  signals: Record<SignKey, { severity: Severity; reasons: string[] }>;
  terms: Terms;
  strategy: string;
  similar?: SimilarClient[];
}

// The letters of GET /clients/{id}/letters/{kind}, in the order of the CLI's --kind help.
export const LETTER_KINDS = [
  'reminder',
  'formal-notice',
  'rate-increase',
  'change-order',
  'office-hours',
  'termination',
] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];
export type LetterFormat = 'txt' | 'md' | 'html';

// Which letters apply to a client (GET /clients/{id}/letters).
export interface LetterChoices {
  client: string;
  as_of: string;
  letters: { kind: LetterKind; applies: boolean; why_not: string | null }[];
}

// An error answered by the API ({"error": {"code", "message"}}) or by the network.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const BASE = 'api/v1';

export type Role = 'owner' | 'member' | 'viewer';

// Who is asking (GET /session): the CSRF token of their writes, whether the store has
// accounts, who is signed in and the workspaces they may open.
export interface Session {
  csrf_token: string;
  accounts: boolean;
  signed_in: boolean;
  user: string | null;
  workspace: string | null;
  workspaces: { id: string; name: string; role: Role }[];
}

export interface Members {
  workspace: string;
  members: { email: string; role: Role }[];
}

// The workspace every API request is for (its `workspace` parameter), chosen by the shell
// before any page asks; null: the server's default.
let currentWorkspace: string | null = null;

export function setWorkspace(id: string | null): void {
  // Another workspace's answers are of another store's versions: none is kept across.
  if (id !== currentWorkspace) forgetAnswers();
  currentWorkspace = id;
}

// The URL of an API path with the query parameters that are set (undefined ones are left
// out), and the workspace chosen (setWorkspace) but on the session, which has none.
export function apiUrl(
  path: string,
  query: Record<string, string | number | boolean | undefined> = {},
): string {
  if (currentWorkspace !== null && path !== '/session') {
    query = { ...query, workspace: currentWorkspace };
  }
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return `${BASE}${path}${qs ? `?${qs}` : ''}`;
}

async function decode<T>(response: Response): Promise<T> {
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!response.ok) {
    const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiError(
      response.status,
      error?.code ?? 'http',
      error?.message ?? `HTTP ${response.status} ${response.statusText}`,
    );
  }
  if (body === null) throw new ApiError(response.status, 'parse', 'The server sent no JSON.');
  return body as T;
}

// The code of the ApiError thrown when the server cannot be reached at all (it stopped, or
// the network is down): the dashboard then says so in people's words and tries again.
export const UNREACHABLE = 'unreachable';

// fetch, with a failure to reach the server turned into ApiError(0, UNREACHABLE); an abort
// stays an abort.
async function request(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw new ApiError(0, UNREACHABLE, error instanceof Error ? error.message : String(error));
  }
}

export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  return (await getVersionedJson<T>(url, signal)).value;
}

// getJson, with the version of the store's data the answer was made from (null when the
// answer does not say).
export async function getVersionedJson<T>(
  url: string,
  signal?: AbortSignal,
): Promise<{ value: T; version: DataVersion | null }> {
  const response = await request(url, { headers: { Accept: 'application/json' }, signal });
  const header = /^(\d+)-(\d+)$/.exec(response.headers.get('X-Addio-Version') ?? '');
  const value = await decode<T>(response);
  return { value, version: header ? { since: Number(header[1]), count: Number(header[2]) } : null };
}

// The version of the store's data an answer was made from: which server process (the
// millisecond it started answering) and its count. A later process names later versions.
export interface DataVersion {
  since: number;
  count: number;
}

function newer(a: DataVersion, b: DataVersion): boolean {
  return a.since !== b.since ? a.since > b.since : a.count > b.count;
}

// GETs a text body (a letter); an error answer still carries the API's JSON error.
export async function getText(url: string, signal?: AbortSignal): Promise<string> {
  const response = await request(url, { signal });
  if (!response.ok) return decode<never>(response);
  return response.text();
}

// The last answers to GET requests, kept between pages (useApi) so that going back to a page
// shows its last answer at once while it is asked again. Each is marked with the version of
// the store's data it was made from (the X-Addio-Version header); only answers of the newest
// version seen are shown, so a change made elsewhere (an import from the command line, an
// API script) never shows old figures once any newer answer has arrived. Bounded: the
// oldest go first. Every write from this page empties it.
const keptAnswers = new Map<string, { value: unknown; version: DataVersion }>();
const KEPT_ANSWERS = 40;
let newestVersion: DataVersion = { since: 0, count: 0 };

function forgetAnswers(): void {
  keptAnswers.clear();
  newestVersion = { since: 0, count: 0 };
}

export function keptAnswer<T>(url: string): T | undefined {
  const kept = keptAnswers.get(url);
  return kept && !newer(newestVersion, kept.version) ? (kept.value as T) : undefined;
}

// Keeps `value`, the answer to `url` made at data `version` (null: unknown, not kept).
export function keepAnswer(url: string, value: unknown, version: DataVersion | null): void {
  if (version === null) return;
  if (newer(version, newestVersion)) newestVersion = version;
  keptAnswers.delete(url);
  keptAnswers.set(url, { value, version });
  if (keptAnswers.size > KEPT_ANSWERS) keptAnswers.delete(keptAnswers.keys().next().value!);
}

// The session's CSRF token (GET /session), asked once and kept. Every request that changes
// data carries it in X-CSRF-Token; the server refuses it otherwise (DESIGN.md section 7b).
let csrfToken: Promise<string> | null = null;

function sessionToken(): Promise<string> {
  if (csrfToken === null) {
    csrfToken = getJson<{ csrf_token: string }>(apiUrl('/session')).then(
      (session) => session.csrf_token,
      (error: unknown) => {
        csrfToken = null;
        throw error;
      },
    );
  }
  return csrfToken;
}

// Sends a state-changing request with the session's token. The token changes when the
// server restarts: refused for it, the request is sent once more with the new one.
async function sendWithToken(url: string, init: RequestInit): Promise<Response> {
  keptAnswers.clear();
  const send = async () =>
    request(url, {
      ...init,
      credentials: 'same-origin',
      headers: {
        ...(init.headers as Record<string, string>),
        'X-CSRF-Token': await sessionToken(),
      },
    });
  const response = await send();
  if (response.status !== 403) return response;
  const refused = (await response
    .clone()
    .json()
    .catch(() => null)) as {
    error?: { code?: string };
  } | null;
  if (refused?.error?.code !== 'csrf_token') return response;
  csrfToken = null;
  return send();
}

// GET /session, never kept: who is signed in changes with a sign-in elsewhere.
export async function getSession(): Promise<Session> {
  const session = await getJson<Session>(apiUrl('/session'));
  csrfToken = Promise.resolve(session.csrf_token);
  return session;
}

// Signs in; the session's cookie is set by the answer, its CSRF token kept here.
export async function signIn(email: string, password: string, lang: Lang): Promise<Session> {
  const session = await sendJson<Session>('POST', apiUrl('/session', { lang }), {
    email,
    password,
  });
  csrfToken = Promise.resolve(session.csrf_token);
  return session;
}

export async function signOut(): Promise<Session> {
  const response = await sendWithToken(apiUrl('/session'), { method: 'DELETE' });
  const session = await decode<Session>(response);
  csrfToken = Promise.resolve(session.csrf_token);
  return session;
}

// Takes `email` out of the workspace.
export async function removeMember(email: string, lang: Lang): Promise<Members> {
  const response = await sendWithToken(apiUrl(`/members/${encodeURIComponent(email)}`, { lang }), {
    method: 'DELETE',
    headers: { Accept: 'application/json' },
  });
  return decode<Members>(response);
}

export async function sendJson<T>(method: 'PUT' | 'POST', url: string, body: unknown): Promise<T> {
  const response = await sendWithToken(url, {
    method,
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  });
  return decode<T>(response);
}

// Uploads `file` as multipart/form-data (part "file") to the import endpoint.
export async function postImport(
  file: File,
  options: { dryRun: boolean; format?: string; lang: Lang },
): Promise<ImportResult> {
  const form = new FormData();
  form.append('file', file, file.name);
  const url = apiUrl('/imports', {
    dry_run: options.dryRun,
    format: options.format,
    lang: options.lang,
  });
  const response = await sendWithToken(url, {
    method: 'POST',
    body: form,
    headers: { Accept: 'application/json' },
  });
  return decode<ImportResult>(response);
}

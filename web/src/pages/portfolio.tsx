// The portfolio: every client with its verdict, score, the six signs and its economics, in a
// table that sorts and filters, and the value-against-trouble chart that shows at a glance
// which clients are worth keeping, fixing or leaving.

import { useMemo, useState } from 'preact/hooks';
import type { Assessment, ClientAssessment, SignKey, Verdict } from '../api';
import { apiUrl, SIGN_KEYS, VERDICTS } from '../api';
import { useApp } from '../app_context';
import { Chart } from '../charts/chart';
import { quadrantOption } from '../charts/options';
import {
  ErrorBox,
  Loading,
  Panel,
  ScoreMeter,
  SignMarks,
  SortHeader,
  VerdictBadge,
  type SortDirection,
} from '../components';
import { date, money, sumMoney, toNumber } from '../format';
import { useApi } from '../hooks';
import { signTitle, t, verdictName } from '../i18n';

type Column = 'name' | 'verdict' | 'score' | 'signs' | 'revenue' | 'hidden_cost' | 'net_value';

// Most urgent first: the order a person works through the list.
const VERDICT_RANK: Record<Verdict, number> = {
  part_ways: 0,
  renegotiate: 1,
  watch: 2,
  insufficient_data: 3,
  keep: 4,
};

// Ties between equally bad signs go to the heavier one (DESIGN.md section 6's order).
const SIGN_PRIORITY: SignKey[] = [
  'non_payment',
  'no_contract',
  'late_payment',
  'underpaying',
  'scope_creep',
  'time_drain',
];

function trouble(client: ClientAssessment): number {
  return SIGN_KEYS.reduce((sum, key) => {
    const level = client.signals[key].severity;
    return sum + (level === 'red' ? 3 : level === 'amber' ? 1 : 0);
  }, 0);
}

// The first reason of the client's worst sign: the one line that says why.
function mainReason(client: ClientAssessment): { sign: SignKey; text: string } | null {
  for (const level of ['red', 'amber'] as const) {
    for (const key of SIGN_PRIORITY) {
      const sign = client.signals[key];
      if (sign.severity === level && sign.reasons.length > 0)
        return { sign: key, text: sign.reasons[0] };
    }
  }
  return null;
}

function compare(a: ClientAssessment, b: ClientAssessment, column: Column): number {
  switch (column) {
    case 'name':
      return a.name.localeCompare(b.name);
    case 'verdict':
      return VERDICT_RANK[a.verdict] - VERDICT_RANK[b.verdict] || a.score - b.score;
    case 'score':
      return a.score - b.score;
    case 'signs':
      return trouble(a) - trouble(b);
    case 'revenue':
    case 'hidden_cost':
    case 'net_value':
      return toNumber(a.economics[column]) - toNumber(b.economics[column]);
  }
}

export function PortfolioPage() {
  const { asOf, lang, link } = useApp();
  const assessment = useApi<Assessment>(apiUrl('/assessment', { as_of: asOf, lang }));
  const [query, setQuery] = useState('');
  const [verdict, setVerdict] = useState<Verdict | ''>('');
  const [sign, setSign] = useState<SignKey | ''>('');
  const [sort, setSort] = useState<{ column: Column; direction: SortDirection }>({
    column: 'verdict',
    direction: 'ascending',
  });

  const data = assessment.data;
  const clients = data?.clients ?? [];

  const shown = useMemo(() => {
    const needle = query.trim().toLowerCase();
    const filtered = clients.filter(
      (c) =>
        (!needle ||
          c.name.toLowerCase().includes(needle) ||
          c.client.toLowerCase().includes(needle)) &&
        (!verdict || c.verdict === verdict) &&
        (!sign || c.signals[sign].severity === 'red' || c.signals[sign].severity === 'amber'),
    );
    const factor = sort.direction === 'ascending' ? 1 : -1;
    return [...filtered].sort(
      (a, b) => factor * compare(a, b, sort.column) || a.client.localeCompare(b.client),
    );
  }, [clients, query, verdict, sign, sort]);

  const option = useMemo(
    () => (data ? quadrantOption(data.clients, data.currency) : null),
    [data, lang],
  );

  if (assessment.error && !data)
    return <ErrorBox error={assessment.error} onRetry={assessment.reload} />;
  if (!data) return <Loading />;

  const onSort = (column: Column) =>
    setSort((s) => ({
      column,
      direction: s.column === column && s.direction === 'ascending' ? 'descending' : 'ascending',
    }));
  const counts = VERDICTS.map((v) => ({
    verdict: v,
    count: clients.filter((c) => c.verdict === v).length,
  }));
  const currency = data.currency;

  return (
    <div class="page portfolio" aria-busy={assessment.loading}>
      <div class="page-head">
        <h1>{t('portfolio.title')}</h1>
        <p class="lead">
          {t('portfolio.summary', clients.length, date(data.as_of), data.window_days, currency)}
        </p>
      </div>
      {assessment.error && <ErrorBox error={assessment.error} onRetry={assessment.reload} />}
      {clients.length === 0 ? (
        <div class="panel">
          <p>{t('state.empty_store')}</p>
          <a href={link(['import'])}>{t('nav.import')}</a>
        </div>
      ) : (
        <>
          <ul class="verdict-counts">
            {counts.map(({ verdict: v, count }) => (
              <li key={v}>
                <button
                  type="button"
                  class={`verdict-count ${v}`}
                  aria-pressed={verdict === v}
                  onClick={() => setVerdict(verdict === v ? '' : v)}
                >
                  <span class="count">{count}</span>
                  <span class="label">{verdictName(v)}</span>
                </button>
              </li>
            ))}
          </ul>
          <div class="portfolio-grid">
            <Panel
              title={t('portfolio.quadrant')}
              help={t('portfolio.quadrant_help')}
              className="quadrant"
              id="quadrant"
            >
              {option && (
                <Chart
                  option={option}
                  height={360}
                  label={t('portfolio.quadrant_aria', clients.length)}
                  onPointClick={(point) => {
                    const id = (point as { client?: string } | undefined)?.client;
                    if (id) window.location.hash = link(['clients', id]);
                  }}
                />
              )}
            </Panel>
            <Panel title={t('portfolio.totals')} className="totals" id="totals">
              <dl class="figures">
                <div>
                  <dt>{t('col.revenue')}</dt>
                  <dd>{money(sumMoney(clients.map((c) => c.economics.revenue)), currency, 0)}</dd>
                </div>
                <div>
                  <dt>{t('col.hidden_cost')}</dt>
                  <dd class="cost">
                    {money(sumMoney(clients.map((c) => c.economics.hidden_cost)), currency, 0)}
                  </dd>
                </div>
                <div>
                  <dt>{t('col.net_value')}</dt>
                  <dd>{money(sumMoney(clients.map((c) => c.economics.net_value)), currency, 0)}</dd>
                </div>
                <div>
                  <dt>{t('econ.overdue_amount')}</dt>
                  <dd class="cost">
                    {money(sumMoney(clients.map((c) => c.economics.overdue_amount)), currency, 0)}
                  </dd>
                </div>
              </dl>
            </Panel>
          </div>

          <section class="panel clients" aria-labelledby="clients-title">
            <h2 id="clients-title">{t('portfolio.clients')}</h2>
            <form class="filters" role="search" onSubmit={(e) => e.preventDefault()}>
              <label>
                <span>{t('portfolio.filter')}</span>
                <input
                  type="search"
                  value={query}
                  placeholder={t('portfolio.filter_placeholder')}
                  onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
                />
              </label>
              <label>
                <span>{t('portfolio.verdict_filter')}</span>
                <select
                  value={verdict}
                  onChange={(e) =>
                    setVerdict((e.target as HTMLSelectElement).value as Verdict | '')
                  }
                >
                  <option value="">{t('portfolio.all_verdicts')}</option>
                  {VERDICTS.map((v) => (
                    <option value={v} key={v}>
                      {verdictName(v)}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                <span>{t('portfolio.sign_filter')}</span>
                <select
                  value={sign}
                  onChange={(e) => setSign((e.target as HTMLSelectElement).value as SignKey | '')}
                >
                  <option value="">{t('portfolio.all_signs')}</option>
                  {SIGN_KEYS.map((k) => (
                    <option value={k} key={k}>
                      {signTitle(k)}
                    </option>
                  ))}
                </select>
              </label>
              <p class="shown" aria-live="polite">
                {t('portfolio.shown', shown.length, clients.length)}
              </p>
            </form>
            <div class="table-wrap">
              <table class="clients-table">
                <caption class="visually-hidden">{t('portfolio.table')}</caption>
                <thead>
                  <tr>
                    <SortHeader column="name" label={t('col.client')} sort={sort} onSort={onSort} />
                    <SortHeader
                      column="verdict"
                      label={t('col.verdict')}
                      sort={sort}
                      onSort={onSort}
                    />
                    <SortHeader
                      column="score"
                      label={t('col.score')}
                      sort={sort}
                      onSort={onSort}
                      numeric
                    />
                    <SortHeader column="signs" label={t('col.signs')} sort={sort} onSort={onSort} />
                    <SortHeader
                      column="revenue"
                      label={t('col.revenue')}
                      sort={sort}
                      onSort={onSort}
                      numeric
                    />
                    <SortHeader
                      column="hidden_cost"
                      label={t('col.hidden_cost')}
                      sort={sort}
                      onSort={onSort}
                      numeric
                    />
                    <SortHeader
                      column="net_value"
                      label={t('col.net_value')}
                      sort={sort}
                      onSort={onSort}
                      numeric
                    />
                  </tr>
                </thead>
                <tbody>
                  {shown.map((c) => {
                    const reason = mainReason(c);
                    return (
                      <tr key={c.client} class={`client-row ${c.verdict}`} data-client={c.client}>
                        <th scope="row" class="client-cell">
                          <a href={link(['clients', c.client])}>{c.name}</a>
                          {reason && (
                            <span class="reason">
                              <span class="visually-hidden">{signTitle(reason.sign)}: </span>
                              {reason.text}
                            </span>
                          )}
                        </th>
                        <td class="verdict-cell">
                          <VerdictBadge verdict={c.verdict} />
                        </td>
                        <td class="num score-cell">
                          <ScoreMeter score={c.score} />
                        </td>
                        <td class="signs-cell">
                          <SignMarks signals={c.signals} />
                        </td>
                        <td class="num" data-label={t('col.revenue')}>
                          {money(c.economics.revenue, currency, 0)}
                        </td>
                        <td
                          class={`num ${toNumber(c.economics.hidden_cost) > 0 ? 'cost' : 'zero'}`}
                          data-label={t('col.hidden_cost')}
                        >
                          {money(c.economics.hidden_cost, currency, 0)}
                        </td>
                        <td
                          class={`num ${toNumber(c.economics.net_value) < 0 ? 'negative' : ''}`}
                          data-label={t('col.net_value')}
                        >
                          {money(c.economics.net_value, currency, 0)}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              {shown.length === 0 && <p class="empty">{t('portfolio.none_match')}</p>}
            </div>
          </section>
        </>
      )}
    </div>
  );
}

// The portfolio: every client with its verdict, score, the six signs and its economics, in a
// table that the server sorts, filters and pages (GET /portfolio: one line per client, so a
// portfolio of thousands loads a page at a time), and the value-against-trouble chart that
// shows at a glance which clients are worth keeping, fixing or leaving.

import { useEffect, useMemo, useState } from 'preact/hooks';
import type { PortfolioPage, SignKey, Verdict } from '../api';
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
  TableWrap,
} from '../components';
import { date, money, toNumber } from '../format';
import { useApi } from '../hooks';
import { ActNow } from './act_now';
import { AlertsPanel } from './alerts';
import { DunningPanel } from './dunning';
import { CoverageBanner } from './coverage';
import { signTitle, t, verdictName } from '../i18n';

type Column = 'name' | 'verdict' | 'score' | 'signs' | 'revenue' | 'hidden_cost' | 'net_value';

// Rows per page of the table.
const PAGE_SIZE = 100;
// The chart shows at most this many clients: the costliest ones.
const CHART_CLIENTS = 500;
// Typing in the filter asks the server once the typing pauses this long (ms).
const FILTER_DELAY = 250;

// `value`, once it has stayed the same for `delay` ms.
function useSettled<T>(value: T, delay: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}

export function PortfolioPage() {
  const { asOf, lang, link } = useApp();
  const [query, setQuery] = useState('');
  const [verdict, setVerdict] = useState<Verdict | ''>('');
  const [sign, setSign] = useState<SignKey | ''>('');
  const [sort, setSort] = useState<{ column: Column; direction: SortDirection }>({
    column: 'verdict',
    direction: 'ascending',
  });
  const text = useSettled(query.trim(), FILTER_DELAY);
  const order = `${sort.direction === 'descending' ? '-' : ''}${sort.column}`;
  // The page asked for belongs to one order and set of filters: any other starts again
  // from the first page.
  const filters = [order, verdict, sign, text, asOf].join('\n');
  const [paging, setPaging] = useState({ filters, page: 1 });
  const pageNumber = paging.filters === filters ? paging.page : 1;
  const setPageNumber = (page: number) => setPaging({ filters, page });

  const table = useApi<PortfolioPage>(
    apiUrl('/portfolio', {
      as_of: asOf,
      lang,
      sort: order,
      verdict,
      sign,
      q: text,
      page: pageNumber,
      per_page: PAGE_SIZE,
    }),
  );
  const costliest = useApi<PortfolioPage>(
    apiUrl('/portfolio', { as_of: asOf, lang, sort: '-hidden_cost', per_page: CHART_CLIENTS }),
  );

  const data = table.data;
  const shown = data?.clients ?? [];
  const pages = data ? Math.max(1, Math.ceil(data.matched / data.per_page)) : 1;

  // A verdict chosen on its card stands out in the chart as in the table.
  const option = useMemo(
    () =>
      costliest.data
        ? quadrantOption(costliest.data.clients, costliest.data.currency, verdict || undefined)
        : null,
    [costliest.data, lang, verdict],
  );

  if (table.error && !data) return <ErrorBox error={table.error} onRetry={table.reload} />;
  if (!data) return <Loading />;

  const onSort = (column: Column) =>
    setSort((s) => ({
      column,
      direction: s.column === column && s.direction === 'ascending' ? 'descending' : 'ascending',
    }));
  const counts = VERDICTS.map((v) => ({ verdict: v, count: data.verdicts[v] }));
  const currency = data.currency;
  const total = data.clients_total;

  return (
    <div class="page portfolio" aria-busy={table.loading}>
      <div class="page-head">
        <h1>{t('portfolio.title')}</h1>
        <p class="lead">
          {t('portfolio.summary', total, date(data.as_of), data.window_days, currency)}
        </p>
      </div>
      {table.error && <ErrorBox error={table.error} onRetry={table.reload} />}
      {total > 0 && <CoverageBanner />}
      {total === 0 ? (
        <div class="panel">
          <p>{t('state.empty_store')}</p>
          <a href={link(['import'])}>{t('nav.import')}</a>
        </div>
      ) : (
        <>
          <ActNow />
          <AlertsPanel />
          <DunningPanel />
          <ul class="verdict-counts">
            {counts.map(({ verdict: v, count }) => (
              <li key={v}>
                <button
                  type="button"
                  class={`verdict-count ${v}`}
                  aria-pressed={verdict === v}
                  onClick={() => {
                    setVerdict(verdict === v ? '' : v);
                    document.getElementById('quadrant-title')?.scrollIntoView({ block: 'start' });
                  }}
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
                  label={[
                    t('portfolio.quadrant_aria', costliest.data?.clients.length ?? 0),
                    verdict ? t('portfolio.quadrant_highlight', verdictName(verdict)) : '',
                  ].join(' ')}
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
                  <dd>{money(data.totals.revenue, currency, 0)}</dd>
                </div>
                <div>
                  <dt>{t('col.hidden_cost')}</dt>
                  <dd class="cost">{money(data.totals.hidden_cost, currency, 0)}</dd>
                </div>
                <div>
                  <dt>{t('col.net_value')}</dt>
                  <dd>{money(data.totals.net_value, currency, 0)}</dd>
                </div>
                <div>
                  <dt>{t('econ.overdue_amount')}</dt>
                  <dd class="cost">{money(data.totals.overdue_amount, currency, 0)}</dd>
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
                {t('portfolio.shown', data.matched, total)}
              </p>
            </form>
            <TableWrap>
              <table class="clients-table" data-sort={data.sort}>
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
                    const reason = c.reason;
                    return (
                      <tr
                        key={c.client}
                        class={`client-row ${c.verdict}${c.verdict === verdict ? ' highlighted' : ''}`}
                        data-client={c.client}
                      >
                        <th scope="row" class="client-cell">
                          <a href={link(['clients', c.client])}>{c.name}</a>
                          {reason && (
                            <span class="reason">
                              <span class="visually-hidden">{signTitle(reason.sign)}: </span>
                              {reason.text}
                            </span>
                          )}
                        </th>
                        <td class="verdict-cell" title={c.verdict_rule.text}>
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
            </TableWrap>
            {pages > 1 && (
              <nav class="pager" aria-label={t('portfolio.pages')}>
                <button
                  type="button"
                  disabled={data.page <= 1}
                  onClick={() => setPageNumber(data.page - 1)}
                >
                  {t('portfolio.previous')}
                </button>
                <span aria-live="polite">{t('portfolio.page', data.page, pages)}</span>
                <button
                  type="button"
                  disabled={data.page >= pages}
                  onClick={() => setPageNumber(data.page + 1)}
                >
                  {t('portfolio.next')}
                </button>
              </nav>
            )}
          </section>
        </>
      )}
    </div>
  );
}

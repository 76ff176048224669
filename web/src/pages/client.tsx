// One client: the verdict with what to do about it, the economics, the six sign cards with
// their measures, reasons, distance to the thresholds and evidence, and the charts behind
// them (days late, contacts by hour, rate against the portfolio, scope burn-up, score history),
// its open invoices' payment forecast (pages/forecast.tsx), the credit notes issued to it
// (pages/credit_notes.tsx), and the letters to send it
// (pages/letters.tsx).

import { useEffect, useMemo, useState } from 'preact/hooks';
import type {
  Charts,
  ClientExplain,
  Economics,
  Evidence,
  History,
  Severity,
  Sign,
  SignKey,
} from '../api';
import { ApiError, apiUrl, SIGN_KEYS, WEEKDAYS } from '../api';
import { useApp } from '../app_context';
import { Chart } from '../charts/chart';
import {
  burnupOption,
  heatmapOption,
  historyOption,
  lateOption,
  rateOption,
} from '../charts/options';
import {
  ErrorBox,
  Loading,
  Panel,
  ScoreMeter,
  SeverityBadge,
  VerdictBadge,
  TableWrap,
} from '../components';
import { date, metricLabel, metricValue, money, num, toNumber } from '../format';
import { useApi, useStatement } from '../hooks';
import { archetypeName, signTitle, t, tk } from '../i18n';
import { CreditNotesTable } from './credit_notes';
import { ForecastPanel } from './forecast';
import { letterFor, letterKindOf, LettersSection } from './letters';

// The measures shown on each card; the others are one click away.
const HEADLINE: Record<SignKey, string[]> = {
  no_contract: ['uncovered_hours', 'uncovered_share', 'refused_contracts'],
  scope_creep: ['extra_requests', 'extra_hours', 'creep_ratio', 'overrun'],
  time_drain: ['inbound_contacts', 'after_hours_share', 'rush_per_month', 'after_hours_work_share'],
  underpaying: ['effective_rate', 'reference_rate', 'rate_ratio', 'refused_raises'],
  late_payment: ['due_invoices', 'late_invoices', 'late_share', 'median_days_late'],
  non_payment: ['overdue_amount', 'unpaid_60_no_payment', 'written_off'],
};

const ECONOMICS: (keyof Economics)[] = [
  'revenue',
  'hours',
  'effective_rate',
  'overdue_amount',
  'late_cost',
  'underpay_gap',
  'unbilled_extras',
  'written_off',
  'hidden_cost',
  'net_value',
  'statutory_interest',
];

const EVIDENCE_SHOWN = 8;

// `letter`: the letter a link asked for (the portfolio's "act now": a kind, or "next" for
// the one the client's actions name); the page then opens at the letters. null: none.
export function ClientPage({ id, letter }: { id: string; letter: string | null }) {
  const { asOf, lang, link } = useApp();
  const path = `/clients/${encodeURIComponent(id)}`;
  const explain = useApi<ClientExplain>(apiUrl(`${path}/assessment`, { as_of: asOf, lang }));
  const charts = useApi<Charts>(apiUrl(`${path}/charts`, { as_of: asOf, months: 12 }));
  const history = useApi<History>(apiUrl(`${path}/history`, { as_of: asOf, months: 12, lang }));

  const data = explain.data;
  const loaded = data !== null;
  useEffect(() => {
    if (loaded && letter !== null) document.getElementById('letters-title')?.scrollIntoView();
  }, [loaded, letter]);
  if (explain.error && !data) {
    const notFound = explain.error instanceof ApiError && explain.error.status === 404;
    return (
      <div class="page client">
        <a class="back" href={link([])}>
          ← {t('client.back')}
        </a>
        {notFound ? (
          <p class="panel" role="alert">
            {t('client.not_found', id)}
          </p>
        ) : (
          <ErrorBox error={explain.error} onRetry={explain.reload} />
        )}
      </div>
    );
  }
  if (!data) return <Loading />;
  const currency = data.currency;

  return (
    <div class="page client" aria-busy={explain.loading}>
      <a class="back" href={link([])}>
        ← {t('client.back')}
      </a>
      <header class="client-head">
        <div>
          <h1>{data.name}</h1>
          <p class="client-id">
            <code>{data.client}</code> ·{' '}
            {t('client.assessed', date(data.as_of), data.window_days, currency)}
          </p>
        </div>
        <div class="client-verdict">
          <VerdictBadge verdict={data.verdict} />
          <ScoreMeter score={data.score} />
        </div>
        <div class="archetype">
          <span class="label">{t('client.archetype')}</span>
          <strong>{archetypeName(data.archetype)}</strong>
          <span class="hint">{tk(`archetype_hint.${data.archetype}`)}</span>
        </div>
      </header>

      <div class="client-grid">
        <Panel title={t('client.actions')} className="actions" id="actions">
          {data.actions.length === 0 ? (
            <p>{t('label.no_actions')}</p>
          ) : (
            <ol class="actions-list">
              {data.actions.map((a) => (
                <li key={a.code} data-action={a.code}>
                  {a.text}
                </li>
              ))}
            </ol>
          )}
          <p>
            <a href={link(['receivables'], { client: data.client })}>{t('client.statement')} →</a>
          </p>
        </Panel>
        <Panel
          title={t('client.economics')}
          help={t('client.economics_window', data.window_days, currency)}
          className="economics"
          id="economics"
        >
          <dl class="economics-list">
            {ECONOMICS.map((key) => {
              const value = data.economics[key];
              const shown =
                key === 'hours'
                  ? t('common.hours_value', num(value as number, 1))
                  : key === 'effective_rate'
                    ? value === null
                      ? t('common.none')
                      : t('common.per_hour', money(value as string, currency))
                    : money(value as string, currency);
              return (
                <div key={key} class={`econ ${key}`}>
                  <dt>{t(`econ.${key}`)}</dt>
                  <dd>{shown}</dd>
                </div>
              );
            })}
          </dl>
          {toNumber(data.economics.statutory_interest) > 0 && (
            <p class="help interest-help">{t('client.interest_help')}</p>
          )}
        </Panel>
      </div>

      <section class="signs" aria-labelledby="signs-title">
        <h2 id="signs-title">{t('client.signs')}</h2>
        <div class="sign-grid">
          {worstFirst(data.signals)
            .filter((key) => data.signals[key].severity !== 'green')
            .map((key) => (
              <SignCard key={key} sign={key} data={data.signals[key]} currency={currency} />
            ))}
        </div>
        <GreenSigns signals={data.signals} currency={currency} />
      </section>

      <ForecastPanel client={data.client} />

      <CreditNotesSection client={data.client} />

      <LettersSection
        client={data.client}
        preferred={letterKindOf(letter) ?? letterFor(data.actions)}
      />

      <section class="charts" aria-labelledby="charts-title">
        <h2 id="charts-title">{t('client.charts')}</h2>
        {charts.error && <ErrorBox error={charts.error} onRetry={charts.reload} />}
        {!charts.data && !charts.error && <Loading />}
        {charts.data && (
          <ClientCharts charts={charts.data} history={history.data} historyError={history.error} />
        )}
      </section>
    </div>
  );
}

// The client's credit notes as of the date shown, from its statement; nothing when it has none.
function CreditNotesSection({ client }: { client: string }) {
  const statement = useStatement(client);
  const data = statement.data;
  if (statement.error && !data)
    return <ErrorBox error={statement.error} onRetry={statement.reload} />;
  const notes = data?.client === client ? (data.credit_notes ?? []) : [];
  if (!data || notes.length === 0) return null;
  return (
    <Panel
      title={t('recv.credit_notes')}
      help={t('client.credit_notes_help', date(data.as_of))}
      id="credit-notes"
      className="credit-notes"
    >
      <CreditNotesTable notes={notes} currency={data.currency} />
    </Panel>
  );
}

// The order the sign cards come in: red, amber, unknown, then green; the registry's order
// within a severity.
const SEVERITY_ORDER: Record<Severity, number> = { red: 0, amber: 1, unknown: 2, green: 3 };

function worstFirst(signals: Record<SignKey, Sign>): SignKey[] {
  return [...SIGN_KEYS].sort(
    (a, b) => SEVERITY_ORDER[signals[a].severity] - SEVERITY_ORDER[signals[b].severity],
  );
}

// The green signs folded into one line that opens to their cards: nothing to act on there.
function GreenSigns({ signals, currency }: { signals: Record<SignKey, Sign>; currency: string }) {
  const green = SIGN_KEYS.filter((key) => signals[key].severity === 'green');
  if (green.length === 0) return null;
  return (
    <details class="green-signs">
      <summary>
        {t('client.green_signs', green.length, green.map((key) => signTitle(key)).join(', '))}
      </summary>
      <div class="sign-grid">
        {green.map((key) => (
          <SignCard key={key} sign={key} data={signals[key]} currency={currency} />
        ))}
      </div>
    </details>
  );
}

function SignCard({ sign, data, currency }: { sign: SignKey; data: Sign; currency: string }) {
  const [allEvidence, setAllEvidence] = useState(false);
  const headline = HEADLINE[sign].filter((m) => m in data.metrics);
  const others = Object.keys(data.metrics).filter(
    (m) => !headline.includes(m) && m !== 'evidence_records',
  );
  const evidence = allEvidence ? data.evidence : data.evidence.slice(0, EVIDENCE_SHOWN);
  const titleId = `sign-${sign}-title`;
  return (
    <article
      class={`sign-card ${sign} ${data.severity}`}
      data-sign={sign}
      aria-labelledby={titleId}
    >
      <header>
        <h3 id={titleId}>{signTitle(sign)}</h3>
        <SeverityBadge severity={data.severity} />
      </header>
      <p class="question">{tk(`sign_question.${sign}`)}</p>
      <dl class="metrics">
        {headline.map((m) => (
          <div key={m}>
            <dt>{metricLabel(m)}</dt>
            <dd>{metricValue(m, data.metrics[m], currency)}</dd>
          </div>
        ))}
      </dl>
      <h4 class="visually-hidden">{t('client.reasons')}</h4>
      <ul class="reasons">
        {data.reasons.map((r, i) => (
          <li key={i}>{r}</li>
        ))}
      </ul>
      {others.length > 0 && (
        <details>
          <summary>{t('client.metrics')}</summary>
          <dl class="metrics all">
            {others.map((m) => (
              <div key={m}>
                <dt>{metricLabel(m)}</dt>
                <dd>{metricValue(m, data.metrics[m], currency)}</dd>
              </div>
            ))}
          </dl>
        </details>
      )}
      {data.thresholds && data.thresholds.length > 0 && (
        <details>
          <summary>{t('client.thresholds')}</summary>
          <ul class="thresholds">
            {data.thresholds.map((th, i) => (
              <li key={i} class={th.severity}>
                {th.text}
              </li>
            ))}
          </ul>
        </details>
      )}
      <details class="evidence">
        <summary>{t('client.evidence', data.evidence.length)}</summary>
        {data.evidence.length === 0 ? (
          <p>{t('label.no_evidence')}</p>
        ) : (
          <>
            <TableWrap>
              <table class="evidence-table">
                <thead>
                  <tr>
                    <th scope="col">{t('col.record')}</th>
                    <th scope="col">{t('col.date')}</th>
                    <th scope="col" class="num">
                      {t('col.amount')}
                    </th>
                    <th scope="col" class="num">
                      {t('col.value')}
                    </th>
                    <th scope="col">{t('col.note')}</th>
                  </tr>
                </thead>
                <tbody>
                  {evidence.map((e: Evidence) => (
                    <tr key={`${e.type}-${e.id}`}>
                      <td>
                        {tk(`record.${e.type}`)} <code>{e.id}</code>
                      </td>
                      <td>{date(e.date)}</td>
                      <td class="num">{e.amount === null ? '' : money(e.amount, currency)}</td>
                      <td class="num">{e.value === null ? '' : num(e.value, 2)}</td>
                      <td>{e.note}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
            {data.evidence.length > EVIDENCE_SHOWN && (
              <button
                type="button"
                class="link-button"
                onClick={() => setAllEvidence(!allEvidence)}
              >
                {allEvidence ? t('common.show_less') : t('common.show_all', data.evidence.length)}
              </button>
            )}
          </>
        )}
      </details>
    </article>
  );
}

function workingHoursText(charts: Charts): string {
  const wh = charts.contacts.working_hours;
  const weekday = wh.mon.join(', ');
  const same = WEEKDAYS.slice(0, 5).every((d) => wh[d].join(', ') === weekday);
  if (same && weekday) return `${t('day_short.mon')}–${t('day_short.fri')} ${weekday}`;
  return WEEKDAYS.filter((d) => wh[d].length > 0)
    .map((d) => `${t(`day_short.${d}`)} ${wh[d].join(', ')}`)
    .join('; ');
}

function ClientCharts({
  charts,
  history,
  historyError,
}: {
  charts: Charts;
  history: History | null;
  historyError: Error | null;
}) {
  const { lang } = useApp();
  const currency = charts.currency;
  const late = useMemo(
    () => lateOption(charts.invoices, charts.grace_days, currency),
    [charts, lang],
  );
  const heat = useMemo(() => heatmapOption(charts.contacts), [charts, lang]);
  const rate = useMemo(() => rateOption(charts.rate, currency), [charts, lang]);
  const projects = charts.projects.slice(-6);
  const burnups = useMemo(() => projects.map((p) => burnupOption(p)), [charts, lang]);
  const points = history?.points ?? [];
  const scores = useMemo(() => historyOption(points), [history, lang]);
  const lateCount = charts.invoices.filter((i) => i.late).length;

  return (
    <div class="chart-grid">
      <Panel
        title={t('chart.late')}
        help={t('chart.late_help')}
        id="chart-late"
        className="chart-panel late"
      >
        {charts.invoices.length === 0 ? (
          <p class="empty">{t('chart.no_invoices')}</p>
        ) : (
          <Chart option={late} label={t('chart.late_aria', charts.invoices.length, lateCount)} />
        )}
      </Panel>
      <Panel
        title={t('chart.contacts')}
        help={t(
          'chart.contacts_help',
          workingHoursText(charts),
          charts.contacts.after_hours,
          charts.contacts.total,
        )}
        id="chart-contacts"
        className="chart-panel contacts"
      >
        {charts.contacts.total === 0 && <p class="empty">{t('chart.no_contacts')}</p>}
        <Chart
          option={heat}
          height={300}
          label={t('chart.contacts_aria', charts.contacts.total, charts.contacts.after_hours)}
        />
      </Panel>
      <Panel
        title={t('chart.rate')}
        help={t('chart.rate_help')}
        id="chart-rate"
        className="chart-panel rate"
      >
        {charts.rate.clients.length === 0 ? (
          <p class="empty">{t('chart.no_rate')}</p>
        ) : (
          <>
            <p class="figures-line">
              {t(
                'chart.rate_figures',
                charts.rate.effective_rate === null
                  ? t('common.none')
                  : t('common.per_hour', money(charts.rate.effective_rate, currency)),
                money(charts.rate.reference_rate, currency),
                money(charts.rate.target_hourly_rate, currency),
              )}
            </p>
            <Chart
              option={rate}
              height={Math.max(200, 28 * charts.rate.clients.length + 60)}
              label={t('chart.rate_aria', charts.rate.clients.length)}
            />
          </>
        )}
      </Panel>
      <Panel
        title={t('chart.history')}
        help={t('chart.history_help')}
        id="chart-history"
        className="chart-panel history"
      >
        {historyError && <ErrorBox error={historyError} />}
        {points.length === 0 ? (
          !historyError && (
            <p class="empty">{history ? t('chart.no_history') : t('state.loading')}</p>
          )
        ) : (
          <Chart
            option={scores}
            height={240}
            label={t(
              'chart.history_aria',
              points.length,
              date(points[0].date),
              date(points[points.length - 1].date),
            )}
          />
        )}
      </Panel>
      <Panel
        title={t('chart.burnup')}
        help={t('chart.burnup_help')}
        id="chart-burnup"
        className="chart-panel burnup wide"
      >
        {projects.length === 0 ? (
          <p class="empty">{t('chart.no_projects')}</p>
        ) : (
          <div class="burnup-grid">
            {projects.map((p, i) => (
              <figure key={p.project} class="burnup-item">
                <figcaption>
                  <strong>{p.name}</strong> · {tk(`chart.pricing.${p.pricing}`)} ·{' '}
                  {t('common.hours_value', num(p.worked_hours, 1))} /{' '}
                  {p.agreed_hours === null
                    ? t('chart.no_agreed')
                    : t('common.hours_value', num(p.agreed_hours, 1))}
                </figcaption>
                <Chart
                  option={burnups[i]}
                  height={220}
                  label={t(
                    'chart.burnup_aria',
                    p.name,
                    num(p.worked_hours, 1),
                    p.agreed_hours === null ? t('chart.no_agreed') : num(p.agreed_hours, 1),
                  )}
                />
              </figure>
            ))}
          </div>
        )}
      </Panel>
    </div>
  );
}

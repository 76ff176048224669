// The payment forecast (DESIGN.md section 11, GET /forecast): for each open invoice the
// chance it is paid late, shown as a band, and the day it is expected to be paid, beside how
// the client usually pays; and the cash expected in over the next 13 weeks. The receivables
// page shows the whole portfolio's, the client page one client's (the same answer, filtered:
// the forecast is learned from the whole portfolio).

import { useState } from 'preact/hooks';
import type { CashWeek, Forecast, InvoiceForecast } from '../api';
import { apiUrl } from '../api';
import { useApp } from '../app_context';
import { Chart } from '../charts/chart';
import { cashInOption } from '../charts/options';
import { ErrorBox, Loading, Panel, TableWrap } from '../components';
import { date, days, money, percent } from '../format';
import { useApi } from '../hooks';
import { t, tk } from '../i18n';

// Rows shown before "show all": the riskiest first, as the API sorts them.
const FIRST_ROWS = 15;
// The weekly dates the model learns at (predict/forecast.h kTrainingSnapshots) and the days
// past due beyond which an invoice is doubtful (kDoubtfulDays).
const TRAINING_SNAPSHOTS = 52;
const DOUBTFUL_DAYS = 90;

// An exact decimal string in hundredths, for sums that are only displayed.
function cents(value: string): number {
  return Math.round(Number(value) * 100);
}

function fromCents(total: number): string {
  const sign = total < 0 ? '-' : '';
  const abs = Math.abs(total);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

// The forecast's weeks for `invoices` only: each open amount in the week of its expected date.
function weeksOf(weeks: CashWeek[], invoices: InvoiceForecast[]): CashWeek[] {
  return weeks.map((week, i) => {
    const end = weeks[i + 1]?.week_start;
    const inWeek = invoices.filter(
      (inv) =>
        inv.expected_date !== null &&
        inv.expected_date >= week.week_start &&
        (end === undefined
          ? inv.expected_date < nextWeek(week.week_start)
          : inv.expected_date < end),
    );
    const total = inWeek.reduce((sum, inv) => sum + cents(inv.open_amount), 0);
    return { week_start: week.week_start, expected_in: fromCents(total), invoices: inWeek.length };
  });
}

function nextWeek(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 7);
  return d.toISOString().slice(0, 10);
}

export function BandBadge({ invoice }: { invoice: InvoiceForecast }) {
  return (
    <span class={`badge band ${invoice.band}`}>
      {tk(`forecast.band.${invoice.band}`)} · {percent(invoice.p_late)}
    </span>
  );
}

// How the forecast was made: the model and what it learned from, or why it fell back.
function MethodNote({ data }: { data: Forecast }) {
  return (
    <p class="help forecast-method">
      {data.method === 'model'
        ? t(
            'forecast.method.model',
            data.training.late_examples,
            data.training.late_outcomes,
            TRAINING_SNAPSHOTS,
          )
        : t('forecast.method.baseline', data.fallback ?? '')}{' '}
      {t('forecast.late_means', data.grace_days)}
    </p>
  );
}

// `client`: one client's invoices and cash only; otherwise the portfolio's.
export function ForecastPanel({ client }: { client?: string }) {
  const { asOf, lang, link } = useApp();
  const forecast = useApi<Forecast>(apiUrl('/forecast', { as_of: asOf, lang }));
  const [showAll, setShowAll] = useState(false);
  const data = forecast.data;
  const title = t('forecast.panel_title');
  if (forecast.error && !data) {
    return (
      <Panel title={title} id="forecast">
        <ErrorBox error={forecast.error} onRetry={forecast.reload} />
      </Panel>
    );
  }
  if (!data) {
    return (
      <Panel title={title} id="forecast">
        <Loading />
      </Panel>
    );
  }
  const currency = data.currency;
  const invoices = client ? data.invoices.filter((inv) => inv.client === client) : data.invoices;
  const weeks = client ? weeksOf(data.weeks, invoices) : data.weeks;
  const shown = showAll ? invoices : invoices.slice(0, FIRST_ROWS);
  const usually = client ? invoices[0]?.usually_pays_in_days : undefined;
  return (
    <Panel title={title} help={t('forecast.panel_help', date(data.as_of))} id="forecast">
      <MethodNote data={data} />
      {usually !== undefined && usually !== null && (
        <p class="usually-pays">{t('forecast.usually_pays', days(usually))}</p>
      )}
      {invoices.length === 0 ? (
        <p class="empty">{t('forecast.nothing_open')}</p>
      ) : (
        <>
          <h3>{t('forecast.weeks_title', weeks.length, currency)}</h3>
          <Chart
            option={cashInOption(weeks, currency)}
            height={220}
            label={t('forecast.weeks_title', weeks.length, currency)}
          />
          {!client && (
            <dl class="figures forecast-totals">
              <div>
                <dt>{t('forecast.later')}</dt>
                <dd>{money(data.later, currency)}</dd>
              </div>
              <div>
                <dt>{t('forecast.doubtful', DOUBTFUL_DAYS)}</dt>
                <dd>{money(data.doubtful, currency)}</dd>
              </div>
              <div>
                <dt>{t('forecast.total_open')}</dt>
                <dd class="strong">{money(data.open, currency)}</dd>
              </div>
            </dl>
          )}
          <TableWrap>
            <table class="forecast-table">
              <thead>
                <tr>
                  <th scope="col">{t('col.invoice')}</th>
                  {!client && <th scope="col">{t('col.client')}</th>}
                  <th scope="col">{t('col.due')}</th>
                  <th scope="col" class="num">
                    {t('col.open')}
                  </th>
                  <th scope="col">{t('col.late_risk')}</th>
                  <th scope="col">{t('col.expected_payment')}</th>
                  {!client && (
                    <th scope="col" class="num">
                      {t('recv.usually_pays')}
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {shown.map((inv) => (
                  <tr key={inv.invoice} data-invoice={inv.invoice} data-band={inv.band}>
                    <td data-label={t('col.invoice')}>
                      <code>{inv.invoice}</code>
                    </td>
                    {!client && (
                      <th scope="row">
                        <a href={link(['clients', inv.client])}>{inv.name}</a>
                      </th>
                    )}
                    <td
                      data-label={t('col.due')}
                      class={inv.days_past_due > 0 ? 'overdue' : undefined}
                    >
                      {date(inv.due)}
                      {inv.days_past_due > 0 && (
                        <span class="hint">
                          {' '}
                          · {t('forecast.days_past_due', inv.days_past_due)}
                        </span>
                      )}
                    </td>
                    <td class="num" data-label={t('col.open')}>
                      {money(inv.open_amount, currency)}
                    </td>
                    <td data-label={t('col.late_risk')}>
                      <BandBadge invoice={inv} />
                    </td>
                    <td data-label={t('col.expected_payment')}>
                      {inv.expected_date === null
                        ? t('forecast.doubtful_short')
                        : date(inv.expected_date)}
                    </td>
                    {!client && (
                      <td class="num" data-label={t('recv.usually_pays')}>
                        {days(inv.usually_pays_in_days)}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          {invoices.length > FIRST_ROWS && (
            <p class="panel-tools">
              <button type="button" class="button" onClick={() => setShowAll(!showAll)}>
                {showAll ? t('forecast.show_fewer') : t('common.show_all', invoices.length)}
              </button>
            </p>
          )}
        </>
      )}
    </Panel>
  );
}

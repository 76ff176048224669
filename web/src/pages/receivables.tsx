// Receivables: what is still to be collected, by client and by days past due, how each client
// usually pays, who will pay late and when the money should arrive (pages/forecast.tsx), and
// one client's statement (open invoices at their net amount, payments, credit
// notes). Both tables download as CSV from the API (format=csv), with headers in the chosen
// language.

import type { Aging, AgingRow } from '../api';
import { apiUrl, BUCKET_KEYS } from '../api';
import { useApp } from '../app_context';
import { ErrorBox, Loading, Panel, TableWrap } from '../components';
import { date, days, money, toNumber } from '../format';
import { statementPath, useApi, useStatement } from '../hooks';
import { t, tk } from '../i18n';
import { replaceQuery } from '../route';
import { CreditNotesTable } from './credit_notes';
import { ForecastPanel } from './forecast';

// What an aging row has past due: every bucket but the current one.
function pastDue(row: AgingRow): number {
  return BUCKET_KEYS.filter((b) => b !== 'current').reduce(
    (sum, b) => sum + toNumber(row.buckets[b]),
    0,
  );
}

// Most owed first, then by name: who to chase comes first. For ordering only (the amounts
// shown stay the API's exact strings).
function byMostOverdue<T extends { name: string }>(rows: T[], overdue: (row: T) => number): T[] {
  return [...rows].sort((a, b) => overdue(b) - overdue(a) || a.name.localeCompare(b.name));
}

export function ReceivablesPage({ client }: { client?: string }) {
  const { asOf, lang, link } = useApp();
  const aging = useApi<Aging>(apiUrl('/aging', { as_of: asOf, lang }));
  const data = aging.data;
  if (aging.error && !data) return <ErrorBox error={aging.error} onRetry={aging.reload} />;
  if (!data) return <Loading />;
  const currency = data.currency;
  const csv = apiUrl('/aging', { as_of: asOf, lang, format: 'csv' });

  return (
    <div class="page receivables" aria-busy={aging.loading}>
      <div class="page-head">
        <h1>{t('recv.title')}</h1>
      </div>
      <Panel title={t('recv.aging')} help={t('recv.aging_help', date(data.as_of))} id="aging">
        <p class="panel-tools">
          <a class="button" href={csv} download={`aging-${data.as_of}.csv`}>
            {t('common.download_csv')}
          </a>
        </p>
        {data.clients.length === 0 ? (
          <p class="empty">{t('recv.nothing_open')}</p>
        ) : (
          <TableWrap>
            <table class="aging-table">
              <thead>
                <tr>
                  <th scope="col">{t('col.client')}</th>
                  {BUCKET_KEYS.map((b) => (
                    <th scope="col" class="num" key={b}>
                      {tk(`recv.bucket.${b}`)}
                    </th>
                  ))}
                  <th scope="col" class="num">
                    {t('common.total')}
                  </th>
                  <th scope="col" class="num">
                    {t('recv.written_off')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {byMostOverdue(data.clients, pastDue).map((row) => (
                  <tr key={row.client} data-client={row.client}>
                    <th scope="row">
                      <a href={link(['receivables'], { client: row.client })}>{row.name}</a>
                    </th>
                    {BUCKET_KEYS.map((b) => (
                      <td
                        class={`num bucket-${b} ${toNumber(row.buckets[b]) > 0 && b !== 'current' ? 'overdue' : ''}`}
                        key={b}
                      >
                        {toNumber(row.buckets[b]) === 0 ? '·' : money(row.buckets[b], currency, 0)}
                      </td>
                    ))}
                    <td class="num strong">{money(row.total, currency, 0)}</td>
                    <td class="num">
                      {toNumber(row.written_off) === 0 ? '·' : money(row.written_off, currency, 0)}
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('common.total')}</th>
                  {BUCKET_KEYS.map((b) => (
                    <td class="num" key={b}>
                      {money(data.totals[b], currency, 0)}
                    </td>
                  ))}
                  <td class="num strong">{money(data.total, currency, 0)}</td>
                  <td class="num">{money(data.written_off, currency, 0)}</td>
                </tr>
              </tfoot>
            </table>
          </TableWrap>
        )}
      </Panel>

      <ForecastPanel />

      <Panel title={t('recv.payers')} id="payers">
        <TableWrap>
          <table class="payers-table">
            <thead>
              <tr>
                <th scope="col">{t('col.client')}</th>
                <th scope="col" class="num">
                  {t('recv.usually_pays')}
                </th>
                <th scope="col" class="num">
                  {t('recv.average_delay')}
                </th>
                <th scope="col" class="num">
                  <abbr title={t('recv.dso_long')}>{t('recv.dso')}</abbr>
                </th>
                <th scope="col">{t('recv.last_payment')}</th>
                <th scope="col" class="num">
                  {t('col.open')}
                </th>
                <th scope="col" class="num">
                  {t('recv.overdue')}
                </th>
                <th scope="col">
                  <span class="visually-hidden">{t('recv.statement')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {byMostOverdue(data.payers, (p) => toNumber(p.overdue)).map((p) => (
                <tr key={p.client} class={client === p.client ? 'selected' : undefined}>
                  <th scope="row">
                    <a href={link(['clients', p.client])}>{p.name}</a>
                  </th>
                  <td class="num">{days(p.usually_pays_in_days)}</td>
                  <td class={`num ${toNumber(p.average_delay_days) > 0 ? 'overdue' : ''}`}>
                    {days(p.average_delay_days)}
                  </td>
                  <td class="num">{days(p.dso_days)}</td>
                  <td>{date(p.last_payment)}</td>
                  <td class="num">{money(p.open, currency, 0)}</td>
                  <td class={`num ${toNumber(p.overdue) > 0 ? 'overdue' : ''}`}>
                    {money(p.overdue, currency, 0)}
                  </td>
                  <td>
                    <a
                      href={link(['receivables'], { client: p.client })}
                      aria-label={`${t('recv.statement')}: ${p.name}`}
                    >
                      {t('recv.open_statement')}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </Panel>

      <Panel title={t('recv.statement')} id="statement">
        <label class="inline-field">
          <span>{t('recv.statement_for')}</span>
          <select
            value={client ?? ''}
            onChange={(e) =>
              replaceQuery({ client: (e.target as HTMLSelectElement).value || undefined })
            }
          >
            <option value="">{t('recv.choose_client')}</option>
            {data.payers.map((p) => (
              <option value={p.client} key={p.client}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        {client && <StatementView client={client} />}
      </Panel>
    </div>
  );
}

function StatementView({ client }: { client: string }) {
  const { asOf, lang } = useApp();
  const statement = useStatement(client);
  const data = statement.data;
  if (statement.error && !data)
    return <ErrorBox error={statement.error} onRetry={statement.reload} />;
  if (!data || data.client !== client) return <Loading />;
  const currency = data.currency;
  const creditNotes = data.credit_notes ?? [];
  // Credited and net columns only when a credit note lowered an open invoice.
  const credited = data.open_items.some((item) => toNumber(item.credited) > 0);
  return (
    <div class="statement" data-client={data.client}>
      <h3>
        {data.name} · {date(data.as_of)}
      </h3>
      <p class="panel-tools">
        <a
          class="button"
          href={apiUrl(statementPath(client), { as_of: asOf, lang, format: 'csv' })}
          download={`statement-${data.client}-${data.as_of}.csv`}
        >
          {t('common.download_csv')}
        </a>
      </p>
      <h4>{t('recv.open_items')}</h4>
      {data.open_items.length === 0 ? (
        <p class="empty">{t('recv.no_open_items')}</p>
      ) : (
        <TableWrap>
          {credited && <p class="help">{t('recv.net_help', date(data.as_of))}</p>}
          <table class="open-items-table">
            <thead>
              <tr>
                <th scope="col">{t('col.invoice')}</th>
                <th scope="col">{t('col.issued')}</th>
                <th scope="col">{t('col.due')}</th>
                {credited && (
                  <th scope="col" class="num">
                    {t('col.credited')}
                  </th>
                )}
                <th scope="col" class="num">
                  {credited ? t('col.net') : t('col.amount')}
                </th>
                <th scope="col" class="num">
                  {t('col.paid')}
                </th>
                <th scope="col" class="num">
                  {t('col.open')}
                </th>
                <th scope="col" class="num">
                  {t('col.days_past_due')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.open_items.map((item) => (
                <tr key={item.invoice} data-invoice={item.invoice}>
                  <td>
                    <code>{item.invoice}</code>
                  </td>
                  <td>{date(item.issued)}</td>
                  <td>{date(item.due)}</td>
                  {credited && (
                    <td class="num credited">
                      {toNumber(item.credited) === 0 ? '·' : money(item.credited, currency)}
                    </td>
                  )}
                  <td class="num net">{money(item.net, currency)}</td>
                  <td class="num">{money(item.paid, currency)}</td>
                  <td class="num strong">{money(item.open, currency)}</td>
                  <td class={`num ${item.days_past_due > 0 ? 'overdue' : ''}`}>
                    {item.days_past_due > 0 ? item.days_past_due : '·'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <h4>{t('recv.payments')}</h4>
      {data.payments.length === 0 ? (
        <p class="empty">{t('recv.no_payments')}</p>
      ) : (
        <TableWrap>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('col.payment')}</th>
                <th scope="col">{t('col.date')}</th>
                <th scope="col" class="num">
                  {t('col.amount')}
                </th>
                <th scope="col">{t('col.applied')}</th>
                <th scope="col" class="num">
                  {t('col.unapplied')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.payments.map((p) => (
                <tr key={p.payment}>
                  <td>
                    <code>{p.payment}</code>
                  </td>
                  <td>{date(p.date)}</td>
                  <td class="num">{money(p.amount, currency)}</td>
                  <td>
                    {p.applied.map((a) => (
                      <span class="applied" key={a.invoice}>
                        <code>{a.invoice}</code> {money(a.amount, currency)}
                      </span>
                    ))}
                  </td>
                  <td class="num">
                    {toNumber(p.unapplied) === 0 ? '·' : money(p.unapplied, currency)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {creditNotes.length > 0 && (
        <section class="credit-notes" aria-labelledby="statement-credit-notes">
          <h4 id="statement-credit-notes">{t('recv.credit_notes')}</h4>
          <p class="help">{t('recv.credit_notes_help')}</p>
          <CreditNotesTable notes={creditNotes} currency={currency} />
        </section>
      )}
      <dl class="figures statement-totals">
        <div>
          <dt>{t('recv.total_open')}</dt>
          <dd>{money(data.total_open, currency)}</dd>
        </div>
        <div>
          <dt>{t('recv.credit')}</dt>
          <dd>{money(data.credit, currency)}</dd>
        </div>
        <div>
          <dt>{t('recv.balance')}</dt>
          <dd class="strong">{money(data.balance, currency)}</dd>
        </div>
      </dl>
    </div>
  );
}

// The alerts of the last week (GET /alerts, DESIGN.md section 12), under "act now" on the
// portfolio: projects burning their budget, signs turned amber or red, worse verdicts and
// invoices now likely to be paid late, each with what happened in one sentence and a link
// to the client. Nothing is shown when there is nothing to say. A large portfolio's week
// can hold thousands: the first few are listed until all are asked for.

import { useState } from 'preact/hooks';
import type { Alerts } from '../api';
import { apiUrl } from '../api';
import { useApp } from '../app_context';
import { date } from '../format';
import { useApi } from '../hooks';
import { t, tk } from '../i18n';

// The alerts listed before "Show all".
const FIRST_ALERTS = 8;

export function AlertsPanel() {
  const { asOf, lang, link } = useApp();
  const alerts = useApi<Alerts>(apiUrl('/alerts', { as_of: asOf, lang }));
  const [all, setAll] = useState(false);
  const data = alerts.data;
  if (!data || data.alerts.length === 0) return null;
  const shown = all ? data.alerts : data.alerts.slice(0, FIRST_ALERTS);
  return (
    <section class="panel alerts" aria-labelledby="alerts-title">
      <h2 id="alerts-title">{t('alerts.title')}</h2>
      <p class="help">{t('alerts.help', date(data.since), date(data.as_of))}</p>
      <ul class="alerts-list">
        {shown.map((alert) => (
          <li key={alert.id} class={`alert-item ${alert.kind}`} data-alert={alert.id}>
            <span class={`badge alert-kind ${alert.kind}`}>{tk(`alert.kind.${alert.kind}`)}</span>{' '}
            <a href={link(['clients', alert.client])}>{alert.name}</a>: {alert.text}
          </li>
        ))}
      </ul>
      {data.alerts.length > FIRST_ALERTS && (
        <button type="button" class="button" onClick={() => setAll(!all)}>
          {all ? t('common.show_less') : t('common.show_all', data.alerts.length)}
        </button>
      )}
    </section>
  );
}

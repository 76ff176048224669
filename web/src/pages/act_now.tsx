// Act now, at the top of the portfolio: the clients to part ways with or renegotiate, most
// urgent first, each with the rule that decided its verdict ("non-payment is red"), the one
// reason that says why, the money at stake and the next step, with the letter that carries
// it out one click away. Read from GET /portfolio sorted by verdict, so it costs one short
// page whatever the size of the portfolio.

import type { PortfolioPage } from '../api';
import { apiUrl } from '../api';
import { useApp } from '../app_context';
import { VerdictBadge } from '../components';
import { money, toNumber } from '../format';
import { useApi } from '../hooks';
import { signTitle, t } from '../i18n';
import { letterLink } from './letters';

// The clients listed; the others are counted and left to the table.
const SHOWN = 5;

export function ActNow() {
  const { asOf, lang, link } = useApp();
  const urgent = useApi<PortfolioPage>(
    apiUrl('/portfolio', { as_of: asOf, lang, sort: 'verdict', per_page: SHOWN }),
  );
  const data = urgent.data;
  if (!data) return null;
  const clients = data.clients.filter(
    (c) => c.verdict === 'part_ways' || c.verdict === 'renegotiate',
  );
  if (clients.length === 0) return null;
  const more = data.verdicts.part_ways + data.verdicts.renegotiate - clients.length;
  const currency = data.currency;
  return (
    <section class="panel act-now" aria-labelledby="act-now-title">
      <h2 id="act-now-title">{t('act_now.title')}</h2>
      <ol class="act-now-list">
        {clients.map((c) => {
          const overdue = toNumber(c.economics.overdue_amount);
          return (
            <li key={c.client} class={`act-now-item ${c.verdict}`} data-client={c.client}>
              <div class="who">
                <a href={link(['clients', c.client])}>{c.name}</a>
                <VerdictBadge verdict={c.verdict} />
              </div>
              <p class="rule">
                <span class="rule-label">{t('act_now.rule')}</span> {c.verdict_rule.text}
              </p>
              {c.reason && (
                <p class="why">
                  <span class="visually-hidden">{signTitle(c.reason.sign)}: </span>
                  {c.reason.text}
                </p>
              )}
              <p class="stake">
                {overdue > 0
                  ? t(
                      'act_now.at_stake_overdue',
                      money(c.economics.hidden_cost, currency, 0),
                      money(c.economics.overdue_amount, currency, 0),
                    )
                  : t('act_now.at_stake', money(c.economics.hidden_cost, currency, 0))}
              </p>
              {c.action && (
                <div class="next">
                  <p>{c.action.text}</p>
                  <a
                    class="button primary"
                    href={link(['clients', c.client], { letter: letterLink(c.action) })}
                  >
                    {t('act_now.letter')}
                  </a>
                </div>
              )}
            </li>
          );
        })}
      </ol>
      {more > 0 && <p class="more">{t('act_now.more', more)}</p>}
    </section>
  );
}

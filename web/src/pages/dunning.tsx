// Dunning (GET /dunning, POST /dunning/send, DESIGN.md section 12). On the portfolio, under
// "act now": the letters the ladders ask for today, each with its rule and its text, and a
// button that sends them only after the user confirms; the steps left to the user, those
// without an address and those a run could not confirm. On the settings page: the ladder
// of each client type, the mail server and where alerts go.

import { useEffect, useState } from 'preact/hooks';
import type {
  AlertDelivery,
  Dunning,
  DunningAction,
  DunningChannel,
  DunningItem,
  DunningSent,
  DunningStep,
  MailServer,
  Workspace,
} from '../api';
import { apiUrl, DUNNING_ACTIONS, sendJson } from '../api';
import { useApp } from '../app_context';
import { ErrorBox, Panel } from '../components';
import { date, money } from '../format';
import { useApi } from '../hooks';
import { archetypeName, t, tk } from '../i18n';

const SHOWN_STATES = ['due', 'no_address', 'manual', 'unconfirmed'] as const;
// The clients listed in each group until the user asks for all of them.
const FIRST_ITEMS = 5;

function actionName(action: DunningAction): string {
  return tk(`dunning.action.${action}`);
}

function DunningEntry({ item }: { item: DunningItem }) {
  const { link } = useApp();
  return (
    <li class={`dunning-item ${item.state}`} data-client={item.client}>
      <p>
        <a href={link(['clients', item.client])}>{item.name}</a>{' '}
        <span class="muted">({archetypeName(item.archetype)})</span> —{' '}
        {tk('dunning.step', item.step.number, item.step.of, actionName(item.step.action))}
      </p>
      <ul class="dunning-invoices">
        {item.invoices.map((invoice) => (
          <li key={invoice.id}>
            {t(
              'dunning_panel.invoice_line',
              invoice.days_late,
              invoice.id,
              date(invoice.due),
              money(invoice.open, invoice.currency),
            )}
          </li>
        ))}
      </ul>
      <p class="help">{item.why}</p>
      {item.state === 'due' && <p class="help">{t('dunning_panel.to', item.address)}</p>}
      {item.state === 'no_address' && <p class="help">{tk('dunning.hint.no_address')}</p>}
      {item.state === 'manual' && <p class="help">{tk('dunning.hint.manual')}</p>}
      {item.state === 'unconfirmed' && (
        <p class="help">{tk('dunning.hint.unconfirmed', item.keys[0] ?? '')}</p>
      )}
      {item.letter && (
        <details class="dunning-letter">
          <summary>{item.letter.subject}</summary>
          <pre>{item.letter.text}</pre>
        </details>
      )}
    </li>
  );
}

// The outcome of a send, one line per letter.
function SentList({ sent }: { sent: DunningSent }) {
  return (
    <ul class="dunning-sent" role="status">
      {sent.sent.map((one) => (
        <li key={`${one.client}-${one.after_days}`} class={one.delivery}>
          {tk(
            `dunning_panel.delivery.${one.delivery}`,
            actionName(one.action),
            one.name,
            one.address,
            one.detail,
          )}
        </li>
      ))}
    </ul>
  );
}

export function DunningPanel() {
  const { asOf, lang } = useApp();
  const dunning = useApi<Dunning>(apiUrl('/dunning', { as_of: asOf, lang }));
  const [confirming, setConfirming] = useState(false);
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState<DunningSent | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [expanded, setExpanded] = useState<string[]>([]);
  const data = dunning.data;
  const shown = data?.items.filter((item) => item.state !== 'sent') ?? [];
  if (!data || (shown.length === 0 && !sent)) return null;
  const due = data.items.filter((item) => item.state === 'due');
  const alreadySent = data.items.filter((item) => item.state === 'sent').length;

  const send = async () => {
    setSending(true);
    setError(null);
    try {
      setSent(
        await sendJson<DunningSent>('POST', apiUrl('/dunning/send', { as_of: asOf, lang }), {}),
      );
      setConfirming(false);
      dunning.reload();
    } catch (reason) {
      setError(reason instanceof Error ? reason : new Error(String(reason)));
    } finally {
      setSending(false);
    }
  };

  return (
    <Panel title={t('dunning_panel.title')} id="dunning" className="dunning">
      <p class="help">{t('dunning_panel.help', alreadySent, date(data.as_of))}</p>
      {SHOWN_STATES.map((state) => {
        const items = shown.filter((item) => item.state === state);
        if (items.length === 0) return null;
        const all = expanded.includes(state);
        return (
          <section
            key={state}
            class={`dunning-group ${state}`}
            aria-labelledby={`dunning-${state}`}
          >
            <h3 id={`dunning-${state}`}>{tk(`dunning.section.${state}`, items.length)}</h3>
            <ul class="dunning-list">
              {(all ? items : items.slice(0, FIRST_ITEMS)).map((item) => (
                <DunningEntry
                  key={`${item.client}-${item.step.number}-${item.state}`}
                  item={item}
                />
              ))}
            </ul>
            {items.length > FIRST_ITEMS && (
              <button
                type="button"
                class="button"
                onClick={() =>
                  setExpanded(all ? expanded.filter((s) => s !== state) : [...expanded, state])
                }
              >
                {all ? t('common.show_less') : t('common.show_all', items.length)}
              </button>
            )}
          </section>
        );
      })}
      {due.length > 0 && !confirming && (
        <button type="button" class="button primary" onClick={() => setConfirming(true)}>
          {t('dunning_panel.send', due.length)}
        </button>
      )}
      {confirming && (
        <div class="confirm" role="group" aria-labelledby="dunning-confirm">
          <p id="dunning-confirm">
            {t(
              'dunning_panel.confirm',
              due.length,
              due
                .slice(0, FIRST_ITEMS)
                .map((item) => item.name)
                .join(', ') + (due.length > FIRST_ITEMS ? ', …' : ''),
            )}
          </p>
          <button
            type="button"
            class="button primary"
            disabled={sending}
            onClick={() => void send()}
          >
            {t('dunning_panel.send_now')}
          </button>{' '}
          <button type="button" class="button" onClick={() => setConfirming(false)}>
            {t('common.cancel')}
          </button>
        </div>
      )}
      {sent && <SentList sent={sent} />}
      {error && <ErrorBox error={error} />}
    </Panel>
  );
}

// ---- Settings

type Ladders = Record<string, DunningStep[]>;

// The workspace's own ladders (those whose source is their own type).
function ownLadders(workspace: Workspace): Ladders {
  const own: Ladders = {};
  for (const ladder of workspace.dunning) {
    if (ladder.source === ladder.type) own[ladder.type] = ladder.steps;
  }
  return own;
}

function StepRow({
  step,
  index,
  type,
  onChange,
  onRemove,
}: {
  step: DunningStep;
  index: number;
  type: string;
  onChange: (step: DunningStep) => void;
  onRemove: () => void;
}) {
  const label = t('dunning_settings.step', index + 1, archetypeName(type));
  return (
    <li class="dunning-step">
      <div class="dunning-step-fields" role="group" aria-label={label}>
        <label class="field">
          <span>{t('dunning_settings.after_days')}</span>
          <input
            type="number"
            min={0}
            max={3650}
            value={step.after_days}
            onInput={(e) =>
              onChange({ ...step, after_days: Number((e.target as HTMLInputElement).value) })
            }
          />
        </label>
        <label class="field">
          <span>{t('dunning_settings.action')}</span>
          <select
            value={step.action}
            onChange={(e) =>
              onChange({ ...step, action: (e.target as HTMLSelectElement).value as DunningAction })
            }
          >
            {DUNNING_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {actionName(action)}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>{t('dunning_settings.channel')}</span>
          <select
            value={step.action === 'stop_work' ? 'manual' : step.channel}
            disabled={step.action === 'stop_work'}
            onChange={(e) =>
              onChange({
                ...step,
                channel: (e.target as HTMLSelectElement).value as DunningChannel,
              })
            }
          >
            <option value="email">{t('dunning_panel.channel.email')}</option>
            <option value="manual">{t('dunning_panel.channel.manual')}</option>
          </select>
        </label>
        <button type="button" class="button" onClick={onRemove}>
          {t('dunning_settings.remove_step')}
        </button>
      </div>
    </li>
  );
}

function LadderEditor({
  type,
  steps,
  source,
  own,
  onChange,
}: {
  type: string;
  steps: DunningStep[];
  source: string;
  own: boolean;
  onChange: (steps: DunningStep[] | null) => void;
}) {
  const origin = own
    ? t('dunning_settings.own')
    : source === 'default'
      ? t('dunning_settings.from_default')
      : t('dunning_settings.builtin');
  return (
    <fieldset class="dunning-ladder" data-type={type}>
      <legend>
        {type === 'default' ? t('dunning_settings.default_ladder') : archetypeName(type)}{' '}
        <span class="muted">({origin})</span>
      </legend>
      <ol class="dunning-steps">
        {steps.map((step, i) => (
          <StepRow
            key={i}
            step={step}
            index={i}
            type={type}
            onChange={(changed) => onChange(steps.map((s, j) => (j === i ? changed : s)))}
            onRemove={() => onChange(steps.filter((_, j) => j !== i))}
          />
        ))}
      </ol>
      <button
        type="button"
        class="button"
        onClick={() => {
          const last = steps[steps.length - 1];
          onChange([
            ...steps,
            { after_days: last ? last.after_days + 15 : 3, action: 'reminder', channel: 'email' },
          ]);
        }}
      >
        {t('dunning_settings.add_step')}
      </button>{' '}
      {own && (
        <button type="button" class="button" onClick={() => onChange(null)}>
          {t('dunning_settings.reset')}
        </button>
      )}
    </fieldset>
  );
}

export function DunningSettings() {
  const { workspace, refreshWorkspace, lang } = useApp();
  const [ladders, setLadders] = useState<Ladders>(() => ownLadders(workspace));
  const [smtp, setSmtp] = useState<MailServer>(workspace.smtp);
  const [alerts, setAlerts] = useState<AlertDelivery>(workspace.alerts);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    setLadders(ownLadders(workspace));
    setSmtp(workspace.smtp);
    setAlerts(workspace.alerts);
  }, [workspace]);

  const save = async () => {
    setMessage(null);
    setError(null);
    setSaving(true);
    try {
      const normalized: Ladders = {};
      for (const [type, steps] of Object.entries(ladders)) {
        normalized[type] = [...steps].sort((a, b) => a.after_days - b.after_days);
      }
      await sendJson<Workspace>('PUT', apiUrl('/workspace', { lang }), {
        dunning: normalized,
        smtp,
        alerts,
      });
      setMessage(t('common.saved'));
      refreshWorkspace();
    } catch (reason) {
      setError(reason instanceof Error ? reason : new Error(String(reason)));
    } finally {
      setSaving(false);
    }
  };

  const text = (value: string, onInput: (value: string) => void, label: string, help?: string) => (
    <label class="field">
      <span>{label}</span>
      <input
        type="text"
        value={value}
        spellcheck={false}
        autoComplete="off"
        onInput={(e) => onInput((e.target as HTMLInputElement).value)}
      />
      {help && <small>{help}</small>}
    </label>
  );

  return (
    <Panel
      title={t('dunning_settings.title')}
      help={t('dunning_settings.help')}
      id="dunning-settings"
    >
      <form
        class="dunning-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {workspace.dunning.map((ladder) => {
          const own = ladder.type in ladders;
          return (
            <LadderEditor
              key={ladder.type}
              type={ladder.type}
              steps={own ? ladders[ladder.type] : ladder.steps}
              source={ladder.source}
              own={own}
              onChange={(steps) => {
                const next = { ...ladders };
                if (steps === null) delete next[ladder.type];
                else next[ladder.type] = steps;
                setLadders(next);
              }}
            />
          );
        })}
        <fieldset class="mail-server">
          <legend>{t('dunning_settings.smtp')}</legend>
          <p class="help">{t('dunning_settings.smtp_help')}</p>
          <div class="form-row">
            {text(smtp.host, (host) => setSmtp({ ...smtp, host }), t('dunning_settings.host'))}
            <label class="field">
              <span>{t('dunning_settings.port')}</span>
              <input
                type="number"
                min={0}
                max={65535}
                value={smtp.port}
                onInput={(e) =>
                  setSmtp({ ...smtp, port: Number((e.target as HTMLInputElement).value) })
                }
              />
            </label>
            <label class="field">
              <span>{t('dunning_settings.security')}</span>
              <select
                value={smtp.security}
                onChange={(e) =>
                  setSmtp({
                    ...smtp,
                    security: (e.target as HTMLSelectElement).value as MailServer['security'],
                  })
                }
              >
                <option value="starttls">STARTTLS</option>
                <option value="tls">TLS</option>
                <option value="none">{t('dunning_settings.security_none')}</option>
              </select>
            </label>
          </div>
          <div class="form-row">
            {text(smtp.user, (user) => setSmtp({ ...smtp, user }), t('dunning_settings.user'))}
            {text(
              smtp.password_env,
              (password_env) => setSmtp({ ...smtp, password_env }),
              t('dunning_settings.password_env'),
              t('dunning_settings.password_help'),
            )}
            {text(smtp.from, (from) => setSmtp({ ...smtp, from }), t('dunning_settings.from'))}
          </div>
        </fieldset>
        <fieldset class="alert-delivery">
          <legend>{t('dunning_settings.alerts')}</legend>
          <p class="help">{t('dunning_settings.alerts_help')}</p>
          <div class="form-row">
            {text(
              alerts.webhook,
              (webhook) => setAlerts({ ...alerts, webhook }),
              t('dunning_settings.webhook'),
            )}
            {text(
              alerts.secret_env,
              (secret_env) => setAlerts({ ...alerts, secret_env }),
              t('dunning_settings.secret_env'),
            )}
            {text(
              alerts.email,
              (email) => setAlerts({ ...alerts, email }),
              t('dunning_settings.alert_email'),
            )}
          </div>
        </fieldset>
        <div class="form-actions">
          <button type="submit" class="button primary" disabled={saving}>
            {t('common.save')}
          </button>
          {message && (
            <span class="saved" role="status">
              {message}
            </span>
          )}
        </div>
        {error && <ErrorBox error={error} />}
      </form>
    </Panel>
  );
}

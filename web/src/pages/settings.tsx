// Settings: the business (name, tax id, time zone, working hours, holidays, target rate) and every
// threshold of the six signs. Each form sends only what changed; the server checks values
// and answers all-or-nothing, and its message is shown as it is.

import { useEffect, useMemo, useState } from 'preact/hooks';
import type { SettingEntry, SettingsResponse, Workspace, WorkspaceUpdate } from '../api';
import { apiUrl, sendJson, SIGN_KEYS, WEEKDAYS, type Weekday } from '../api';
import { useApp } from '../app_context';
import { ErrorBox, Loading, Panel } from '../components';
import { num } from '../format';
import { useApi } from '../hooks';
import { signTitle, t, tk } from '../i18n';
import { DunningSettings } from './dunning';

const INTERVAL = /^[0-2]\d:[0-5]\d-[0-2]\d:[0-5]\d$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MONEY = /^\d+(\.\d{1,2})?$/;

interface WorkspaceForm {
  name: string;
  taxId: string;
  timezone: string;
  target: string;
  hours: Record<Weekday, string>;
  holidays: string;
}

function toForm(ws: Workspace): WorkspaceForm {
  return {
    name: ws.name,
    taxId: ws.tax_id ?? '',
    timezone: ws.timezone,
    target: ws.target_hourly_rate ?? '',
    hours: Object.fromEntries(WEEKDAYS.map((d) => [d, ws.working_hours[d].join(', ')])) as Record<
      Weekday,
      string
    >,
    holidays: ws.holidays.join('\n'),
  };
}

function splitList(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

// The update the form asks for, or the first problem found in it.
function toUpdate(
  form: WorkspaceForm,
  ws: Workspace,
): { update: WorkspaceUpdate } | { problem: string } {
  const update: WorkspaceUpdate = {};
  if (form.name.trim() !== ws.name) update.name = form.name.trim();
  // The server checks and normalizes it (upper case, no spaces); empty removes it.
  const taxId = form.taxId.trim();
  if (taxId !== (ws.tax_id ?? '')) update.tax_id = taxId === '' ? null : taxId;
  if (form.timezone.trim() !== ws.timezone) update.timezone = form.timezone.trim();
  const target = form.target.trim().replace(',', '.');
  if (target !== '' && !MONEY.test(target))
    return { problem: t('settings.bad_money', form.target) };
  if (target !== (ws.target_hourly_rate ?? ''))
    update.target_hourly_rate = target === '' ? null : target;
  const hours = {} as Record<Weekday, string[]>;
  for (const day of WEEKDAYS) {
    const intervals = form.hours[day]
      .split(/[,;]+/)
      .map((s) => s.replace(/\s+/g, '').replace(/[–—]/g, '-'))
      .filter((s) => s !== '');
    const bad = intervals.find((s) => !INTERVAL.test(s));
    if (bad) return { problem: t('settings.bad_interval', bad) };
    hours[day] = intervals;
  }
  if (WEEKDAYS.some((d) => hours[d].join(',') !== ws.working_hours[d].join(',')))
    update.working_hours = hours;
  const holidays = splitList(form.holidays);
  const badDate = holidays.find((s) => !DATE.test(s));
  if (badDate) return { problem: t('settings.bad_date', badDate) };
  if (holidays.join(',') !== ws.holidays.join(',')) update.holidays = holidays;
  return { update };
}

export function SettingsPage() {
  return (
    <div class="page settings">
      <div class="page-head">
        <h1>{t('settings.title')}</h1>
      </div>
      <WorkspaceSettings />
      <DunningSettings />
      <Thresholds />
    </div>
  );
}

function WorkspaceSettings() {
  const { workspace, refreshWorkspace, lang } = useApp();
  const [form, setForm] = useState(() => toForm(workspace));
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => setForm(toForm(workspace)), [workspace]);

  const zones = useMemo(() => {
    const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
    return intl.supportedValuesOf ? intl.supportedValuesOf('timeZone') : [];
  }, []);

  const save = async () => {
    setMessage(null);
    setError(null);
    const outcome = toUpdate(form, workspace);
    if ('problem' in outcome) {
      setError(new Error(outcome.problem));
      return;
    }
    if (Object.keys(outcome.update).length === 0) {
      setMessage(t('settings.nothing_changed'));
      return;
    }
    setSaving(true);
    try {
      await sendJson<Workspace>('PUT', apiUrl('/workspace', { lang }), outcome.update);
      setMessage(t('common.saved'));
      refreshWorkspace();
    } catch (reason) {
      setError(reason instanceof Error ? reason : new Error(String(reason)));
    } finally {
      setSaving(false);
    }
  };

  const set = (changes: Partial<WorkspaceForm>) => setForm({ ...form, ...changes });

  return (
    <Panel title={t('settings.workspace')} id="workspace-settings">
      <form
        class="settings-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div class="form-row">
          <div class="field-stack">
            <label class="field">
              <span>{t('settings.name')}</span>
              <input
                type="text"
                value={form.name}
                onInput={(e) => set({ name: (e.target as HTMLInputElement).value })}
              />
            </label>
            <label class="field tax-id">
              <span>{t('settings.tax_id')}</span>
              <input
                type="text"
                name="tax_id"
                autoComplete="off"
                spellcheck={false}
                value={form.taxId}
                aria-describedby="tax-id-help"
                placeholder="IT01234567890"
                onInput={(e) => set({ taxId: (e.target as HTMLInputElement).value })}
              />
              <small id="tax-id-help">{t('settings.tax_id_help')}</small>
            </label>
          </div>
          <label class="field">
            <span>{t('settings.currency')}</span>
            <input
              type="text"
              value={workspace.currency}
              readOnly
              aria-readonly="true"
              class="readonly"
            />
          </label>
          <label class="field">
            <span>{t('settings.timezone')}</span>
            <input
              type="text"
              list="time-zones"
              value={form.timezone}
              onInput={(e) => set({ timezone: (e.target as HTMLInputElement).value })}
            />
            <datalist id="time-zones">
              {zones.map((z) => (
                <option value={z} key={z} />
              ))}
            </datalist>
          </label>
          <label class="field">
            <span>{t('settings.target_rate')}</span>
            <input
              type="text"
              inputMode="decimal"
              value={form.target}
              aria-describedby="target-help"
              onInput={(e) => set({ target: (e.target as HTMLInputElement).value })}
            />
            <small id="target-help">{t('settings.target_rate_help')}</small>
          </label>
        </div>
        <fieldset class="working-hours">
          <legend>{t('settings.working_hours')}</legend>
          <p class="help" id="hours-help">
            {t('settings.working_hours_help')}
          </p>
          {WEEKDAYS.map((day) => (
            <label class="field day" key={day}>
              <span>{t(`day.${day}`)}</span>
              <input
                type="text"
                value={form.hours[day]}
                aria-describedby="hours-help"
                placeholder={t('settings.day_off')}
                onInput={(e) =>
                  set({ hours: { ...form.hours, [day]: (e.target as HTMLInputElement).value } })
                }
              />
            </label>
          ))}
        </fieldset>
        <label class="field holidays">
          <span>{t('settings.holidays')}</span>
          <textarea
            rows={6}
            value={form.holidays}
            aria-describedby="holidays-help"
            onInput={(e) => set({ holidays: (e.target as HTMLTextAreaElement).value })}
          />
          <small id="holidays-help">{t('settings.holidays_help')}</small>
        </label>
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

// The group a setting belongs to: its sign, or general.
function groupOf(name: string): string {
  const prefix = name.includes('.') ? name.slice(0, name.indexOf('.')) : '';
  return (SIGN_KEYS as readonly string[]).includes(prefix) || prefix === 'late_interest'
    ? prefix
    : 'general';
}

function groupTitle(group: string): string {
  if ((SIGN_KEYS as readonly string[]).includes(group))
    return signTitle(group as (typeof SIGN_KEYS)[number]);
  return tk(`settings.group.${group}`);
}

// A share or a yearly rate (a number whose range ends at 1) reads and is typed as a
// percentage: 0.1 is shown as 10 %.
function isPercent(entry: SettingEntry): boolean {
  return entry.kind === 'number' && entry.max === 1;
}

// The value as the form shows it: percentages ×100, rounded to what a person types.
function shown(entry: SettingEntry, value: number | string): string {
  if (!isPercent(entry)) return String(value);
  return String(Math.round(Number(value) * 100 * 10000) / 10000);
}

function Thresholds() {
  const { lang, refreshWorkspace } = useApp();
  const loaded = useApi<SettingsResponse>(apiUrl('/settings'));
  const [entries, setEntries] = useState<SettingEntry[] | null>(null);
  const [edits, setEdits] = useState<Record<string, string | null>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [saving, setSaving] = useState(false);
  const [names, setNames] = useState(false);
  useEffect(() => {
    if (loaded.data) setEntries(loaded.data.settings);
  }, [loaded.data]);

  if (loaded.error && !entries) return <ErrorBox error={loaded.error} onRetry={loaded.reload} />;
  if (!entries) return <Loading />;

  const groups: { group: string; items: SettingEntry[] }[] = [];
  for (const entry of entries) {
    const group = groupOf(entry.name);
    let bucket = groups.find((g) => g.group === group);
    if (!bucket) groups.push((bucket = { group, items: [] }));
    bucket.items.push(entry);
  }

  const save = async () => {
    setMessage(null);
    setError(null);
    const changes: Record<string, number | string | null> = {};
    for (const [name, value] of Object.entries(edits)) {
      const entry = entries.find((e) => e.name === name);
      if (!entry) continue;
      if (value === null) {
        if (entry.overridden) changes[name] = null;
        continue;
      }
      const text = value.trim().replace(',', '.');
      if (text === shown(entry, entry.value)) continue;
      changes[name] =
        entry.kind === 'money'
          ? text
          : isPercent(entry)
            ? Math.round((Number(text) / 100) * 1e8) / 1e8
            : Number(text);
    }
    if (Object.keys(changes).length === 0) {
      setMessage(t('settings.nothing_changed'));
      return;
    }
    setSaving(true);
    try {
      const answer = await sendJson<SettingsResponse>('PUT', apiUrl('/settings'), {
        settings: changes,
      });
      setEntries(answer.settings);
      setEdits({});
      setMessage(t('common.saved'));
      refreshWorkspace();
    } catch (reason) {
      setError(reason instanceof Error ? reason : new Error(String(reason)));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Panel title={t('settings.thresholds')} help={t('settings.thresholds_help')} id="thresholds">
      <form
        class="thresholds-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label class="choice setting-names">
          <input
            type="checkbox"
            checked={names}
            onChange={(e) => setNames((e.target as HTMLInputElement).checked)}
          />
          <span>{t('settings.show_names')}</span>
        </label>
        {groups.map(({ group, items }) => (
          <fieldset key={group} class={`threshold-group ${group}`}>
            <legend>{groupTitle(group)}</legend>
            {items.map((entry) => {
              const edit = edits[entry.name];
              const percent = isPercent(entry);
              const value =
                edit === undefined
                  ? shown(entry, entry.value)
                  : edit === null
                    ? shown(entry, entry.default)
                    : edit;
              const changed =
                edit === undefined
                  ? entry.overridden
                  : edit !== null && edit !== shown(entry, entry.default);
              const inputId = `setting-${entry.name.replace(/\W/g, '-')}`;
              return (
                <div class={`setting ${changed ? 'changed' : ''}`} key={entry.name}>
                  <label for={inputId}>
                    <span class="help-text">{entry.help[lang]}</span>
                    {names && <code>{entry.name}</code>}
                  </label>
                  <div class="setting-input">
                    <input
                      id={inputId}
                      type={entry.kind === 'money' ? 'text' : 'number'}
                      inputMode="decimal"
                      min={percent ? entry.min * 100 : entry.min}
                      max={percent ? entry.max * 100 : entry.max}
                      step={entry.kind === 'integer' ? 1 : 'any'}
                      value={value}
                      onInput={(e) =>
                        setEdits({ ...edits, [entry.name]: (e.target as HTMLInputElement).value })
                      }
                    />
                    {percent && <span class="unit">%</span>}
                    <span class="range">
                      {percent
                        ? t(
                            'settings.range_percent',
                            num(entry.min * 100, 2),
                            num(entry.max * 100, 2),
                          )
                        : t('settings.range', num(entry.min, 4), num(entry.max, 4))}
                    </span>
                    {changed && <span class="badge changed-badge">{t('settings.overridden')}</span>}
                    <button
                      type="button"
                      class="link-button"
                      disabled={!changed}
                      onClick={() => setEdits({ ...edits, [entry.name]: null })}
                      aria-label={`${t('common.reset')}: ${entry.help[lang]} = ${shown(entry, entry.default)}${percent ? '%' : ''}`}
                    >
                      {t('common.reset')} ({shown(entry, entry.default)}
                      {percent ? '%' : ''})
                    </button>
                  </div>
                </div>
              );
            })}
          </fieldset>
        ))}
        <div class="form-actions sticky">
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

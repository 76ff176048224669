// Small pieces every page uses: verdict and severity badges, the six sign marks, loading and
// error states, sortable table headers.

import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import type { Severity, Sign, SignKey, Verdict } from './api';
import { ApiError, SIGN_KEYS, UNREACHABLE } from './api';
import { levelName, signShort, signTitle, t, verdictName } from './i18n';

export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  return <span class={`badge verdict ${verdict}`}>{verdictName(verdict)}</span>;
}

export function SeverityBadge({ severity }: { severity: Severity }) {
  return <span class={`badge level ${severity}`}>{levelName(severity)}</span>;
}

// The six signs as coloured marks, in the DESIGN.md order; each mark's classes are the sign
// key and its severity, and its accessible name says both in words.
export function SignMarks({ signals }: { signals: Record<SignKey, Sign | Severity> }) {
  return (
    <ul class="sign-marks" aria-label={t('col.signs')}>
      {SIGN_KEYS.map((key) => {
        const entry = signals[key];
        const severity = typeof entry === 'string' ? entry : entry.severity;
        const label = `${signTitle(key)}: ${levelName(severity)}`;
        return (
          <li class={`sign-mark ${key} ${severity}`} title={label} aria-label={label} key={key}>
            <span aria-hidden="true">{signShort(key)}</span>
          </li>
        );
      })}
    </ul>
  );
}

export function ScoreMeter({ score }: { score: number }) {
  const level = score >= 90 ? 'green' : score >= 75 ? 'amber' : 'red';
  return (
    <span class={`score ${level}`} title={t('client.score', score)}>
      <span class="score-value">{score}</span>
      <span class="score-bar" aria-hidden="true">
        <span style={{ width: `${score}%` }} />
      </span>
    </span>
  );
}

// A wide table's frame: it scrolls sideways when the screen is narrower than the table, and
// can take the keyboard focus so that it also scrolls without a mouse (WCAG 2.1.1).
export function TableWrap({ children }: { children: ComponentChildren }) {
  return (
    <div class="table-wrap" tabIndex={0}>
      {children}
    </div>
  );
}

export function Loading() {
  return (
    <p class="loading" role="status" aria-live="polite">
      {t('state.loading')}
    </p>
  );
}

// How often an error box whose server does not answer tries again (ms).
const RETRY_UNREACHABLE = 5000;

// An error in people's words, with a way forward: a server that does not answer is asked
// again every few seconds (and on "Try again"); the server's own messages come in the
// page's language.
export function ErrorBox({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  const unreachable = error instanceof ApiError && error.code === UNREACHABLE;
  useEffect(() => {
    if (!unreachable || !onRetry) return;
    const timer = setInterval(onRetry, RETRY_UNREACHABLE);
    return () => clearInterval(timer);
  }, [unreachable, onRetry]);
  return (
    <div class="error-box" role="alert">
      <p>{unreachable ? t('state.unreachable') : t('state.error', error.message)}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('state.retry')}
        </button>
      )}
    </div>
  );
}

export function Panel({
  title,
  help,
  children,
  className,
  id,
}: {
  title: string;
  help?: string;
  children: ComponentChildren;
  className?: string;
  id?: string;
}) {
  return (
    <section class={`panel ${className ?? ''}`} aria-labelledby={id ? `${id}-title` : undefined}>
      <h2 id={id ? `${id}-title` : undefined}>{title}</h2>
      {help && <p class="help">{help}</p>}
      {children}
    </section>
  );
}

export type SortDirection = 'ascending' | 'descending';

// A column header whose button sorts the table; aria-sort tells assistive technology the
// current order. Enter and Space work because it is a real button.
export function SortHeader<K extends string>({
  column,
  label,
  sort,
  onSort,
  numeric,
}: {
  column: K;
  label: string;
  sort: { column: K; direction: SortDirection };
  onSort: (column: K) => void;
  numeric?: boolean;
}) {
  const active = sort.column === column;
  return (
    <th
      scope="col"
      aria-sort={active ? sort.direction : 'none'}
      class={numeric ? 'num' : undefined}
    >
      <button
        type="button"
        class="sort"
        onClick={() => onSort(column)}
        title={t('portfolio.sort_by', label)}
      >
        {label}
        <span class="sort-arrow" aria-hidden="true">
          {active ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}

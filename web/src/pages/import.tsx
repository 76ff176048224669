// Import: choose a file, see what it would change (a dry run: counts, the first rows as read,
// every problem), then confirm. The same file is sent twice; the server writes only on the
// second, confirmed request and only when the file has no errors.

import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { ImporterList, ImportResult } from '../api';
import { apiUrl, postImport } from '../api';
import { useApp } from '../app_context';
import { ErrorBox, Panel, TableWrap } from '../components';
import { date, money } from '../format';
import { useApi } from '../hooks';
import { t, tk } from '../i18n';

type Stage = 'choose' | 'previewing' | 'preview' | 'importing' | 'done';

export function ImportPage() {
  const { lang, link, workspace, refreshWorkspace } = useApp();
  const importers = useApi<ImporterList>(apiUrl('/importers'));
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState('');
  const [stage, setStage] = useState<Stage>('choose');
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<Error | null>(null);

  const run = async (dryRun: boolean) => {
    if (!file) {
      setError(new Error(t('import.choose_first')));
      return;
    }
    setError(null);
    setStage(dryRun ? 'previewing' : 'importing');
    try {
      const answer = await postImport(file, { dryRun, format: format || undefined, lang });
      setResult(answer);
      setStage(dryRun ? 'preview' : 'done');
      if (!dryRun && answer.written) refreshWorkspace();
    } catch (reason) {
      setError(reason instanceof Error ? reason : new Error(String(reason)));
      setStage('choose');
    }
  };

  const reset = () => {
    setFile(null);
    setResult(null);
    setError(null);
    setStage('choose');
  };

  const busy = stage === 'previewing' || stage === 'importing';

  return (
    <div class="page import">
      <div class="page-head">
        <h1>{t('import.title')}</h1>
        <p class="lead">{t('import.help')}</p>
        <p class="lead">
          <a href={link(['coverage'])}>{tk('coverage.title')}</a>
        </p>
      </div>
      <Panel title={t('import.file')} id="import-form">
        <form
          class="import-form"
          onSubmit={(e) => {
            e.preventDefault();
            void run(true);
          }}
        >
          {/* The browser's own file button speaks the browser's language: a button of
              ours, in the dashboard's, opens the same picker. */}
          <div class="field file-field">
            <span id="import-file-label">{t('import.file')}</span>
            <span class="file-picker">
              <label class={`button file-button ${busy || stage === 'done' ? 'disabled' : ''}`}>
                {t('import.choose_file')}
                <input
                  type="file"
                  name="file"
                  class="visually-hidden"
                  aria-labelledby="import-file-label"
                  disabled={busy || stage === 'done'}
                  onChange={(e) => {
                    const chosen = (e.target as HTMLInputElement).files?.[0] ?? null;
                    setFile(chosen);
                    setResult(null);
                    setStage('choose');
                  }}
                />
              </label>
              <span class="file-name" aria-live="polite">
                {file ? file.name : t('import.no_file')}
              </span>
            </span>
          </div>
          <label class="field">
            <span>{t('import.format')}</span>
            <select
              value={format}
              disabled={busy || stage === 'done'}
              onChange={(e) => setFormat((e.target as HTMLSelectElement).value)}
            >
              <option value="">{t('import.auto')}</option>
              {importers.data?.importers.map((imp) => (
                <option value={imp.name} key={imp.name}>
                  {imp.name} — {imp.description[lang]}
                </option>
              ))}
            </select>
          </label>
          <div class="form-actions">
            {stage !== 'done' && (
              <button type="submit" class="button" disabled={busy || !file}>
                {stage === 'previewing' ? t('import.previewing') : t('import.preview')}
              </button>
            )}
            {stage === 'done' && (
              <button type="button" class="button" onClick={reset}>
                {t('import.again')}
              </button>
            )}
          </div>
        </form>
        {error && <ErrorBox error={error} />}
      </Panel>

      {result && (stage === 'preview' || stage === 'importing' || stage === 'done') && (
        <ImportReport
          result={result}
          currency={workspace.currency}
          footer={
            stage === 'done' ? (
              <p class="form-actions">
                <a class="button primary" href={link([])}>
                  {t('import.see_portfolio')}
                </a>{' '}
                <a class="button" href={link(['coverage'])}>
                  {tk('coverage.title')}
                </a>
              </p>
            ) : result.ok ? (
              <p class="form-actions">
                <button
                  type="button"
                  class="button primary"
                  disabled={busy}
                  onClick={() => void run(false)}
                >
                  {stage === 'importing' ? t('import.importing') : t('import.confirm')}
                </button>
                <button type="button" class="button" disabled={busy} onClick={reset}>
                  {t('common.cancel')}
                </button>
              </p>
            ) : null
          }
        />
      )}
    </div>
  );
}

function ImportReport({
  result,
  currency,
  footer,
}: {
  result: ImportResult;
  currency: string;
  footer: ComponentChildren;
}) {
  const title = result.dry_run
    ? t('import.dry_run_title', result.file, result.format)
    : t('import.done_title', result.file, result.format);
  const status = !result.ok
    ? t('import.rejected')
    : result.written
      ? t('import.written')
      : t('import.not_written');
  const counts = result.counts.filter((c) => c.added + c.updated + c.unchanged > 0);
  return (
    <section
      class={`panel import-report ${result.ok ? 'ok' : 'rejected'}`}
      aria-labelledby="import-report-title"
      aria-live="polite"
    >
      <h2 id="import-report-title">{title}</h2>
      <p
        class={`status ${result.ok ? (result.written ? 'written' : 'pending') : 'rejected'}`}
        role="status"
      >
        {status}
      </p>
      <p class="totals">
        {t('import.totals', result.totals.added, result.totals.updated, result.totals.unchanged)}
      </p>

      {counts.length > 0 && (
        <TableWrap>
          <table class="import-counts">
            <caption>{t('import.counts')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('col.type')}</th>
                <th scope="col" class="num">
                  {t('col.added')}
                </th>
                <th scope="col" class="num">
                  {t('col.updated')}
                </th>
                <th scope="col" class="num">
                  {t('col.unchanged')}
                </th>
              </tr>
            </thead>
            <tbody>
              {counts.map((c) => (
                <tr key={c.type} data-type={c.type}>
                  <th scope="row">{tk(`record_type.${c.type}`)}</th>
                  <td class="num">{c.added}</td>
                  <td class="num" title={c.updated_ids.join(', ')}>
                    {c.updated}
                  </td>
                  <td class="num">{c.unchanged}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}

      {result.preview.rows.length > 0 && (
        <details class="preview-rows" open>
          <summary>{t('import.rows')}</summary>
          <TableWrap>
            <table>
              {result.preview.header.length > 0 && (
                <thead>
                  <tr>
                    {result.preview.header.map((h, i) => (
                      <th scope="col" key={i}>
                        {h}
                      </th>
                    ))}
                  </tr>
                </thead>
              )}
              <tbody>
                {result.preview.rows.map((row, i) => (
                  <tr key={i}>
                    {row.map((cell, j) => (
                      <td key={j}>{cell}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </details>
      )}

      <h3>
        {t(
          'import.problems',
          t('import.errors_count', result.errors),
          t('import.warnings_count', result.warnings),
        )}
      </h3>
      {result.diagnostics.length === 0 ? (
        <p>{t('import.no_problems')}</p>
      ) : (
        <ul class="diagnostics">
          {result.diagnostics.map((d, i) => (
            <li key={i} class={d.severity}>
              <span class={`badge level ${d.severity === 'error' ? 'red' : 'amber'}`}>
                {t(d.severity === 'error' ? 'import.error' : 'import.warning')}
              </span>{' '}
              {d.path || d.line > 0 ? <code>{d.path || `${d.file}:${d.line}`}</code> : null}{' '}
              {d.message}
            </li>
          ))}
        </ul>
      )}

      {result.review.length > 0 && (
        <>
          <h3>{t('import.review')}</h3>
          <ul>
            {result.review.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
        </>
      )}

      {result.unmatched.length > 0 && (
        <>
          <h3>{t('import.unmatched')}</h3>
          <TableWrap>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('col.date')}</th>
                  <th scope="col" class="num">
                    {t('col.amount')}
                  </th>
                  <th scope="col">{t('import.payer')}</th>
                  <th scope="col">{t('import.reference')}</th>
                </tr>
              </thead>
              <tbody>
                {result.unmatched.map((u) => (
                  <tr key={u.id}>
                    <td>{date(u.date)}</td>
                    <td class="num">{money(u.amount, currency)}</td>
                    <td>{u.payer}</td>
                    <td>{u.reference}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </>
      )}
      {footer}
    </section>
  );
}

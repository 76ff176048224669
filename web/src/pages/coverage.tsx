// What addio can judge (GET /coverage): per kind of record how many are held, their dates and
// sources, which signs its absence leaves unknown for every client, and what to import next.
// The portfolio links here with CoverageBanner when some sign cannot be judged.

import type { Coverage, SignKey } from '../api';
import { apiUrl } from '../api';
import { useApp } from '../app_context';
import { ErrorBox, Loading, Panel, TableWrap } from '../components';
import { date } from '../format';
import { useApi } from '../hooks';
import { signTitle, t, tk } from '../i18n';

function useCoverage() {
  const { lang } = useApp();
  return useApi<Coverage>(apiUrl('/coverage', { lang }));
}

function signList(keys: SignKey[]): string {
  return keys.map((key) => signTitle(key as SignKey)).join(tk('coverage.list_separator'));
}

// A short notice on the portfolio when some signs cannot be judged for lack of records.
export function CoverageBanner() {
  const { link } = useApp();
  const coverage = useCoverage();
  const data = coverage.data;
  if (!data || data.unknown.length === 0) return null;
  return (
    <div class="coverage-banner" role="status">
      <p>{data.summary}</p>
      <a href={link(['coverage'])}>{tk('coverage.see')}</a>
    </div>
  );
}

export function CoveragePage() {
  const { link } = useApp();
  const coverage = useCoverage();
  if (coverage.error && !coverage.data) {
    return <ErrorBox error={coverage.error} onRetry={coverage.reload} />;
  }
  const data = coverage.data;
  if (!data) return <Loading />;
  return (
    <div class="page coverage" aria-busy={coverage.loading}>
      <div class="page-head">
        <h1>{tk('coverage.title')}</h1>
        <p class="lead">{tk('coverage.intro')}</p>
      </div>
      <p class="coverage-summary">{data.summary}</p>
      {data.next.length > 0 && (
        <Panel title={tk('coverage.next')} className="coverage-next" id="coverage-next">
          <ul class="coverage-next-list">
            {data.next.map((item) => (
              <li key={item.type} data-type={item.type}>
                <strong>{item.label}</strong>: {item.advice}
              </li>
            ))}
          </ul>
          <a href={link(['import'])}>{t('nav.import')}</a>
        </Panel>
      )}
      <Panel title={tk('coverage.types_title')} className="coverage-types" id="coverage-types">
        <TableWrap>
          <table class="coverage-table">
            <thead>
              <tr>
                <th scope="col">{tk('coverage.column.type')}</th>
                <th scope="col" class="num">
                  {tk('coverage.column.count')}
                </th>
                <th scope="col">{tk('coverage.column.first')}</th>
                <th scope="col">{tk('coverage.column.last')}</th>
                <th scope="col">{tk('coverage.column.sources')}</th>
                <th scope="col">{tk('coverage.column.leaves_unknown')}</th>
              </tr>
            </thead>
            <tbody>
              {data.types.map((row) => (
                <tr key={row.type} data-type={row.type} class={row.records === 0 ? 'missing' : ''}>
                  <th scope="row">{row.label}</th>
                  <td class="num">{row.records === 0 ? tk('coverage.none') : row.records}</td>
                  <td>{row.first ? date(row.first) : ''}</td>
                  <td>{row.last ? date(row.last) : ''}</td>
                  <td>
                    {row.sources
                      .map((source) => (source === '' ? tk('coverage.source.unknown') : source))
                      .join(tk('coverage.list_separator'))}
                  </td>
                  <td>{signList(row.leaves_unknown)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </Panel>
      {data.judged.length > 0 && (
        <p class="coverage-judged">{tk('coverage.signs_judged', signList(data.judged))}</p>
      )}
      {data.unknown.length > 0 && (
        <p class="coverage-unknown">{tk('coverage.signs_unknown', signList(data.unknown))}</p>
      )}
    </div>
  );
}

// Loading API data into a view: the last answer for a URL, whether it is loading and the
// error, with requests that a newer URL makes stale aborted.

import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Statement } from './api';
import { apiUrl, getVersionedJson, keepAnswer, keptAnswer } from './api';
import { useApp } from './app_context';

export interface Loaded<T> {
  data: T | null;
  error: Error | null;
  loading: boolean;
  reload: () => void;
}

// GETs `url` (null: nothing to load yet) and again whenever it changes. The previous data
// stays on screen while the next one loads, so changing the date does not blank the page;
// an answer kept from an earlier visit, of the newest data version seen (api.ts keptAnswer),
// shows at once, and the fresh one replaces it when it arrives.
export function useApi<T>(url: string | null): Loaded<T> {
  const [data, setData] = useState<T | null>(() =>
    url === null ? null : (keptAnswer<T>(url) ?? null),
  );
  const [error, setError] = useState<Error | null>(null);
  const [loading, setLoading] = useState(url !== null && keptAnswer(url) === undefined);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (url === null) return;
    const controller = new AbortController();
    const kept = keptAnswer<T>(url);
    if (kept !== undefined) setData(kept);
    setLoading(kept === undefined);
    setError(null);
    getVersionedJson<T>(url, controller.signal)
      .then(({ value, version }) => {
        keepAnswer(url, value, version);
        setData(value);
        setLoading(false);
      })
      .catch((reason: unknown) => {
        if (controller.signal.aborted) return;
        setError(reason instanceof Error ? reason : new Error(String(reason)));
        setLoading(false);
      });
    return () => controller.abort();
  }, [url, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data, error, loading, reload };
}

// The API path of `client`'s statement of account.
export function statementPath(client: string): string {
  return `/clients/${encodeURIComponent(client)}/statement`;
}

// The statement of account of `client` as of the date the page shows, in its language.
export function useStatement(client: string): Loaded<Statement> {
  const { asOf, lang } = useApp();
  return useApi<Statement>(apiUrl(statementPath(client), { as_of: asOf, lang }));
}

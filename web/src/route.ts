// Hash routing: "#/clients/gallo?as_of=2026-11-30&lang=it". The hash keeps every view a plain
// link that the server never has to know about, and the query keeps the date and language
// in the address, so a copied link opens the same view.

import { useEffect, useState } from 'preact/hooks';

export interface Route {
  parts: string[]; // decoded path segments: [] for the portfolio, ['clients', 'gallo'], ...
  query: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const [path = '', qs = ''] = raw.split('?', 2);
  const parts = path
    .split('/')
    .filter((part) => part !== '')
    .map((part) => {
      try {
        return decodeURIComponent(part);
      } catch {
        return part;
      }
    });
  return { parts, query: new URLSearchParams(qs) };
}

export function formatHash(parts: string[], query: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  const qs = params.toString();
  return `#/${parts.map(encodeURIComponent).join('/')}${qs ? `?${qs}` : ''}`;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

// Changes one query parameter of the current address without a new history entry.
export function replaceQuery(changes: Record<string, string | undefined>): void {
  const route = parseHash(window.location.hash);
  const query: Record<string, string | undefined> = Object.fromEntries(route.query.entries());
  Object.assign(query, changes);
  const next = formatHash(route.parts, query);
  if (next !== window.location.hash) {
    window.history.replaceState(null, '', next);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  }
}

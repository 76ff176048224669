// The dashboard's shell: header with the sections, the as-of date and the language switch,
// and the page the address names. The date and the language live in the address (see
// route.ts) so every page, link and reload agrees on them.

import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Lang, Workspace } from './api';
import { apiUrl } from './api';
import { AppContext, type AppState, useApp } from './app_context';
import { ErrorBox, Loading } from './components';
import { DateField } from './date_field';
import { isCalendarDate } from './format';
import { useApi } from './hooks';
import { loadLang, setLang, t } from './i18n';
import { formatHash, replaceQuery, useRoute } from './route';
import { lazyPage } from './lazy_page';
import { CoveragePage } from './pages/coverage';
import { PortfolioPage } from './pages/portfolio';

// Every other page is loaded when first shown (coverage comes with the portfolio, whose
// banner it also draws).
const ClientPage = lazyPage(() => import('./pages/client').then((m) => m.ClientPage));
const ImportPage = lazyPage(() => import('./pages/import').then((m) => m.ImportPage));
const ReceivablesPage = lazyPage(() =>
  import('./pages/receivables').then((m) => m.ReceivablesPage),
);
const ScreenPage = lazyPage(() => import('./pages/screen').then((m) => m.ScreenPage));
const SettingsPage = lazyPage(() => import('./pages/settings').then((m) => m.SettingsPage));

const LANG_KEY = 'addio.lang';

// The language to show first: the address's, else the one chosen last time, else the
// browser's.
export function initialLang(fromQuery: string | null): Lang {
  if (fromQuery === 'en' || fromQuery === 'it') return fromQuery;
  try {
    const stored = window.localStorage.getItem(LANG_KEY);
    if (stored === 'en' || stored === 'it') return stored;
  } catch {
    // Storage can be disabled; the browser language decides then.
  }
  return navigator.language.toLowerCase().startsWith('it') ? 'it' : 'en';
}

const SECTIONS = [
  { parts: [] as string[], match: ['', 'clients'], key: 'nav.portfolio' },
  { parts: ['receivables'], match: ['receivables'], key: 'nav.receivables' },
  { parts: ['screen'], match: ['screen'], key: 'nav.screen' },
  { parts: ['import'], match: ['import'], key: 'nav.import' },
  { parts: ['settings'], match: ['settings'], key: 'nav.settings' },
] as const;

export function App() {
  const route = useRoute();
  const [lang, setLangState] = useState<Lang>(() => initialLang(route.query.get('lang')));
  setLang(lang); // before any child renders a word
  const workspace = useApi<Workspace>(apiUrl('/workspace'));

  // The address wins when it names a language (a shared link, the tests). A language is
  // shown once its words have loaded.
  const queryLang = route.query.get('lang');
  useEffect(() => {
    if ((queryLang === 'en' || queryLang === 'it') && queryLang !== lang) {
      void loadLang(queryLang).then(() => setLangState(queryLang));
    }
  }, [queryLang]);

  const chooseLang = (next: Lang) => {
    void loadLang(next).then(() => {
      setLangState(next);
      setLang(next);
      try {
        window.localStorage.setItem(LANG_KEY, next);
      } catch {
        // Not remembered; the address still carries it.
      }
      replaceQuery({ lang: next });
    });
  };

  const queryAsOf = route.query.get('as_of');
  // A date in the address that is no calendar date is not asked for (the server would refuse
  // it on every page): the page says so and shows today.
  const badAsOf = queryAsOf !== null && queryAsOf !== '' && !isCalendarDate(queryAsOf);
  const asOf = queryAsOf && !badAsOf ? queryAsOf : (workspace.data?.default_as_of ?? '');

  const state = useMemo<AppState | null>(() => {
    if (!workspace.data) return null;
    return {
      lang,
      asOf,
      workspace: workspace.data,
      link: (parts, query = {}) =>
        formatHash(parts, {
          as_of: badAsOf ? undefined : (queryAsOf ?? undefined),
          lang: queryLang ?? undefined,
          ...query,
        }),
      refreshWorkspace: workspace.reload,
    };
  }, [lang, asOf, workspace.data, queryAsOf, queryLang, badAsOf]);

  const section = route.parts[0] ?? '';

  return (
    <>
      <a
        class="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('app.skip')}
      </a>
      <header class="top">
        <div class="brand">
          <a href={state ? state.link([]) : '#/'} class="logo">
            addio
          </a>
          <span class="workspace-name">{workspace.data?.name}</span>
        </div>
        <nav aria-label={t('nav.label')}>
          <ul>
            {SECTIONS.map((s) => (
              <li key={s.key}>
                <a
                  href={state ? state.link([...s.parts]) : formatHash([...s.parts], {})}
                  aria-current={
                    (s.match as readonly string[]).includes(section) ? 'page' : undefined
                  }
                >
                  {t(s.key)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div class="controls">
          <div class="as-of">
            <label for="as-of-date">{t('asof.label')}</label>
            <DateField
              id="as-of-date"
              value={asOf}
              max="9999-12-31"
              onChange={(value) => replaceQuery({ as_of: value })}
            />
          </div>
          {workspace.data && asOf !== workspace.data.today && (
            <button
              type="button"
              class="link-button"
              onClick={() => replaceQuery({ as_of: workspace.data!.today })}
            >
              {t('asof.today')}
            </button>
          )}
          <div class="lang-switch" role="group" aria-label={t('lang.label')}>
            {(['en', 'it'] as const).map((code) => (
              <button
                type="button"
                key={code}
                lang={code}
                aria-pressed={lang === code}
                title={t(`lang.${code}`)}
                onClick={() => chooseLang(code)}
              >
                {code.toUpperCase()}
              </button>
            ))}
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {workspace.error && <ErrorBox error={workspace.error} onRetry={workspace.reload} />}
        {badAsOf && (
          <div class="error-box bad-date" role="alert">
            <p>{t('state.bad_date', queryAsOf ?? '')}</p>
            <button type="button" onClick={() => replaceQuery({ as_of: undefined })}>
              {t('state.go_today')}
            </button>
          </div>
        )}
        {!state && !workspace.error && <Loading />}
        {state && (
          <AppContext.Provider value={state}>
            <Page parts={route.parts} query={route.query} />
          </AppContext.Provider>
        )}
      </main>
      <footer class="bottom">
        <p>{t('app.tagline')}</p>
      </footer>
    </>
  );
}

function Page({ parts, query }: { parts: string[]; query: URLSearchParams }) {
  const { link } = useApp();
  const [first, second] = parts;
  // Move the focus to the page on navigation so keyboard and screen reader users start there.
  useEffect(() => {
    document.getElementById('main')?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [first, second]);
  if (!first) return <PortfolioPage />;
  if (first === 'clients' && second) {
    return <ClientPage id={second} letter={query.get('letter')} />;
  }
  if (first === 'receivables') return <ReceivablesPage client={query.get('client') ?? undefined} />;
  if (first === 'screen') return <ScreenPage />;
  if (first === 'import') return <ImportPage />;
  if (first === 'coverage') return <CoveragePage />;
  if (first === 'settings') return <SettingsPage />;
  return (
    <div class="panel">
      <p>{t('state.not_found')}</p>
      <a href={link([])}>{t('state.back_portfolio')}</a>
    </div>
  );
}

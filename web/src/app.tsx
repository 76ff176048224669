// The dashboard's shell: header with the sections, the as-of date and the language switch,
// and the page the address names. The date and the language live in the address (see
// route.ts) so every page, link and reload agrees on them.

import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { Lang, Role, Session, Workspace } from './api';
import { ApiError, apiUrl, getSession, setWorkspace, signOut } from './api';
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
import { SignInPage } from './pages/sign_in';

// Every other page is loaded when first shown (coverage comes with the portfolio, whose
// banner it also draws).
const ClientPage = lazyPage(() => import('./pages/client').then((m) => m.ClientPage));
const ImportPage = lazyPage(() => import('./pages/import').then((m) => m.ImportPage));
const ReceivablesPage = lazyPage(() =>
  import('./pages/receivables').then((m) => m.ReceivablesPage),
);
const ScreenPage = lazyPage(() => import('./pages/screen').then((m) => m.ScreenPage));
const SettingsPage = lazyPage(() => import('./pages/settings').then((m) => m.SettingsPage));
const MembersPage = lazyPage(() => import('./pages/members').then((m) => m.MembersPage));

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

// The sections, each shown to the roles that can use it (a viewer only reads; the members
// page is for owners of a store with accounts).
const SECTIONS = [
  { parts: [] as string[], match: ['', 'clients'], key: 'nav.portfolio', role: 'viewer' },
  { parts: ['receivables'], match: ['receivables'], key: 'nav.receivables', role: 'viewer' },
  { parts: ['screen'], match: ['screen'], key: 'nav.screen', role: 'member' },
  { parts: ['import'], match: ['import'], key: 'nav.import', role: 'member' },
  { parts: ['settings'], match: ['settings'], key: 'nav.settings', role: 'viewer' },
  { parts: ['members'], match: ['members'], key: 'nav.members', role: 'owner' },
] as const;

const RANK: Record<Role, number> = { viewer: 0, member: 1, owner: 2 };

// The workspace to show: the address's (ws), when the caller may open it; else the
// session's default; else the first.
function chooseWorkspace(session: Session, wanted: string | null): string | null {
  if (wanted && session.workspaces.some((w) => w.id === wanted)) return wanted;
  return session.workspace ?? session.workspaces[0]?.id ?? null;
}

export function App() {
  const route = useRoute();
  const [lang, setLangState] = useState<Lang>(() => initialLang(route.query.get('lang')));
  setLang(lang); // before any child renders a word

  // Who is asking comes first: on a store with accounts, nothing else is asked before
  // signing in.
  const [session, setSession] = useState<Session | null>(null);
  const [sessionError, setSessionError] = useState<Error | null>(null);
  const loadSession = useCallback(() => {
    setSessionError(null);
    getSession().then(setSession, (e: unknown) =>
      setSessionError(e instanceof Error ? e : new Error(String(e))),
    );
  }, []);
  useEffect(loadSession, []);
  const queryWs = route.query.get('ws');
  const workspaceId = session ? chooseWorkspace(session, queryWs) : null;
  setWorkspace(workspaceId); // before any child asks the API
  const signedOut = session !== null && session.accounts && !session.signed_in;
  const ready = session !== null && !signedOut && workspaceId !== null;
  const workspace = useApi<Workspace>(ready ? apiUrl('/workspace') : null);
  const role: Role = session?.workspaces.find((w) => w.id === workspaceId)?.role ?? 'viewer';
  // A session that ended meanwhile (expired, signed out elsewhere): ask who is asking again.
  const expired = workspace.error instanceof ApiError && workspace.error.status === 401;
  useEffect(() => {
    if (expired) loadSession();
  }, [expired]);

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
    if (!workspace.data || !session || !ready) return null;
    return {
      lang,
      asOf,
      workspace: workspace.data,
      session,
      role,
      link: (parts, query = {}) =>
        formatHash(parts, {
          as_of: badAsOf ? undefined : (queryAsOf ?? undefined),
          lang: queryLang ?? undefined,
          ws: queryWs ?? undefined,
          ...query,
        }),
      refreshWorkspace: workspace.reload,
    };
  }, [lang, asOf, workspace.data, session, ready, role, queryAsOf, queryLang, queryWs, badAsOf]);

  // Another workspace opens on its portfolio (a client of one is not a client of another).
  const switchWorkspace = (id: string) => {
    window.location.hash = formatHash([], {
      lang: queryLang ?? undefined,
      as_of: badAsOf ? undefined : (queryAsOf ?? undefined),
      ws: id,
    });
  };
  // Signing out leaves the page shown (another person signs in next, on their own first
  // page).
  const leave = () => {
    void signOut().then(
      (next) => {
        window.location.hash = formatHash([], { lang: queryLang ?? undefined });
        setSession(next);
      },
      (e: unknown) => setSessionError(e instanceof Error ? e : new Error(String(e))),
    );
  };
  const sections = SECTIONS.filter(
    (s) => RANK[role] >= RANK[s.role] && (s.key !== 'nav.members' || (session?.accounts ?? false)),
  );

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
          {session && session.workspaces.length > 1 ? (
            <select
              class="workspace-switch"
              aria-label={t('workspace.switch')}
              value={workspaceId ?? ''}
              onChange={(e) => switchWorkspace((e.target as HTMLSelectElement).value)}
            >
              {session.workspaces.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.name}
                </option>
              ))}
            </select>
          ) : (
            <span class="workspace-name">{workspace.data?.name}</span>
          )}
        </div>
        {/* Before signing in there is nothing to go to. */}
        {!signedOut && (
          <nav aria-label={t('nav.label')}>
            <ul>
              {sections.map((s) => (
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
        )}
        <div class="controls">
          {!signedOut && (
            <div class="as-of">
              <label for="as-of-date">{t('asof.label')}</label>
              <DateField
                id="as-of-date"
                value={asOf}
                max="9999-12-31"
                onChange={(value) => replaceQuery({ as_of: value })}
              />
            </div>
          )}
          {workspace.data && asOf !== workspace.data.today && (
            <button
              type="button"
              class="link-button"
              onClick={() => replaceQuery({ as_of: workspace.data!.today })}
            >
              {t('asof.today')}
            </button>
          )}
          {session?.signed_in && (
            <div class="account">
              <span class="account-user">{session.user}</span>
              <button type="button" class="link-button" onClick={leave}>
                {t('signin.sign_out')}
              </button>
            </div>
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
        {sessionError && <ErrorBox error={sessionError} onRetry={loadSession} />}
        {signedOut && <SignInPage lang={lang} onSignedIn={setSession} />}
        {session && !signedOut && workspaceId === null && (
          <div class="panel" role="alert">
            <p>{t('workspace.none')}</p>
          </div>
        )}
        {workspace.error && !expired && (
          <ErrorBox error={workspace.error} onRetry={workspace.reload} />
        )}
        {badAsOf && (
          <div class="error-box bad-date" role="alert">
            <p>{t('state.bad_date', queryAsOf ?? '')}</p>
            <button type="button" onClick={() => replaceQuery({ as_of: undefined })}>
              {t('state.go_today')}
            </button>
          </div>
        )}
        {!state && !workspace.error && !sessionError && !signedOut && workspaceId !== null && (
          <Loading />
        )}
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
  if (first === 'members') return <MembersPage />;
  return (
    <div class="panel">
      <p>{t('state.not_found')}</p>
      <a href={link([])}>{t('state.back_portfolio')}</a>
    </div>
  );
}

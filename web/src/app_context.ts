// What every page reads from the shell (app.tsx): the language, the as-of date, the
// workspace, a link builder that keeps both, and a way to say stored data changed. Its own
// module so that the pages import it without importing the shell that imports them.

import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Lang, Role, Session, Workspace } from './api';

export interface AppState {
  lang: Lang;
  asOf: string;
  workspace: Workspace;
  // Who is signed in and the workspaces they may open; the role in the one shown.
  session: Session;
  role: Role;
  // A hash link to `parts` that keeps the date and the language.
  link: (parts: string[], query?: Record<string, string | undefined>) => string;
  // Tells the shell that stored data changed (an import, new settings).
  refreshWorkspace: () => void;
}

// Provided by the shell once the workspace is loaded; null before.
export const AppContext = createContext<AppState | null>(null);

// The shell's state. Throws when called outside the shell's provider (a bug).
export function useApp(): AppState {
  const state = useContext(AppContext);
  if (!state) throw new Error('useApp outside the application');
  return state;
}

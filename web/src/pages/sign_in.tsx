// Signing in, on a store with accounts (DESIGN.md section 10): an e-mail and a password.
// The server sets the session's cookie (HttpOnly: this page never sees it) and answers the
// session, which the shell then shows. A wrong password, or too many of them, is said in
// the server's words.

import { useState } from 'preact/hooks';
import type { Lang, Session } from '../api';
import { signIn } from '../api';
import { t } from '../i18n';

export function SignInPage({ lang, onSignedIn }: { lang: Lang; onSignedIn: (s: Session) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await signIn(email.trim(), password, lang));
    } catch (reason) {
      setError(reason instanceof Error ? reason.message : String(reason));
      setBusy(false);
    }
  };

  return (
    <section class="panel sign-in" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t('signin.title')}</h1>
      <p>{t('signin.help')}</p>
      <form onSubmit={submit}>
        <div class="field">
          <label for="sign-in-email">{t('signin.email')}</label>
          <input
            id="sign-in-email"
            type="email"
            autocomplete="username"
            required
            value={email}
            onInput={(e) => setEmail((e.target as HTMLInputElement).value)}
          />
        </div>
        <div class="field">
          <label for="sign-in-password">{t('signin.password')}</label>
          <input
            id="sign-in-password"
            type="password"
            autocomplete="current-password"
            required
            value={password}
            onInput={(e) => setPassword((e.target as HTMLInputElement).value)}
          />
        </div>
        {error && (
          <p class="error-box" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t('signin.submit')}
        </button>
      </form>
    </section>
  );
}

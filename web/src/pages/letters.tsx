// The client page's letters: choose a letter and its language, read it, copy it or download
// it. The server writes the letter (GET /api/v1/clients/{id}/letters/{kind}), the same bytes
// as `addio letter`. Plain text and Markdown are shown as text, never parsed into the page;
// the HTML letter, whose every value the server escapes, is shown in a sandboxed frame that
// runs no script.

import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Lang, LetterChoices, LetterFormat, LetterKind } from '../api';
import { ApiError, apiUrl, getText, LETTER_KINDS } from '../api';
import { useApi } from '../hooks';
import { useApp } from '../app_context';
import { ErrorBox, Loading, Panel } from '../components';
import { date } from '../format';
import { t, tk } from '../i18n';

const FORMATS: readonly LetterFormat[] = ['txt', 'md', 'html'];
const MEDIA_TYPES: Record<LetterFormat, string> = {
  txt: 'text/plain;charset=utf-8',
  md: 'text/markdown;charset=utf-8',
  html: 'text/html;charset=utf-8',
};

// The letter that carries out each action (DESIGN.md section 5's codes); an action with no
// letter of its own (stop work until signed, stop work) names none.
const LETTER_OF_ACTION: Record<string, LetterKind> = {
  formal_notice: 'formal-notice',
  collection: 'formal-notice',
  claim_late_interest: 'formal-notice',
  automatic_reminders: 'reminder',
  shorten_terms: 'reminder',
  require_deposit: 'reminder',
  raise_rate: 'rate-increase',
  set_minimum_fee: 'rate-increase',
  introduce_change_orders: 'change-order',
  bill_extras: 'change-order',
  send_short_sow: 'change-order',
  set_office_hours: 'office-hours',
  add_rush_fee: 'office-hours',
  end_relationship: 'termination',
};

// The letter of the most urgent action that has one (actions come most urgent first); the
// reminder when none has.
export function letterFor(actions: readonly { code: string }[]): LetterKind {
  for (const action of actions) {
    const kind = LETTER_OF_ACTION[action.code];
    if (kind) return kind;
  }
  return 'reminder';
}

// The letter a link to the client's letters names: the one of `action` when it has one, else
// "next" (the client page then picks the letter of its most urgent action that has one).
export function letterLink(action: { code: string }): string {
  return LETTER_OF_ACTION[action.code] ?? 'next';
}

// The letter kind a link names (?letter=formal-notice), when it is one.
export function letterKindOf(text: string | null): LetterKind | undefined {
  return LETTER_KINDS.find((kind) => kind === text);
}

// The letters that apply to the client as of the date shown (GET .../letters: a reminder
// and a formal notice need something overdue, a rate increase a rate to propose) are the
// ones offered. `preferred`: the one shown first when it applies (the one the client's top
// action names, or the one a link asked for), else the first that applies.
export function LettersSection({ client, preferred }: { client: string; preferred: LetterKind }) {
  const { asOf, lang } = useApp();
  const offered = useApi<LetterChoices>(
    apiUrl(`/clients/${encodeURIComponent(client)}/letters`, { as_of: asOf, lang }),
  );
  const kinds = (offered.data?.letters ?? [])
    .filter((letter) => letter.applies)
    .map((letter) => letter.kind);
  if (offered.error && !offered.data) {
    return (
      <Panel title={t('letters.title')} id="letters" className="letters">
        <ErrorBox error={offered.error} onRetry={offered.reload} />
      </Panel>
    );
  }
  if (!offered.data || offered.data.client !== client || kinds.length === 0) {
    return (
      <Panel title={t('letters.title')} id="letters" className="letters">
        <Loading />
      </Panel>
    );
  }
  return (
    <LetterPicker
      client={client}
      kinds={kinds}
      initial={kinds.includes(preferred) ? preferred : kinds[0]}
    />
  );
}

function LetterPicker({
  client,
  kinds,
  initial,
}: {
  client: string;
  kinds: LetterKind[];
  initial: LetterKind;
}) {
  const { asOf, lang } = useApp();
  const [kind, setKind] = useState<LetterKind>(initial);
  useEffect(() => setKind(initial), [client, initial]);
  const [letterLang, setLetterLang] = useState<Lang>(lang);
  const [format, setFormat] = useState<LetterFormat>('txt');
  // The letter shown, with the format it was written in: while another format loads, the
  // last one stays shown as what it is (plain text is never put in the HTML frame).
  const [shown, setShown] = useState<{ text: string; format: LetterFormat } | null>(null);
  const text = shown?.text ?? null;
  const [error, setError] = useState<Error | null>(null);
  const [loading, setLoading] = useState(true);
  const [copied, setCopied] = useState<string | null>(null);

  // The letter follows the dashboard's language until one is chosen here.
  useEffect(() => setLetterLang(lang), [lang]);

  const url = apiUrl(`/clients/${encodeURIComponent(client)}/letters/${encodeURIComponent(kind)}`, {
    as_of: asOf,
    lang: letterLang,
    format,
  });
  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    setCopied(null);
    const asked = format;
    getText(url, controller.signal)
      .then((body) => {
        setShown({ text: body, format: asked });
        setLoading(false);
      })
      .catch((reason: unknown) => {
        if (controller.signal.aborted) return;
        setShown(null);
        setError(reason instanceof Error ? reason : new Error(String(reason)));
        setLoading(false);
      });
    return () => controller.abort();
  }, [url]);

  // A download of exactly the text shown; the address is released when the text changes.
  const download = useMemo(
    () =>
      shown === null
        ? null
        : URL.createObjectURL(new Blob([shown.text], { type: MEDIA_TYPES[shown.format] })),
    [shown],
  );
  useEffect(() => () => (download ? URL.revokeObjectURL(download) : undefined), [download]);

  const copy = async () => {
    if (text === null) return;
    try {
      await navigator.clipboard.writeText(text);
      setCopied(t('letters.copied'));
    } catch {
      setCopied(t('letters.copy_failed'));
    }
  };

  // Nothing to ask for (no overdue invoice, no rate to propose) is an answer, not a failure.
  const nothing =
    error instanceof ApiError && (error.status === 404 || error.status === 409) ? error : null;
  const filename = `${kind}-${client}-${asOf}.${shown?.format ?? format}`;

  return (
    <Panel
      title={t('letters.title')}
      help={t('letters.help', date(asOf))}
      id="letters"
      className="letters"
    >
      <div class="letter-controls filters">
        <label>
          <span>{t('letters.kind')}</span>
          <select
            name="letter-kind"
            value={kind}
            onChange={(e) => setKind((e.target as HTMLSelectElement).value as LetterKind)}
          >
            {kinds.map((k) => (
              <option key={k} value={k}>
                {tk(`letters.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('letters.lang')}</span>
          <select
            name="letter-lang"
            value={letterLang}
            onChange={(e) => setLetterLang((e.target as HTMLSelectElement).value as Lang)}
          >
            {(['en', 'it'] as const).map((code) => (
              <option key={code} value={code} lang={code}>
                {t(`lang.${code}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('letters.format')}</span>
          <select
            name="letter-format"
            value={format}
            onChange={(e) => setFormat((e.target as HTMLSelectElement).value as LetterFormat)}
          >
            {FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(`letters.format.${f}`)}
              </option>
            ))}
          </select>
        </label>
        <div class="letter-actions">
          <button type="button" class="button" onClick={copy} disabled={text === null || loading}>
            {t('letters.copy')}
          </button>
          {download && !loading ? (
            <a class="button" href={download} download={filename}>
              {t('letters.download')}
            </a>
          ) : (
            <button type="button" class="button" disabled>
              {t('letters.download')}
            </button>
          )}
          {copied && (
            <span class="saved" role="status">
              {copied}
            </span>
          )}
        </div>
      </div>
      <div class="letter-preview" aria-busy={loading} data-kind={kind} data-lang={letterLang}>
        {nothing && (
          <p class="empty" role="status">
            {t('letters.nothing', nothing.message)}
          </p>
        )}
        {error && !nothing && <ErrorBox error={error} />}
        {!error && text === null && <Loading />}
        {!error &&
          text !== null &&
          (shown?.format === 'html' ? (
            <iframe class="letter-frame" title={t('letters.preview')} sandbox="" srcdoc={text} />
          ) : (
            <pre
              class="letter-text"
              tabIndex={0}
              aria-label={t('letters.preview')}
              lang={letterLang}
            >
              {text}
            </pre>
          ))}
      </div>
    </Panel>
  );
}

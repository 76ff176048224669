// Screening a prospect before the first job (DESIGN.md section 6): the ten intake questions
// with their defaults, checked here before they are sent, and the server's answer — the
// decision, the risk, the likely client type, the six predicted signs with their reasons, the
// terms and strategy to propose and the past clients who answered alike. The server does the
// scoring (POST /api/v1/screen), so the page and `addio screen` never disagree.

import { useEffect, useState } from 'preact/hooks';
import type { IntakeAnswers, Screening, SignKey } from '../api';
import { apiUrl, sendJson, SIGN_KEYS } from '../api';
import { useApp } from '../app_context';
import { ErrorBox, Loading, Panel, SeverityBadge, VerdictBadge, TableWrap } from '../components';
import { date, money, num, percent } from '../format';
import { archetypeName, signTitle, t, tk } from '../i18n';

type ChoiceKey =
  | 'will_sign_contract'
  | 'accepts_deposit'
  | 'scope_clarity'
  | 'contact_hours'
  | 'decision_maker'
  | 'payment_reputation';
type NumberKey = 'payment_terms_days' | 'timeline_ratio' | 'providers_replaced';
// The budget question asks two amounts, their budget and your quote, whose ratio it sends.
type AmountKey = 'budget' | 'quote';
type ProblemKey = NumberKey | AmountKey;

type Question =
  | { key: ChoiceKey; kind: 'choice'; choices: string[] }
  | { key: 'budget_ratio'; kind: 'budget' }
  | { key: NumberKey; kind: 'ratio' }
  | { key: NumberKey; kind: 'integer'; min: number; max: number };

// In the order of DESIGN.md section 6; choices from best to worst, as src/profile/intake.cc.
const QUESTIONS: Question[] = [
  { key: 'will_sign_contract', kind: 'choice', choices: ['yes', 'hesitant', 'no'] },
  { key: 'budget_ratio', kind: 'budget' },
  { key: 'accepts_deposit', kind: 'choice', choices: ['true', 'false'] },
  { key: 'payment_terms_days', kind: 'integer', min: 0, max: 365 },
  { key: 'scope_clarity', kind: 'choice', choices: ['clear', 'partial', 'vague'] },
  { key: 'timeline_ratio', kind: 'ratio' },
  { key: 'providers_replaced', kind: 'integer', min: 0, max: 100 },
  { key: 'contact_hours', kind: 'choice', choices: ['business', 'extended', 'anytime'] },
  { key: 'decision_maker', kind: 'choice', choices: ['single', 'committee', 'unclear'] },
  { key: 'payment_reputation', kind: 'choice', choices: ['good', 'unknown', 'bad'] },
];

// The form keeps every answer as typed; the questionnaire's defaults (no budget and no
// quote: the budget is taken to match the quote, a ratio of 1).
type Form = Record<ChoiceKey | NumberKey | AmountKey, string>;
const DEFAULTS: Form = {
  will_sign_contract: 'yes',
  budget: '',
  quote: '',
  accepts_deposit: 'true',
  payment_terms_days: '30',
  scope_clarity: 'clear',
  timeline_ratio: '1',
  providers_replaced: '0',
  contact_hours: 'business',
  decision_maker: 'single',
  payment_reputation: 'unknown',
};

const FORM_KEY = 'addio.screen';

function loadForm(): Form {
  try {
    const saved = JSON.parse(window.sessionStorage.getItem(FORM_KEY) ?? 'null') as Partial<Form>;
    if (saved && typeof saved === 'object') return { ...DEFAULTS, ...saved };
  } catch {
    // Nothing kept: the defaults.
  }
  return { ...DEFAULTS };
}

// "0,8", "0.8" or "3000/4000" as a number; NaN when it is none of these.
function parseRatio(text: string): number {
  const clean = text.trim().replace(/\s/g, '').replace(',', '.');
  const fraction = /^(\d+(?:\.\d+)?)\/(\d+(?:\.\d+)?)$/.exec(clean);
  if (fraction) return Number(fraction[1]) / Number(fraction[2]);
  return /^\d+(\.\d+)?$/.test(clean) ? Number(clean) : NaN;
}

// An amount as typed ("3000", "3.000,50", "3,000.50", "3000 €") in major units; NaN when
// it is not one.
function parseAmount(text: string): number {
  let clean = text.replace(/[\s€$£]/g, '').replace(/[A-Za-z]{3}$/, '');
  const comma = clean.lastIndexOf(','),
    dot = clean.lastIndexOf('.');
  // The later of ',' and '.' is the decimal mark when two digits or fewer follow it.
  const mark = Math.max(comma, dot);
  if (mark >= 0 && clean.length - mark - 1 <= 2) {
    clean = clean.slice(0, mark).replace(/[.,]/g, '') + '.' + clean.slice(mark + 1);
  } else {
    clean = clean.replace(/[.,]/g, '');
  }
  return /^\d+(\.\d+)?$/.test(clean) ? Number(clean) : NaN;
}

// Their budget ÷ your quote, or the problem with either amount. Both left empty: 1.
function budgetRatio(form: Form): number | Partial<Record<AmountKey, string>> {
  if (form.budget.trim() === '' && form.quote.trim() === '') return 1;
  const budget = parseAmount(form.budget),
    quote = parseAmount(form.quote);
  const problems: Partial<Record<AmountKey, string>> = {};
  if (!(budget > 0)) problems.budget = t('screen.bad_amount');
  if (!(quote > 0)) problems.quote = t('screen.bad_amount');
  if (problems.budget || problems.quote) return problems;
  const ratio = budget / quote;
  if (ratio > 100) return { budget: t('screen.bad_budget_ratio') };
  // Rounded as the CLI shows ratios: the server need not see 17 digits.
  return Math.max(0.0001, Math.round(ratio * 10000) / 10000);
}

// The answers to send, or the problem with each answer that has one.
function toAnswers(
  form: Form,
): { answers: IntakeAnswers } | { problems: Partial<Record<ProblemKey, string>> } {
  const problems: Partial<Record<ProblemKey, string>> = {};
  const numbers: Partial<Record<NumberKey, number>> = {};
  const budget = budgetRatio(form);
  if (typeof budget !== 'number') Object.assign(problems, budget);
  for (const q of QUESTIONS) {
    if (q.kind === 'ratio') {
      const value = parseRatio(form[q.key]);
      // Rounded as the CLI shows ratios; a fraction must not send 17 digits.
      if (Number.isFinite(value) && value > 0 && value <= 100)
        numbers[q.key] = Math.round(value * 10000) / 10000;
      else problems[q.key] = t('screen.bad_ratio');
    } else if (q.kind === 'integer') {
      const text = form[q.key].trim();
      const value = Number(text);
      if (/^\d+$/.test(text) && value >= q.min && value <= q.max) numbers[q.key] = value;
      else problems[q.key] = t('screen.bad_integer', q.min, q.max);
    }
  }
  if (Object.keys(problems).length > 0) return { problems };
  return {
    answers: {
      will_sign_contract: form.will_sign_contract as IntakeAnswers['will_sign_contract'],
      budget_ratio: budget as number,
      accepts_deposit: form.accepts_deposit === 'true',
      payment_terms_days: numbers.payment_terms_days!,
      scope_clarity: form.scope_clarity as IntakeAnswers['scope_clarity'],
      timeline_ratio: numbers.timeline_ratio!,
      providers_replaced: numbers.providers_replaced!,
      contact_hours: form.contact_hours as IntakeAnswers['contact_hours'],
      decision_maker: form.decision_maker as IntakeAnswers['decision_maker'],
      payment_reputation: form.payment_reputation as IntakeAnswers['payment_reputation'],
    },
  };
}

// Their budget and your quote, in the workspace currency, with the share it covers.
function BudgetQuestion({
  form,
  problems,
  currency,
  set,
}: {
  form: Form;
  problems: Partial<Record<ProblemKey, string>>;
  currency: string;
  set: (key: keyof Form, value: string) => void;
}) {
  const ratio = budgetRatio(form);
  const amount = (key: AmountKey, label: string) => (
    <label class="field" for={`q-${key}`}>
      <span>{label}</span>
      <input
        id={`q-${key}`}
        name={key}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        value={form[key]}
        placeholder={currency}
        aria-invalid={problems[key] ? true : undefined}
        aria-describedby={`q-budget-help${problems[key] ? ` q-${key}-problem` : ''}`}
        onInput={(e) => set(key, (e.target as HTMLInputElement).value)}
      />
      {problems[key] && (
        <small class="problem" id={`q-${key}-problem`}>
          {problems[key]}
        </small>
      )}
    </label>
  );
  return (
    <fieldset class="question budget" data-question="budget_ratio">
      <legend>{t('screen.budget.legend')}</legend>
      <div class="form-row">
        {amount('budget', t('screen.budget.theirs', currency))}
        {amount('quote', t('screen.budget.quote', currency))}
      </div>
      <small id="q-budget-help">
        {typeof ratio === 'number' && (form.budget.trim() !== '' || form.quote.trim() !== '')
          ? t('screen.budget.covers', percent(ratio))
          : t('screen.budget.help')}
      </small>
    </fieldset>
  );
}

export function ScreenPage() {
  const { asOf, lang } = useApp();
  const [form, setForm] = useState<Form>(loadForm);
  const { workspace } = useApp();
  const [problems, setProblems] = useState<Partial<Record<ProblemKey, string>>>({});
  const [submitted, setSubmitted] = useState<{ answers: IntakeAnswers; form: string } | null>(null);
  const [result, setResult] = useState<Screening | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    try {
      window.sessionStorage.setItem(FORM_KEY, JSON.stringify(form));
    } catch {
      // Not kept across reloads; the form still works.
    }
  }, [form]);

  // Screens again when the language or the date changes: the reasons are the server's
  // sentences and the similar clients' verdicts depend on the date.
  useEffect(() => {
    if (!submitted) return;
    let current = true;
    setBusy(true);
    setError(null);
    sendJson<Screening>('POST', apiUrl('/screen', { as_of: asOf, lang }), submitted.answers)
      .then((answer) => {
        if (current) setResult(answer);
      })
      .catch((reason: unknown) => {
        if (current) setError(reason instanceof Error ? reason : new Error(String(reason)));
      })
      .finally(() => {
        if (current) setBusy(false);
      });
    return () => {
      current = false;
    };
  }, [submitted, asOf, lang]);

  const set = (key: keyof Form, value: string) => {
    setForm((f) => ({ ...f, [key]: value }));
    if (key in problems) setProblems((p) => ({ ...p, [key]: undefined }));
  };

  const submit = (e: Event) => {
    e.preventDefault();
    const checked = toAnswers(form);
    if ('problems' in checked) {
      setProblems(checked.problems);
      const first = (['budget', 'quote', ...QUESTIONS.map((q) => q.key)] as string[]).find(
        (key) => key in checked.problems,
      );
      if (first) document.getElementById(`q-${first}`)?.focus();
      return;
    }
    setProblems({});
    setSubmitted({ answers: checked.answers, form: JSON.stringify(form) });
  };

  const hasProblems = Object.values(problems).some(Boolean);
  const stale = submitted !== null && result !== null && submitted.form !== JSON.stringify(form);

  return (
    <div class="page screen">
      <div class="page-head">
        <h1>{t('screen.title')}</h1>
        <p class="lead">{t('screen.lead')}</p>
      </div>
      <div class="screen-grid">
        <Panel title={t('screen.questions')} id="intake" className="intake">
          <form class="intake-form" onSubmit={submit} noValidate>
            {QUESTIONS.map((q) =>
              q.kind === 'choice' ? (
                <fieldset class="question" key={q.key} data-question={q.key}>
                  <legend>{tk(`profile.question.${q.key}`)}</legend>
                  <div class="choices">
                    {q.choices.map((choice, i) => (
                      <label key={choice} class="choice">
                        <input
                          type="radio"
                          name={q.key}
                          value={choice}
                          id={i === 0 ? `q-${q.key}` : undefined}
                          checked={form[q.key] === choice}
                          onChange={() => set(q.key, choice)}
                        />
                        <span>{tk(`q.${q.key}.${choice}`)}</span>
                      </label>
                    ))}
                  </div>
                </fieldset>
              ) : q.kind === 'budget' ? (
                <BudgetQuestion
                  key={q.key}
                  form={form}
                  problems={problems}
                  currency={workspace.currency}
                  set={set}
                />
              ) : (
                <div class="question field" key={q.key} data-question={q.key}>
                  <label for={`q-${q.key}`}>{tk(`profile.question.${q.key}`)}</label>
                  <input
                    id={`q-${q.key}`}
                    name={q.key}
                    type="text"
                    inputMode={q.kind === 'ratio' ? 'decimal' : 'numeric'}
                    autoComplete="off"
                    value={form[q.key]}
                    aria-invalid={problems[q.key] ? true : undefined}
                    aria-describedby={`q-${q.key}-help${problems[q.key] ? ` q-${q.key}-problem` : ''}`}
                    onInput={(e) => set(q.key, (e.target as HTMLInputElement).value)}
                  />
                  <small id={`q-${q.key}-help`}>{tk(`profile.question.${q.key}.help`)}</small>
                  {problems[q.key] && (
                    <small class="problem" id={`q-${q.key}-problem`}>
                      {problems[q.key]}
                    </small>
                  )}
                </div>
              ),
            )}
            <div class="form-actions">
              <button type="submit" class="button primary" disabled={busy}>
                {t('screen.submit')}
              </button>
              <button
                type="button"
                class="button"
                onClick={() => {
                  setForm({ ...DEFAULTS });
                  setProblems({});
                }}
              >
                {t('screen.defaults')}
              </button>
              {hasProblems && (
                <span class="problem" role="alert">
                  {t('screen.invalid')}
                </span>
              )}
            </div>
          </form>
        </Panel>
        <section
          class="screen-result"
          aria-labelledby="screen-result-title"
          aria-live="polite"
          aria-busy={busy}
        >
          <h2 id="screen-result-title">{t('screen.result')}</h2>
          {error && <ErrorBox error={error} />}
          {!result && !error && (busy ? <Loading /> : <p class="empty">{t('screen.empty')}</p>)}
          {result && <ScreeningResult result={result} stale={stale} asOf={asOf} />}
        </section>
      </div>
    </div>
  );
}

function ScreeningResult({
  result,
  stale,
  asOf,
}: {
  result: Screening;
  stale: boolean;
  asOf: string;
}) {
  const { link, workspace } = useApp();
  const terms = result.terms;
  const riskLevel = result.risk > 25 ? 'red' : result.risk > 10 ? 'amber' : 'green';
  return (
    <div class="screening" data-decision={result.decision}>
      {stale && (
        <p class="stale" role="status">
          {t('screen.stale')}
        </p>
      )}
      <div class="panel decision-panel">
        <p class="decision-line">
          <span class="label">{t('screen.decision')}</span>
          <strong class={`badge decision ${result.decision}`}>
            {tk(`screen.decision.${result.decision}`)}
          </strong>
        </p>
        <p class="decision-hint">{tk(`screen.decision_hint.${result.decision}`)}</p>
        <dl class="decision-facts">
          <div>
            <dt>{t('screen.risk')}</dt>
            <dd>
              <span class={`score ${riskLevel}`} title={t('screen.risk_value', result.risk)}>
                <span class="score-value">{result.risk}</span>
                <span class="score-bar" aria-hidden="true">
                  <span style={{ width: `${result.risk}%` }} />
                </span>
              </span>
            </dd>
          </div>
          <div>
            <dt>{t('screen.archetype')}</dt>
            <dd>
              <strong class="archetype-name">{archetypeName(result.archetype)}</strong>
              <span class="hint">{tk(`archetype_hint.${result.archetype}`)}</span>
            </dd>
          </div>
        </dl>
      </div>

      <Panel title={t('screen.signs')} id="predicted" className="predicted">
        <ul class="predicted-signs">
          {SIGN_KEYS.map((key: SignKey) => {
            const sign = result.signals[key];
            return (
              <li key={key} class={`predicted-sign ${key} ${sign.severity}`} data-sign={key}>
                <div class="predicted-head">
                  <span class="predicted-title">{signTitle(key)}</span>
                  <SeverityBadge severity={sign.severity} />
                </div>
                <ul class="reasons">
                  {sign.reasons.map((r, i) => (
                    <li key={i}>{r}</li>
                  ))}
                </ul>
              </li>
            );
          })}
        </ul>
      </Panel>

      <Panel title={t('screen.terms')} id="terms" className="terms">
        <dl class="terms-list">
          <div>
            <dt>{t('terms.deposit_percent')}</dt>
            <dd>{percent(terms.deposit_percent / 100)}</dd>
          </div>
          <div>
            <dt>{t('terms.payment_terms_days')}</dt>
            <dd>
              {terms.payment_terms_days === 0
                ? t('terms.on_receipt')
                : t('common.days', terms.payment_terms_days)}
            </dd>
          </div>
          <div>
            <dt>{t('terms.rush_fee_percent')}</dt>
            <dd>+{percent(terms.rush_fee_percent / 100)}</dd>
          </div>
          <div>
            <dt>{t('terms.revision_limit')}</dt>
            <dd>{terms.revision_limit}</dd>
          </div>
          <div>
            <dt>{t('terms.minimum_fee')}</dt>
            <dd>
              {terms.minimum_fee === null
                ? t('common.hours_value', terms.minimum_fee_hours)
                : t(
                    'terms.minimum_fee_value',
                    terms.minimum_fee_hours,
                    money(terms.minimum_fee, workspace.currency),
                  )}
            </dd>
          </div>
        </dl>
        <h3>{t('screen.strategy')}</h3>
        <p class="strategy">{result.strategy}</p>
      </Panel>

      {result.similar && result.similar.length > 0 && (
        <Panel
          title={t('screen.similar')}
          help={t('screen.similar_help', date(asOf))}
          id="similar"
          className="similar"
        >
          <TableWrap>
            <table class="similar-table">
              <thead>
                <tr>
                  <th scope="col">{t('col.client')}</th>
                  <th scope="col" class="num">
                    {t('screen.similarity')}
                  </th>
                  <th scope="col">{t('col.verdict')}</th>
                  <th scope="col" class="num">
                    {t('col.score')}
                  </th>
                  <th scope="col">{t('screen.archetype_col')}</th>
                </tr>
              </thead>
              <tbody>
                {result.similar.map((s) => (
                  <tr key={s.client} data-client={s.client}>
                    <th scope="row">
                      <a href={link(['clients', s.client])}>{s.name}</a>
                    </th>
                    <td class="num">{percent(s.similarity)}</td>
                    <td>
                      <VerdictBadge verdict={s.verdict} />
                    </td>
                    <td class="num">{num(s.score, 0)}</td>
                    <td>{archetypeName(s.archetype)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </Panel>
      )}
    </div>
  );
}

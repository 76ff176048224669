// Every word the dashboard itself shows comes from the product's one catalogue of words,
// src/report/i18n/<lang>/*.json, which the C++ reads too: the dashboard's own entries are in
// web.json, the names it shares with the reports (verdicts, signs, levels, metrics, ...) in
// the other files. Keys are unique across the files of a language and both languages have
// the same keys (tests/core/catalogue_test.cc). Sentences that come from the server
// (reasons, actions, evidence notes, help texts) are asked for in the chosen language
// through the API's `lang` parameter.

import type { Lang, Severity, SignKey, Verdict } from './api';
import type { Catalogue } from './catalogue';
import type webWords from '../../src/report/i18n/en/web.json';
import type reportWords from '../../src/report/i18n/en/report.json';
import type formatWords from '../../src/report/i18n/en/format.json';
import type forecastWords from '../../src/report/i18n/en/forecast.json';

// The words of each language loaded so far (loadLang). Until the current language's words
// have loaded, the other language's stand in.
const CATALOGUES: Partial<Record<Lang, Catalogue>> = {};

// Loads the words of `lang` once; a language is shown only after this has settled.
export async function loadLang(lang: Lang): Promise<void> {
  if (CATALOGUES[lang]) return;
  const module = lang === 'it' ? await import('./catalogue_it') : await import('./catalogue_en');
  CATALOGUES[lang] = module.default;
}

function words(): Catalogue {
  const catalogue = CATALOGUES[current] ?? CATALOGUES.en ?? CATALOGUES.it;
  if (!catalogue) throw new Error('no catalogue loaded: call loadLang first');
  return catalogue;
}

// The keys the dashboard names literally; keys built at run time go through tk().
export type Key =
  | keyof typeof webWords
  | keyof typeof reportWords
  | keyof typeof formatWords
  | keyof typeof forecastWords;

let current: Lang = 'en';

// REQUIRES: loadLang(lang) has settled.
export function setLang(lang: Lang): void {
  current = lang;
  document.documentElement.lang = lang;
  document.title = t('app.title');
}

export function getLang(): Lang {
  return current;
}

// The BCP 47 locale used for numbers and dates.
export function locale(): string {
  return current === 'it' ? 'it-IT' : 'en-GB';
}

export function has(key: string): key is Key {
  return Object.prototype.hasOwnProperty.call(words(), key);
}

// The text of `key` in the current language with {0}, {1}, ... replaced by `args`. A plural
// entry takes its "one" form when the first argument is the number 1.
export function t(key: Key, ...args: (string | number)[]): string {
  const entry = words()[key];
  const pattern = typeof entry === 'string' ? entry : args[0] === 1 ? entry.one : entry.other;
  return pattern.replace(/\{(\d)\}/g, (_, n: string) => String(args[Number(n)] ?? ''));
}

// A key built at run time (sign.<key>, verdict.<key>, ...); falls back to the readable
// last part of the key so an unexpected value from the server still shows something.
export function tk(key: string, ...args: (string | number)[]): string {
  if (has(key)) return t(key, ...args);
  const tail = key.slice(key.lastIndexOf('.') + 1);
  return tail.replace(/_/g, ' ');
}

export const signTitle = (sign: SignKey): string => tk(`sign.${sign}`);
export const signShort = (sign: SignKey): string => tk(`sign_short.${sign}`);
export const verdictName = (verdict: Verdict): string => tk(`verdict.${verdict}`);
export const levelName = (level: Severity): string => tk(`level.${level}`);
export const archetypeName = (archetype: string): string => tk(`archetype.${archetype}`);

// The readable name of a metric of a sign, as the reports name it (metric.<name>).
export const metricLabel = (metric: string): string => tk(`metric.${metric}`);

// How numbers, money and dates read in the chosen language. Money arrives as exact decimal
// strings; it is grouped and rounded as text, so what is shown is exactly what the server
// computed. Charts need numbers and use toNumber(), which is only for drawing.

import { getLang, locale, metricLabel, t } from './i18n';
import type { MetricValue } from './api';

const SYMBOLS: Record<string, string> = { EUR: '€', USD: '$', GBP: '£' };

// The catalogue's number conventions (format.group, format.decimal), as the C++ uses them.
function separators(): { group: string; decimal: string } {
  return { group: t('format.group'), decimal: t('format.decimal') };
}

// Rounds a decimal string to `digits` decimals, half away from zero, as text.
function roundDecimal(
  value: string,
  digits: number,
): { negative: boolean; whole: string; fraction: string } {
  let text = value.trim();
  const negative = text.startsWith('-');
  if (negative || text.startsWith('+')) text = text.slice(1);
  let [whole, fraction = ''] = text.split('.');
  if (!/^\d*$/.test(whole) || !/^\d*$/.test(fraction))
    return { negative: false, whole: text, fraction: '' };
  whole = whole.replace(/^0+(?=\d)/, '') || '0';
  if (fraction.length > digits) {
    const roundUp = fraction.charCodeAt(digits) >= '5'.charCodeAt(0);
    let kept = whole + fraction.slice(0, digits);
    if (roundUp) {
      const digitsArray = kept.split('');
      let i = digitsArray.length - 1;
      while (i >= 0) {
        if (digitsArray[i] === '9') {
          digitsArray[i] = '0';
          i--;
        } else {
          digitsArray[i] = String(Number(digitsArray[i]) + 1);
          break;
        }
      }
      kept = (i < 0 ? '1' : '') + digitsArray.join('');
    }
    whole = kept.slice(0, kept.length - digits) || '0';
    fraction = kept.slice(kept.length - digits);
  } else {
    fraction = fraction.padEnd(digits, '0');
  }
  const isZero = /^0*$/.test(whole) && /^0*$/.test(fraction);
  return { negative: negative && !isZero, whole, fraction };
}

function group(whole: string, sep: string): string {
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

// "1234.5" EUR → "€1,234.50" (en) or "1.234,50 €" (it). `digits` 0 rounds to whole units.
export function money(value: string | null | undefined, currency: string, digits = 2): string {
  if (value === null || value === undefined || value === '') return t('common.none');
  const { negative, whole, fraction } = roundDecimal(value, digits);
  const { group: g, decimal } = separators();
  const amount = group(whole, g) + (digits > 0 ? decimal + fraction : '');
  const symbol = SYMBOLS[currency];
  const sign = negative ? '−' : '';
  if (getLang() === 'it') return `${sign}${amount} ${symbol ?? currency}`;
  return symbol ? `${sign}${symbol}${amount}` : `${sign}${currency} ${amount}`;
}

// A plain number with at most `digits` decimals in the chosen language.
export function num(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || Number.isNaN(value)) return t('common.none');
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: digits }).format(value);
}

export function percent(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined || Number.isNaN(value)) return t('common.none');
  return new Intl.NumberFormat(locale(), {
    style: 'percent',
    maximumFractionDigits: digits,
  }).format(value);
}

export function days(value: number | null | undefined): string {
  if (value === null || value === undefined) return t('common.none');
  const rounded = Math.round(value * 10) / 10;
  return t('common.days', rounded === 1 ? 1 : num(rounded, 1));
}

// "2026-11-30" → "30 Nov 2026" / "30 nov 2026". Calendar dates carry no time zone: they are
// read and printed in UTC so no browser zone can move them a day.
export function date(value: string | null | undefined): string {
  if (!value) return t('common.none');
  const parsed = parseDate(value);
  if (!parsed) return value;
  return new Intl.DateTimeFormat(locale(), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(parsed);
}

export function monthLabel(value: string): string {
  const parsed = parseDate(value);
  if (!parsed) return value;
  return new Intl.DateTimeFormat(locale(), {
    month: 'short',
    year: '2-digit',
    timeZone: 'UTC',
  }).format(parsed);
}

export function parseDate(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

// Whether `value` is a real calendar date written YYYY-MM-DD ("2026-02-30" is not).
export function isCalendarDate(value: string): boolean {
  const parsed = parseDate(value);
  return parsed !== null && isoDate(parsed) === value;
}

export function isoDate(value: Date): string {
  return value.toISOString().slice(0, 10);
}

// For charts and sorting only: never for sums shown as money.
export function toNumber(value: string | number | null | undefined): number {
  if (value === null || value === undefined) return 0;
  const parsed = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(parsed) ? parsed : 0;
}

const MONEY_METRICS = new Set([
  'revenue',
  'effective_rate',
  'reference_rate',
  'overdue_amount',
  'overdue_1_30',
  'overdue_31_60',
  'overdue_61_90',
  'overdue_90_plus',
  'written_off',
  'late_amount_days',
]);

// A sign's metric as a person reads it: shares as percentages, money with the currency,
// days and hours with their unit.
export function metricValue(name: string, value: MetricValue, currency: string): string {
  if (value === null) return t('common.none');
  if (typeof value === 'string') return MONEY_METRICS.has(name) ? money(value, currency) : value;
  if (name.endsWith('_share')) return percent(value);
  if (name.endsWith('_ratio') || name === 'overrun') return num(value, 2);
  if (name.includes('days')) return days(value);
  if (name.endsWith('hours')) return t('common.hours_value', num(value, 1));
  return num(value, 2);
}

export { metricLabel };

// The exact sum of decimal strings, as a decimal string with the most decimals among them.
export function sumMoney(values: (string | null | undefined)[]): string {
  const present = values.filter(
    (v): v is string => typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v),
  );
  const scale = Math.max(2, ...present.map((v) => (v.split('.')[1] ?? '').length));
  let total = 0n;
  for (const value of present) {
    const negative = value.startsWith('-');
    const [whole, fraction = ''] = value.replace('-', '').split('.');
    const units = BigInt(whole + fraction.padEnd(scale, '0'));
    total += negative ? -units : units;
  }
  const negative = total < 0n;
  const digits = (negative ? -total : total).toString().padStart(scale + 1, '0');
  return `${negative ? '-' : ''}${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
}

// A date as a person types it in the chosen language: "30/11/2026" in Italian, "30 Nov 2026"
// in English (the way date() shows it).
export function typedDate(value: string): string {
  const parsed = parseDate(value);
  if (!parsed) return value;
  if (getLang() !== 'it') return date(value);
  const [year, month, day] = value.split('-');
  return `${day}/${month}/${year}`;
}

// Month names in both languages, long and short ("novembre", "nov", "November", "Nov"), lower
// case without accents or a final dot, to the month's number (1-12). The names do not
// collide: where both languages share one (mar, apr, nov), it is the same month.
let monthNumbers: Map<string, number> | null = null;
function monthByName(name: string): number | undefined {
  if (!monthNumbers) {
    monthNumbers = new Map();
    for (const lang of ['en-GB', 'it-IT']) {
      for (const width of ['long', 'short'] as const) {
        const names = new Intl.DateTimeFormat(lang, { month: width, timeZone: 'UTC' });
        for (let m = 0; m < 12; m++) {
          const name = normalMonth(names.format(Date.UTC(2000, m, 1)));
          monthNumbers.set(name, m + 1);
          // Its first three letters too ("sep" where the locale writes "Sept").
          monthNumbers.set(name.slice(0, 3), m + 1);
        }
      }
    }
  }
  return monthNumbers.get(normalMonth(name));
}
function normalMonth(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\.$/, '');
}

// A typed date as YYYY-MM-DD, or null when it is not a real calendar date. Read in either
// language: 2026-11-30, 30/11/2026 (also with '.' or '-'; day first, as in Italy and in
// British English), 30 Nov 2026, 30 novembre 2026, Nov 30, 2026.
export function parseTypedDate(text: string): string | null {
  const value = text.trim();
  const pad = (n: number) => String(n).padStart(2, '0');
  const build = (year: number, month: number | undefined, day: number) => {
    if (!month) return null;
    const iso = `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
    return isCalendarDate(iso) ? iso : null;
  };
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  if (match) return build(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  if (match) return build(Number(match[3]), Number(match[2]), Number(match[1]));
  match = /^(\d{1,2})\s+([^\s\d,]+)\s*,?\s+(\d{4})$/.exec(value);
  if (match) return build(Number(match[3]), monthByName(match[2]), Number(match[1]));
  match = /^([^\s\d,]+)\s+(\d{1,2})\s*,?\s+(\d{4})$/.exec(value);
  if (match) return build(Number(match[3]), monthByName(match[1]), Number(match[2]));
  return null;
}

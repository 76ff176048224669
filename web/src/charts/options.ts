// The chart options of the dashboard, one function per chart, built from the API's JSON.
// Pure: the same data and language give the same option, which keeps the components simple.

import type {
  BurnUp,
  CashWeek,
  ClientAssessment,
  ContactHeatmap,
  HistoryPoint,
  LateInvoicePoint,
  RateComparison,
} from '../api';
import { VERDICTS, WEEKDAYS } from '../api';
import { date, money, monthLabel, num, toNumber } from '../format';
import { t, verdictName } from '../i18n';
import { COLORS, VERDICT_COLORS, type ChartOption } from './palette';

const MONTH_MS = 30 * 24 * 3600 * 1000;

const AXIS = {
  axisLine: { lineStyle: { color: COLORS.muted } },
  splitLine: { lineStyle: { color: COLORS.grid } },
  axisLabel: { color: COLORS.muted },
  nameTextStyle: { color: COLORS.muted },
};

// Labels of a time axis: ECharts reads "YYYY-MM-DD" as local midnight.
function timeLabel(value: number): string {
  const d = new Date(value);
  const iso = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return monthLabel(iso);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

// 1, 2 or 5 times a power of ten, at least `raw`: axis steps a person reads easily.
function niceStep(raw: number): number {
  if (!(raw > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * power).find((v) => v >= raw) ?? 10 * power;
}

// Trouble at or above this (score 90 or less) takes at least one red sign or several ambers.
export const TROUBLE_LINE = 10;

export interface QuadrantPoint {
  client: string;
}

// Net value (x) against trouble = 100 − score (y), one dot per client coloured by verdict,
// split into four quadrants at the portfolio's median net value and at TROUBLE_LINE.
// What the value-against-trouble chart needs of a client (a portfolio line or a whole
// assessment).
type QuadrantClient = Pick<ClientAssessment, 'client' | 'name' | 'verdict' | 'score'> & {
  economics: Pick<ClientAssessment['economics'], 'net_value'>;
};

// Each verdict has its shape as well as its colour, so that the chart reads without colour
// vision and the legend names both.
const VERDICT_SYMBOLS: Record<string, string> = {
  keep: 'circle',
  watch: 'diamond',
  renegotiate: 'triangle',
  part_ways: 'rect',
  insufficient_data: 'emptyCircle',
};

// `highlight`: a verdict whose dots stand out, the others faded and unlabelled.
export function quadrantOption(
  clients: QuadrantClient[],
  currency: string,
  highlight?: string,
): ChartOption {
  const faded = (verdict: string) => highlight !== undefined && verdict !== highlight;
  const verdicts = VERDICTS.filter((v) => clients.some((c) => c.verdict === v));
  const values = clients.map((c) => toNumber(c.economics.net_value));
  const split = median(values);
  const low = Math.min(0, ...values);
  const high = Math.max(1, ...values);
  const step = niceStep((high - low) / 6);
  // Start at zero unless a client costs more than it brings; dots on the edge are not clipped.
  const xMin = low < 0 ? Math.floor((low - step * 0.2) / step) * step : 0;
  const xMax = Math.ceil((high + step * 0.2) / step) * step;
  const maxTrouble = Math.max(0, ...clients.map((c) => 100 - c.score));
  const yMax = Math.min(100, Math.max(30, Math.ceil((maxTrouble + 8) / 10) * 10));
  const area = (
    name: string,
    x0: number,
    y0: number,
    x1: number,
    y1: number,
    position: string,
    color: string,
  ) => [
    {
      name,
      xAxis: x0,
      yAxis: y0,
      itemStyle: { color },
      label: { position, color: COLORS.muted, fontSize: 12 },
    },
    { xAxis: x1, yAxis: y1 },
  ];
  return {
    grid: { left: 56, right: 24, top: 40, bottom: 48 },
    legend: {
      top: 0,
      right: 0,
      selectedMode: false,
      data: verdicts.map((v) => ({ name: verdictName(v), icon: VERDICT_SYMBOLS[v] })),
    },
    tooltip: {
      trigger: 'item',
      formatter: (p: { data: { name: string; verdict: string; net: string; score: number } }) =>
        `<strong>${escapeHtml(p.data.name)}</strong><br>${escapeHtml(verdictName(p.data.verdict as never))} · ${escapeHtml(
          t('client.score', p.data.score),
        )}<br>${escapeHtml(t('col.net_value'))}: ${escapeHtml(money(p.data.net, currency, 0))}`,
    },
    xAxis: {
      type: 'value',
      min: xMin,
      max: xMax,
      interval: step,
      name: t('col.net_value'),
      nameLocation: 'middle',
      nameGap: 30,
      ...AXIS,
      axisLabel: {
        color: COLORS.muted,
        hideOverlap: true,
        formatter: (v: number) => money(String(Math.round(v)), currency, 0),
      },
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: yMax,
      name: t('portfolio.trouble'),
      nameLocation: 'middle',
      nameGap: 36,
      ...AXIS,
    },
    series: [
      {
        type: 'scatter',
        symbolSize: 14,
        cursor: 'pointer',
        clip: false,
        // The highlighted dots last, so that they are drawn on top of the faded ones.
        data: [
          ...clients.filter((c) => faded(c.verdict)),
          ...clients.filter((c) => !faded(c.verdict)),
        ].map((c) => ({
          value: [toNumber(c.economics.net_value), 100 - c.score],
          name: c.name,
          client: c.client,
          verdict: c.verdict,
          net: c.economics.net_value,
          score: c.score,
          symbol: VERDICT_SYMBOLS[c.verdict] ?? 'circle',
          symbolSize: highlight === c.verdict ? 18 : 14,
          itemStyle: {
            color: VERDICT_COLORS[c.verdict] ?? COLORS.unknown,
            borderColor: '#fff',
            borderWidth: 1,
            opacity: faded(c.verdict) ? 0.15 : 1,
          },
          label: { show: !faded(c.verdict) },
        })),
        label: {
          show: true,
          position: 'right',
          fontSize: 11,
          color: COLORS.text,
          formatter: (p: { data: { name: string } }) => shortName(p.data.name),
        },
        labelLayout: { hideOverlap: true },
        markArea: {
          silent: true,
          data: [
            area(
              t('portfolio.q_leave'),
              xMin,
              TROUBLE_LINE,
              split,
              yMax,
              'insideTopLeft',
              'rgba(192,38,45,0.06)',
            ),
            area(
              t('portfolio.q_fix'),
              split,
              TROUBLE_LINE,
              xMax,
              yMax,
              'insideTopRight',
              'rgba(178,106,0,0.06)',
            ),
            area(
              t('portfolio.q_small'),
              xMin,
              0,
              split,
              TROUBLE_LINE,
              'insideBottomLeft',
              'rgba(138,147,156,0.05)',
            ),
            area(
              t('portfolio.q_core'),
              split,
              0,
              xMax,
              TROUBLE_LINE,
              'insideBottomRight',
              'rgba(27,127,59,0.06)',
            ),
          ],
        },
        markLine: {
          silent: true,
          symbol: 'none',
          label: { show: false },
          lineStyle: { color: COLORS.muted, type: 'dashed' },
          data: [{ xAxis: split }, { yAxis: TROUBLE_LINE }],
        },
      },
      // Legend entries only: each verdict shown, in its shape and colour.
      ...verdicts.map((v) => ({
        name: verdictName(v),
        type: 'scatter',
        symbol: VERDICT_SYMBOLS[v],
        data: [],
        itemStyle: { color: VERDICT_COLORS[v] ?? COLORS.unknown },
      })),
    ],
  };
}

// The first words of a company name, enough to tell the dots apart.
function shortName(name: string): string {
  const words = name
    .split(/\s+/)
    .filter((w) => !/^(S\.r\.l\.|S\.p\.A\.|S\.n\.c\.|S\.a\.s\.|Ltd|Inc\.|GmbH|SA|di|&)$/.test(w));
  const short = words.slice(0, 2).join(' ');
  return short.length > 22 ? `${short.slice(0, 21)}…` : short;
}

// Days late (y) per invoice by due date (x); hollow dots are still unpaid, the dashed line is
// the grace period of the late_payment sign.
export function lateOption(
  invoices: LateInvoicePoint[],
  graceDays: number,
  currency: string,
): ChartOption {
  const point = (inv: LateInvoicePoint) => ({
    value: [inv.due, inv.days_late],
    invoice: inv,
    itemStyle: {
      color: inv.open ? '#fff' : inv.late ? COLORS.red : COLORS.green,
      borderColor: inv.late ? COLORS.red : COLORS.green,
      borderWidth: 2,
      opacity: inv.in_window ? 1 : 0.45,
    },
  });
  const lateness = invoices.map((inv) => inv.days_late);
  const high = Math.max(graceDays + 2, ...lateness);
  const low = Math.min(0, ...lateness);
  const yStep = Math.max(1, niceStep((high - low) / 5));
  const yTop = Math.ceil(high / yStep) * yStep;
  const yBottom = Math.floor(low / yStep) * yStep;
  return {
    grid: { left: 52, right: 24, top: 32, bottom: 40 },
    // One series per kind of dot, so that the legend shows each as it is drawn.
    legend: {
      top: 0,
      right: 0,
      data: [
        t('chart.late_series_on_time'),
        t('chart.late_series_late'),
        t('chart.late_series_open'),
      ],
    },
    tooltip: {
      trigger: 'item',
      formatter: (p: { data: { invoice: LateInvoicePoint } }) => {
        const inv = p.data.invoice;
        return [
          `<strong>${escapeHtml(t('col.invoice'))} ${escapeHtml(inv.invoice)}</strong>`,
          // The amount is net of credit notes: said so, with what they took off, when any did.
          ...(toNumber(inv.credited) > 0
            ? [
                `${escapeHtml(t('col.net'))}: ${escapeHtml(money(inv.net, currency))}`,
                `${escapeHtml(t('col.credited'))}: ${escapeHtml(money(inv.credited, currency))}`,
              ]
            : [`${escapeHtml(t('col.amount'))}: ${escapeHtml(money(inv.amount, currency))}`]),
          `${escapeHtml(t('col.due'))}: ${escapeHtml(date(inv.due))}`,
          `${escapeHtml(t('col.paid'))}: ${escapeHtml(inv.settled ? date(inv.settled) : t('chart.late_series_open'))}`,
          `${escapeHtml(t('chart.days_late'))}: ${inv.days_late}`,
        ].join('<br>');
      },
    },
    xAxis: {
      type: 'time',
      minInterval: MONTH_MS,
      splitNumber: 5,
      ...AXIS,
      axisLabel: { color: COLORS.muted, formatter: timeLabel, hideOverlap: true },
    },
    yAxis: {
      type: 'value',
      name: t('chart.days_late'),
      nameLocation: 'middle',
      nameGap: 36,
      // Always tall enough to show the grace line, also for a client that pays early.
      max: yTop,
      min: yBottom,
      interval: yStep,
      ...AXIS,
    },
    series: [
      {
        name: t('chart.late_series_on_time'),
        type: 'scatter',
        symbolSize: 10,
        itemStyle: { color: COLORS.green },
        data: invoices.filter((inv) => !inv.open && !inv.late).map(point),
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { color: COLORS.amber, type: 'dashed' },
          label: {
            formatter: t('chart.grace', graceDays),
            position: 'insideEndTop',
            color: COLORS.amber,
          },
          data: [{ yAxis: graceDays }],
        },
      },
      {
        name: t('chart.late_series_late'),
        type: 'scatter',
        symbolSize: 10,
        itemStyle: { color: COLORS.red },
        data: invoices.filter((inv) => !inv.open && inv.late).map(point),
      },
      {
        name: t('chart.late_series_open'),
        type: 'scatter',
        symbol: 'circle',
        symbolSize: 10,
        itemStyle: { color: '#fff', borderColor: COLORS.red, borderWidth: 2 },
        data: invoices.filter((inv) => inv.open).map(point),
      },
    ],
  };
}

function parseInterval(text: string): [number, number] | null {
  const match = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const start = Number(match[1]) + Number(match[2]) / 60;
  const end = Number(match[3]) + Number(match[4]) / 60;
  return end > start ? [start, end] : null;
}

// Inbound contacts by weekday (rows, Monday on top) and hour (columns), with the working
// hours of each day outlined.
export function heatmapOption(contacts: ContactHeatmap): ChartOption {
  const days = WEEKDAYS.map((d) => t(`day_short.${d}`));
  const hours = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'));
  const cells: [number, number, number][] = [];
  let max = 1;
  contacts.counts.forEach((row, day) =>
    row.forEach((count, hour) => {
      cells.push([hour, day, count]);
      max = Math.max(max, count);
    }),
  );
  const outlines: [number, number, number][] = [];
  WEEKDAYS.forEach((d, day) => {
    for (const interval of contacts.working_hours[d] ?? []) {
      const parsed = parseInterval(interval);
      if (parsed) outlines.push([parsed[0], day, parsed[1]]);
    }
  });
  // An hour is in working time when its middle is inside one of the day's intervals.
  const working = (hour: number, day: number) =>
    outlines.some(([start, d, end]) => d === day && hour + 0.5 > start && hour + 0.5 < end);
  // Contacts in working hours are expected: a neutral blue; outside them, red, darker with
  // more contacts.
  const shade = (count: number, inHours: boolean) => {
    if (count === 0) return '#f4f6f8';
    const strength = count / max;
    const scale = inHours
      ? ['#dbe6f4', '#a9c1e3', '#6f93c8', '#2456a6']
      : ['#f6d3c9', '#e99a84', '#d9541e', '#8f1c22'];
    return scale[Math.min(scale.length - 1, Math.floor(strength * scale.length))];
  };
  return {
    grid: { left: 44, right: 12, top: 8, bottom: 64 },
    tooltip: {
      formatter: (p: { seriesType: string; value: [number, number, number] }) => {
        if (p.seriesType !== 'heatmap') return t('chart.working_hours');
        const [hour, day, count] = p.value;
        return `${escapeHtml(t(`day.${WEEKDAYS[day]}`))} ${hours[hour]}:00–${hours[(hour + 1) % 24]}:00<br>${escapeHtml(
          t('chart.contacts_count', count),
        )}`;
      },
    },
    xAxis: {
      type: 'category',
      data: hours,
      splitArea: { show: false },
      ...AXIS,
      axisLabel: { color: COLORS.muted, interval: 2 },
    },
    yAxis: { type: 'category', data: days, inverse: true, ...AXIS },
    legend: {
      bottom: 0,
      left: 'center',
      selectedMode: false,
      data: [t('chart.contacts_in_hours'), t('chart.contacts_after_hours')],
    },
    series: [
      {
        type: 'heatmap',
        data: cells.map(([hour, day, count]) => ({
          value: [hour, day, count],
          itemStyle: { color: shade(count, working(hour, day)) },
        })),
        itemStyle: { borderColor: '#fff', borderWidth: 1 },
        emphasis: { itemStyle: { borderColor: COLORS.text } },
      },
      // Legend entries only: the two colour scales.
      {
        name: t('chart.contacts_in_hours'),
        type: 'scatter',
        data: [],
        itemStyle: { color: '#6f93c8' },
      },
      {
        name: t('chart.contacts_after_hours'),
        type: 'scatter',
        data: [],
        itemStyle: { color: '#d9541e' },
      },
      {
        type: 'custom',
        silent: true,
        clip: false,
        z: 10,
        encode: { x: 0, y: 1 },
        data: outlines,
        renderItem: (
          _params: unknown,
          api: {
            value: (i: number) => number;
            coord: (v: number[]) => number[];
            size: (v: number[]) => number[];
          },
        ) => {
          const start = api.value(0);
          const day = api.value(1);
          const end = api.value(2);
          const [w, h] = [api.size([1, 0])[0], api.size([0, 1])[1]];
          const [cx0, cy] = api.coord([0, day]);
          const left = cx0 - w / 2;
          return {
            type: 'rect',
            shape: { x: left + start * w, y: cy - h / 2, width: (end - start) * w, height: h },
            style: { fill: 'none', stroke: COLORS.accent, lineWidth: 2 },
          };
        },
      },
    ],
  };
}

// Every client's effective rate, this one highlighted, against the reference rate.
export function rateOption(rate: RateComparison, currency: string): ChartOption {
  const rows = [...rate.clients].reverse(); // highest at the top of a horizontal bar chart
  const lines: object[] = [];
  if (rate.reference_rate !== null) {
    lines.push({
      xAxis: toNumber(rate.reference_rate),
      lineStyle: { color: COLORS.accent, type: 'dashed', width: 2 },
      label: {
        formatter: t('chart.reference', money(rate.reference_rate, currency)),
        position: 'end',
        color: COLORS.accent,
      },
    });
  }
  if (rate.target_hourly_rate !== null && rate.target_hourly_rate !== rate.reference_rate) {
    // Labelled above the reference's label, so that the two never collide however close
    // the rates are.
    lines.push({
      xAxis: toNumber(rate.target_hourly_rate),
      lineStyle: { color: COLORS.muted, type: 'dotted', width: 1 },
      label: {
        formatter: t('chart.target', money(rate.target_hourly_rate, currency)),
        position: 'end',
        distance: 20,
        color: COLORS.muted,
      },
    });
  }
  return {
    grid: { left: 136, right: 40, top: 48, bottom: 28 },
    tooltip: {
      trigger: 'item',
      formatter: (p: { data: { name: string; rate: string; hours: number } }) =>
        `<strong>${escapeHtml(p.data.name)}</strong><br>${escapeHtml(t('common.per_hour', money(p.data.rate, currency)))} · ${escapeHtml(
          t('common.hours_value', num(p.data.hours, 1)),
        )}`,
    },
    xAxis: {
      type: 'value',
      splitNumber: 4,
      ...AXIS,
      axisLabel: {
        color: COLORS.muted,
        hideOverlap: true,
        formatter: (v: number) => money(String(v), currency, 0),
      },
    },
    yAxis: {
      type: 'category',
      data: rows.map((c) => shortName(c.name)),
      ...AXIS,
      axisLabel: {
        color: COLORS.muted,
        width: 120,
        overflow: 'truncate',
        formatter: (value: string, index: number) =>
          rows[index]?.is_self ? `{self|${value}}` : value,
        rich: { self: { fontWeight: 'bold', color: COLORS.accent } },
      },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 18,
        data: rows.map((c) => ({
          value: toNumber(c.effective_rate),
          name: c.name,
          rate: c.effective_rate,
          hours: c.hours,
          itemStyle: { color: c.is_self ? COLORS.accent : '#c5ccd3' },
        })),
        markLine: { silent: true, symbol: 'none', data: lines },
      },
    ],
  };
}

// Cumulative hours on one project against its agreed hours.
export function burnupOption(project: BurnUp): ChartOption {
  const worked = project.points.map((p) => [p.date, p.worked_hours]);
  const extra = project.points.map((p) => [p.date, p.extra_hours]);
  const agreed = project.agreed_hours;
  const top = Math.max(agreed ?? 0, project.worked_hours, 1) * 1.05;
  const step = niceStep(top / 5);
  return {
    grid: { left: 44, right: 16, top: 40, bottom: 32 },
    legend: { top: 0, left: 0, data: [t('chart.worked'), t('chart.extra')] },
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => t('common.hours_value', num(v, 1)) },
    xAxis: {
      type: 'time',
      minInterval: MONTH_MS,
      splitNumber: 4,
      ...AXIS,
      axisLabel: { color: COLORS.muted, formatter: timeLabel, hideOverlap: true },
    },
    yAxis: { type: 'value', max: Math.ceil(top / step) * step, interval: step, ...AXIS },
    series: [
      {
        name: t('chart.worked'),
        type: 'line',
        step: 'end',
        showSymbol: false,
        data: worked,
        lineStyle: { color: COLORS.accent, width: 2 },
        itemStyle: { color: COLORS.accent },
        markLine:
          agreed === null
            ? undefined
            : {
                silent: true,
                symbol: 'none',
                lineStyle: { color: COLORS.text, type: 'dashed' },
                label: { formatter: t('chart.agreed', num(agreed, 1)), position: 'insideStartTop' },
                data: [{ yAxis: agreed }],
              },
      },
      {
        name: t('chart.extra'),
        type: 'line',
        step: 'end',
        showSymbol: false,
        data: extra,
        lineStyle: { color: COLORS.red, width: 1 },
        itemStyle: { color: COLORS.red },
        areaStyle: { color: 'rgba(192,38,45,0.18)' },
      },
    ],
  };
}

// The monthly score, each point coloured by that month's verdict, with a legend of the
// verdicts it shows.
export function historyOption(points: HistoryPoint[]): ChartOption {
  const verdicts = VERDICTS.filter((v) => points.some((p) => p.verdict === v));
  return {
    grid: { left: 48, right: 16, top: 40, bottom: 32 },
    legend: { top: 0, right: 0, selectedMode: false, data: verdicts.map((v) => verdictName(v)) },
    tooltip: {
      trigger: 'item',
      formatter: (p: { data: { point: HistoryPoint } }) =>
        `<strong>${escapeHtml(date(p.data.point.date))}</strong><br>${escapeHtml(t('client.score', p.data.point.score))}<br>${escapeHtml(
          verdictName(p.data.point.verdict),
        )}`,
    },
    xAxis: {
      type: 'category',
      data: points.map((p) => monthLabel(p.date)),
      boundaryGap: false,
      ...AXIS,
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: 100,
      name: t('col.score'),
      nameLocation: 'middle',
      nameGap: 32,
      ...AXIS,
    },
    series: [
      // Legend entries only: one per verdict shown, in its colour.
      ...verdicts.map((v) => ({
        name: verdictName(v),
        type: 'scatter',
        data: [],
        itemStyle: { color: VERDICT_COLORS[v] ?? COLORS.unknown },
      })),
      {
        type: 'line',
        symbol: 'circle',
        symbolSize: 9,
        lineStyle: { color: COLORS.muted, width: 2 },
        data: points.map((p) => ({
          value: p.score,
          point: p,
          itemStyle: { color: VERDICT_COLORS[p.verdict] ?? COLORS.unknown },
        })),
        markLine: {
          silent: true,
          symbol: 'none',
          label: { show: false },
          lineStyle: { color: COLORS.grid, type: 'dashed' },
          data: [{ yAxis: 100 - TROUBLE_LINE }],
        },
      },
    ],
  };
}

// Cash expected in per week (bars), from the payment forecast: the open amounts whose
// expected payment date falls in each of the next 13 weeks.
export function cashInOption(weeks: CashWeek[], currency: string): ChartOption {
  return {
    grid: { left: 64, right: 16, top: 24, bottom: 40 },
    tooltip: {
      trigger: 'item',
      formatter: (p: { data: { week: CashWeek } }) =>
        [
          `<strong>${escapeHtml(t('forecast.week_of', date(p.data.week.week_start)))}</strong>`,
          escapeHtml(money(p.data.week.expected_in, currency)),
          escapeHtml(t('forecast.invoices_count', p.data.week.invoices)),
        ].join('<br>'),
    },
    xAxis: {
      type: 'category',
      data: weeks.map((w) => date(w.week_start)),
      ...AXIS,
      axisLabel: { color: COLORS.muted, hideOverlap: true },
    },
    yAxis: {
      type: 'value',
      name: t('forecast.expected_in_axis', currency),
      nameLocation: 'end',
      ...AXIS,
      axisLabel: { color: COLORS.muted, formatter: (v: number) => num(v, 0) },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 28,
        itemStyle: { color: COLORS.accent },
        data: weeks.map((w) => ({ value: toNumber(w.expected_in), week: w })),
      },
    ],
  };
}

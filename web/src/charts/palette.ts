// The charts' colours and font, and the option type, without ECharts itself: the option
// builders (options.ts) and the pages use them before the library is loaded.

import type { EChartsCoreOption } from 'echarts/core';

export type ChartOption = EChartsCoreOption;

// What a chart is given (chart.tsx, echart.tsx).
export interface ChartProps {
  option: ChartOption;
  label: string; // what the chart shows, for screen readers
  height?: number;
  className?: string;
  onPointClick?: (data: unknown) => void;
}

// The page's font stack, named in full: ECharts measures labels with it to lay them out, and
// 'inherit' would make it measure a different font than the one drawn.
export const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif";

export const COLORS = {
  green: '#1b7f3b',
  amber: '#b26a00',
  red: '#c0262d',
  unknown: '#8a939c',
  accent: '#2456a6',
  muted: '#6b7580',
  grid: '#e3e7eb',
  text: '#1d242b',
};

export const VERDICT_COLORS: Record<string, string> = {
  keep: COLORS.green,
  watch: COLORS.amber,
  renegotiate: '#d9541e',
  part_ways: COLORS.red,
  insufficient_data: COLORS.unknown,
};

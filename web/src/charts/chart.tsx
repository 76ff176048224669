// One ECharts chart in a sized box. Only the chart types and components the dashboard uses
// are registered, which keeps the embedded bundle small. The SVG renderer draws crisp on any
// screen and leaves real <svg> elements that tests and screen readers can find.

import { useEffect, useRef } from 'preact/hooks';
import * as echarts from 'echarts/core';
import { BarChart, CustomChart, HeatmapChart, LineChart, ScatterChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import { LabelLayout } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';

echarts.use([
  BarChart,
  CustomChart,
  HeatmapChart,
  LineChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapComponent,
  LabelLayout,
  SVGRenderer,
]);

export type ChartOption = EChartsCoreOption;

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

interface Props {
  option: ChartOption;
  label: string; // what the chart shows, for screen readers
  height?: number;
  className?: string;
  onPointClick?: (data: unknown) => void;
}

export function Chart({ option, label, height = 280, className, onPointClick }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clickHandler = useRef(onPointClick);
  clickHandler.current = onPointClick;

  useEffect(() => {
    if (!box.current) return;
    const instance = echarts.init(box.current, null, { renderer: 'svg' });
    chart.current = instance;
    instance.on('click', (params) => clickHandler.current?.((params as { data?: unknown }).data));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(
      { animation: false, textStyle: { fontFamily: FONT, color: COLORS.text }, ...option },
      { notMerge: true },
    );
  }, [option]);

  return (
    <div
      ref={box}
      class={`chart ${className ?? ''}`}
      role="img"
      aria-label={label}
      style={{ height: `${height}px` }}
    />
  );
}

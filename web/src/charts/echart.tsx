// One ECharts chart in a sized box. Only the chart types and components the dashboard uses
// are registered, which keeps the embedded bundle small. The SVG renderer draws crisp on any
// screen and leaves real <svg> elements that tests and screen readers can find. Loaded on
// demand by chart.tsx: pages never import this module, so ECharts is not part of the first
// load.

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
import { COLORS, FONT, type ChartProps } from './palette';

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

export function EChart({ option, label, height = 280, className, onPointClick }: ChartProps) {
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

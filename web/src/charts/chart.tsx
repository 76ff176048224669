// A chart in a sized box, drawn by ECharts (echart.tsx) once its box comes near the screen,
// or a moment after the page is shown, whichever is first. ECharts is the dashboard's
// largest piece (about 220 kB gzipped): loaded this way, no page waits for it before its
// rows and figures appear, and a page without a chart never loads it.

import type { ComponentType } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ChartProps } from './palette';

export type { ChartOption, ChartProps } from './palette';

// How long after a chart's box appears it is drawn even far from the screen (ms).
const DRAW_ANYWAY = 1500;

let library: Promise<ComponentType<ChartProps>> | null = null;
function loadChart(): Promise<ComponentType<ChartProps>> {
  library ??= import('./echart').then((module) => module.EChart);
  return library;
}

export function Chart(props: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const [Drawn, setDrawn] = useState<ComponentType<ChartProps> | null>(null);

  useEffect(() => {
    if (Drawn || !box.current) return;
    let done = false;
    const draw = () => {
      if (done) return;
      done = true;
      observer.disconnect();
      clearTimeout(timer);
      void loadChart().then((component) => setDrawn(() => component));
    };
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) draw();
      },
      { rootMargin: '300px' },
    );
    observer.observe(box.current);
    const timer = setTimeout(draw, DRAW_ANYWAY);
    return () => {
      done = true;
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [Drawn]);

  if (Drawn) return <Drawn {...props} />;
  const { label, height = 280, className } = props;
  return (
    <div
      ref={box}
      class={`chart ${className ?? ''}`}
      role="img"
      aria-label={label}
      aria-busy="true"
      style={{ height: `${height}px` }}
    />
  );
}

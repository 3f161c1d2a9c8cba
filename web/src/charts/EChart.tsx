// A thin React wrapper around one ECharts instance; ECharts itself is loaded on first use.
import { useEffect, useRef } from 'react';
import type { EChartsCoreOption } from 'echarts/core';

export interface ChartClick { dataType?: string; data?: unknown; name?: string }

export function EChart({ option, height = 300, onClick, testId }: {
  option: EChartsCoreOption; height?: number; onClick?: (event: ChartClick) => void; testId?: string;
}) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<import('echarts/core').ECharts | null>(null);
  const clickHandler = useRef(onClick);
  clickHandler.current = onClick;

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | null = null;
    import('./echarts').then(({ echarts }) => {
      if (disposed || !element.current) return;
      chart.current = echarts.init(element.current);
      chart.current.setOption(option, true);
      chart.current.on('click', (event) => clickHandler.current?.(event as ChartClick));
      observer = new ResizeObserver(() => chart.current?.resize());
      observer.observe(element.current);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
    // The instance is created once; option changes go through the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => { chart.current?.setOption(option, true); }, [option]);

  return <div ref={element} style={{ width: '100%', height }} data-testid={testId} />;
}

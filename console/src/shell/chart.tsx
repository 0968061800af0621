import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import { useEffect, useRef } from 'react';

/**
 * An ECharts chart that follows `option` and its container's size. ECharts is fetched with the first
 * chart on screen, so a page without charts (and the first paint of one with them) does not wait for it.
 */
export function Chart({ option, height = 300, label }: { option: EChartsCoreOption; height?: number; label: string }) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const latest = useRef(option);
  latest.current = option;
  useEffect(() => {
    let disposed = false;
    let resize: ResizeObserver | undefined;
    void import('./echarts').then(({ init }) => {
      if (disposed || !element.current) return;
      const instance = init(element.current, undefined, { renderer: 'canvas' });
      chart.current = instance;
      instance.setOption(latest.current, true);
      resize = new ResizeObserver(() => instance.resize());
      resize.observe(element.current);
    });
    return () => {
      disposed = true;
      resize?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);
  return <div ref={element} role="img" aria-label={label} style={{ width: '100%', height }} />;
}

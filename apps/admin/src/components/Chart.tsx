import { BarChart, LineChart } from 'echarts/charts';
import { DatasetComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  DatasetComponent,
  SVGRenderer,
]);

export type ChartOption = echarts.EChartsCoreOption;

/**
 * An ECharts chart (SVG renderer, zh-CN). `onClick` receives the clicked item's series and data
 * names, so a bar drills down. `summary` is what a screen reader announces instead of the picture.
 */
export function Chart({
  option,
  height = 300,
  summary,
  onClick,
}: {
  option: ChartOption;
  height?: number;
  summary: string;
  onClick?: (p: { seriesName: string; name: string; dataIndex: number }) => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (ref.current === null) {
      return;
    }
    const chart = echarts.init(ref.current, undefined, { renderer: 'svg', locale: 'ZH' });
    chart.setOption(option);
    if (onClick !== undefined) {
      chart.on('click', (p) => onClick({ seriesName: p.seriesName ?? '', name: p.name, dataIndex: p.dataIndex }));
    }
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [option, onClick]);
  return <div ref={ref} role="img" aria-label={summary} style={{ width: '100%', height }} />;
}

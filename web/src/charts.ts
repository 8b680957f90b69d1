// Charts on canvas: the page's CSP allows no inline style or script, and a canvas needs neither.
// Tooltips are drawn on the canvas too (richText), so names from the API never pass through
// ECharts' HTML tooltip.
import type { EChartsCoreOption } from 'echarts/core';
import { errorBox, h } from './dom.ts';

const FONT = '"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif';
const COLORS = ['#1f5fa8', '#c0392b', '#2e8b57', '#d4860b', '#6c4fa3', '#138496', '#8d6e63', '#546e7a', '#ad1457', '#558b2f'];

/**
 * A chart box for the page to place; the chart is drawn once the box is in the document (ECharts
 * measures its width there) and disposed of when the page goes away.
 */
export function chartBox(option: EChartsCoreOption, signal: AbortSignal, attrs: { id?: string; height?: number } = {}): HTMLDivElement {
  const el = h('div', { class: 'chart', id: attrs.id });
  el.style.height = `${attrs.height ?? 360}px`;
  const draw = async () => {
    const { init } = await import('./echarts-setup.ts');
    // The page places the box right after building it; by the time the chunk is in, it is there.
    if (signal.aborted || !el.isConnected) return;
    const chart = init(el, null, { renderer: 'canvas' });
    chart.setOption({ color: COLORS, textStyle: { fontFamily: FONT }, animation: false, ...option });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    signal.addEventListener('abort', () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    });
  };
  draw().catch(() => el.replaceChildren(errorBox('图表加载失败，请刷新页面重试')));
  return el;
}

const tooltip = { trigger: 'axis', renderMode: 'richText', confine: true } as const;

export interface LineSeries {
  name: string;
  /** Aligned with the categories; null where there is no value. */
  data: (number | null)[];
}

export function lineOption(title: string, categories: string[], series: LineSeries[]): EChartsCoreOption {
  return {
    title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
    tooltip,
    legend: { type: 'scroll', bottom: 0 },
    grid: { left: 60, right: 30, top: 50, bottom: 60, containLabel: true },
    xAxis: { type: 'category', data: categories, boundaryGap: false },
    yAxis: { type: 'value', scale: true },
    series: series.map((s) => ({ type: 'line', name: s.name, data: s.data, connectNulls: false, symbolSize: 7 })),
  };
}

export function barOption(title: string, categories: string[], values: number[], seriesName: string): EChartsCoreOption {
  const many = categories.length > 6;
  return {
    title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
    tooltip: { ...tooltip, trigger: 'item' },
    grid: { left: 60, right: 30, top: 50, bottom: many ? 100 : 50, containLabel: true },
    xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, rotate: many ? 35 : 0, width: 120, overflow: 'truncate' } },
    yAxis: { type: 'value' },
    series: [{ type: 'bar', name: seriesName, data: values, barMaxWidth: 48, label: { show: categories.length <= 20, position: 'top' } }],
  };
}

// A horizontal bar chart drawn on the server as SVG: no script, readable by screen readers through
// its title and description, and always shown next to a table with the same figures. Series differ
// by fill pattern as well as shade, so colour is never the only cue.

export interface BarSeries {
  label: string;
}

export interface BarRow {
  label: string;
  /** Percentages 0-100; null when hidden or empty. */
  values: Array<number | null>;
}

import { formatPercent } from '../format.js';
import { useUi } from '../ui-context.js';

// The hatch pattern is the chart's own: several charts on one page must not repeat an id.
const fillsOf = (id: string) => ['#1a1a1a', `url(#${id}-hatch)`, '#ffffff'];

export function BarChart(props: { id: string; title: string; description: string; series: BarSeries[]; rows: BarRow[]; hiddenLabel: string }) {
  const { lang } = useUi();
  const fills = fillsOf(props.id);
  const barHeight = 14;
  const gap = 4;
  const groupHeight = props.series.length * (barHeight + gap) + 16;
  const labelWidth = 60;
  const chartWidth = 400;
  const legendHeight = 24 * props.series.length;
  const height = props.rows.length * groupHeight + legendHeight + 10;
  return (
    <svg class="app-chart" role="img" aria-labelledby={`${props.id}-title ${props.id}-desc`} viewBox={`0 0 ${labelWidth + chartWidth + 60} ${height}`} width="100%" preserveAspectRatio="xMinYMin meet">
      <title id={`${props.id}-title`}>{props.title}</title>
      <desc id={`${props.id}-desc`}>{props.description}</desc>
      <defs>
        <pattern id={`${props.id}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#ffffff" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="#1a1a1a" stroke-width="3" />
        </pattern>
      </defs>
      {props.series.map((serie, i) => (
        <g>
          <rect x="0" y={i * 24} width="16" height="16" fill={fills[i % fills.length]} stroke="#1a1a1a" />
          <text x="24" y={i * 24 + 13} font-size="13">{serie.label}</text>
        </g>
      ))}
      {props.rows.map((row, r) => {
        const top = legendHeight + 10 + r * groupHeight;
        return (
          <g>
            <text x="0" y={top + barHeight} font-size="13" font-weight="bold">{row.label}</text>
            {row.values.map((value, i) => {
              const y = top + i * (barHeight + gap);
              return value === null ? (
                <text x={labelWidth} y={y + barHeight - 2} font-size="12">{props.hiddenLabel}</text>
              ) : (
                <g>
                  <rect x={labelWidth} y={y} width={Math.max(1, (value / 100) * chartWidth)} height={barHeight} fill={fills[i % fills.length]} stroke="#1a1a1a" />
                  <text x={labelWidth + (value / 100) * chartWidth + 6} y={y + barHeight - 2} font-size="12">{formatPercent(value, lang)}</text>
                </g>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}

export { barChart, groupedBarChart, SUPPRESSED_STUB } from './barChart.ts';
export type { BarChartOptions, BarDatum, BarSeries, GroupedBarChartOptions, GroupedBarDatum } from './barChart.ts';
export { columnChart, niceStep, ratingChart, SUPPRESSED_COLUMN_STUB } from './columnChart.ts';
export type { ColumnChartOptions, ColumnDatum, RatingChartOptions } from './columnChart.ts';
export { escapeXml, formatCount, formatShare, isHidden, PALETTE, PATTERNS, safeId, shorten } from './svg.ts';
export type { ChartFrame, ChartSuppressed, ChartValue } from './svg.ts';

import {
  colourOf,
  fillOf,
  formatCount,
  INK,
  isHidden,
  MUTED_INK,
  patternDef,
  round,
  safeId,
  shorten,
  suppressedFill,
  suppressedPatternDef,
  svgDocument,
  textElement,
  type ChartFrame,
  type ChartValue,
} from './svg.ts';

export interface BarDatum {
  readonly label: string;
  readonly value: ChartValue;
  /** Said after a shown value, e.g. the share ("23 %"); never after a hidden one. */
  readonly note?: string | undefined;
}

export interface BarChartOptions extends ChartFrame {
  /** In the order drawn, top to bottom (rank them before). */
  readonly bars: readonly BarDatum[];
  /** For the numbers ("sv", "en"). */
  readonly locale: string;
  /** What a hidden value reads as, e.g. "visas inte" (not "fewer than k": a number hidden to protect a neighbour may be larger). */
  readonly suppressedLabel: string;
  /** Shown instead of bars when there are none. */
  readonly emptyLabel: string;
  readonly width?: number | undefined;
}

const ROW = 30;
const BAR = 18;
const TOP = 8;
const LABEL_CHARS = 30;
/** A hidden value's stub: always this wide, so its length says nothing about the number. */
export const SUPPRESSED_STUB = 26;

/**
 * Horizontal bars, one per label, each with its number written after it. A hidden value is a short hatched stub of
 * fixed length with the words for a hidden value; its number appears nowhere in the chart.
 */
export function barChart(options: BarChartOptions): string {
  const id = safeId(options.id);
  const width = options.width ?? 640;
  const labelWidth = Math.round(width * 0.36);
  const plotStart = labelWidth + 10;
  const valueRoom = 130;
  const plotWidth = Math.max(40, width - plotStart - valueRoom);
  if (options.bars.length === 0) {
    return svgDocument(options, width, 40, '', textElement(8, 24, options.emptyLabel, `fill="${MUTED_INK}"`));
  }
  const largest = Math.max(1, ...options.bars.map((bar) => (isHidden(bar.value) ? 0 : bar.value)));
  const height = TOP * 2 + options.bars.length * ROW;
  const anyHidden = options.bars.some((bar) => isHidden(bar.value));
  const rows = options.bars.map((bar, index) => {
    const y = TOP + index * ROW;
    const middle = y + ROW / 2;
    const label = textElement(labelWidth, middle + 4, shorten(bar.label, LABEL_CHARS), `text-anchor="end" fill="${INK}"`);
    if (isHidden(bar.value)) {
      return (
        `<g class="chart-bar chart-bar--suppressed">${label}` +
        `<rect x="${plotStart}" y="${round(middle - BAR / 2)}" width="${SUPPRESSED_STUB}" height="${BAR}" fill="${suppressedFill(id)}" stroke="${MUTED_INK}" stroke-width="1"/>` +
        textElement(plotStart + SUPPRESSED_STUB + 6, middle + 4, options.suppressedLabel, `fill="${INK}" font-style="italic"`) +
        '</g>'
      );
    }
    const length = bar.value === 0 ? 0 : Math.max(2, (bar.value / largest) * plotWidth);
    const value = formatCount(bar.value, options.locale) + (bar.note === undefined ? '' : `  (${bar.note})`);
    return (
      `<g class="chart-bar">${label}` +
      (length === 0 ? '' : `<rect x="${plotStart}" y="${round(middle - BAR / 2)}" width="${round(length)}" height="${BAR}" fill="${colourOf(0)}"/>`) +
      textElement(plotStart + length + 6, middle + 4, value, `fill="${INK}"`) +
      '</g>'
    );
  });
  const axis = `<line x1="${plotStart}" y1="${TOP}" x2="${plotStart}" y2="${height - TOP}" stroke="${INK}" stroke-width="1"/>`;
  return svgDocument(options, width, height, anyHidden ? suppressedPatternDef(id) : '', rows.join('') + axis);
}

export interface BarSeries {
  readonly name: string;
}

export interface GroupedBarDatum {
  readonly label: string;
  /** One per series, in the series' order. */
  readonly values: readonly ChartValue[];
}

export interface GroupedBarChartOptions extends ChartFrame {
  readonly series: readonly BarSeries[];
  readonly groups: readonly GroupedBarDatum[];
  readonly locale: string;
  readonly suppressedLabel: string;
  readonly emptyLabel: string;
  readonly width?: number | undefined;
}

const GROUP_BAR = 14;
const GROUP_GAP = 12;
const LEGEND = 28;

/**
 * Horizontal bars in groups, one bar per series (for instance this period and the one before). Each series has its
 * own colour and fill pattern, named in a legend in the same order as the bars, and every bar has its number.
 */
export function groupedBarChart(options: GroupedBarChartOptions): string {
  const id = safeId(options.id);
  const width = options.width ?? 640;
  const labelWidth = Math.round(width * 0.36);
  const plotStart = labelWidth + 10;
  const plotWidth = Math.max(40, width - plotStart - 110);
  if (options.groups.length === 0 || options.series.length === 0) {
    return svgDocument(options, width, 40, '', textElement(8, 24, options.emptyLabel, `fill="${MUTED_INK}"`));
  }
  const values = options.groups.flatMap((group) => group.values);
  const largest = Math.max(1, ...values.map((value) => (isHidden(value) ? 0 : value)));
  const groupHeight = options.series.length * (GROUP_BAR + 4) + GROUP_GAP;
  const height = LEGEND + 8 + options.groups.length * groupHeight;
  const legend = options.series
    .map((series, index) => {
      const x = 8 + index * Math.floor((width - 16) / options.series.length);
      return `<g class="chart-legend"><rect x="${x}" y="6" width="16" height="16" fill="${fillOf(id, index)}" stroke="${colourOf(index)}" stroke-width="1"/>${textElement(x + 22, 19, shorten(series.name, 36), `fill="${INK}"`)}</g>`;
    })
    .join('');
  const groups = options.groups.map((group, groupIndex) => {
    const top = LEGEND + 8 + groupIndex * groupHeight;
    const label = textElement(labelWidth, top + (groupHeight - GROUP_GAP) / 2 + 4, shorten(group.label, LABEL_CHARS), `text-anchor="end" fill="${INK}"`);
    const bars = options.series.map((_, seriesIndex) => {
      const value = group.values[seriesIndex] ?? 0;
      const y = top + seriesIndex * (GROUP_BAR + 4);
      if (isHidden(value)) {
        return (
          `<rect x="${plotStart}" y="${y}" width="${SUPPRESSED_STUB}" height="${GROUP_BAR}" fill="${suppressedFill(id)}" stroke="${MUTED_INK}" stroke-width="1"/>` +
          textElement(plotStart + SUPPRESSED_STUB + 6, y + GROUP_BAR - 3, options.suppressedLabel, `fill="${INK}" font-style="italic" font-size="12"`)
        );
      }
      const length = value === 0 ? 0 : Math.max(2, (value / largest) * plotWidth);
      return (
        (length === 0 ? '' : `<rect x="${plotStart}" y="${y}" width="${round(length)}" height="${GROUP_BAR}" fill="${fillOf(id, seriesIndex)}" stroke="${colourOf(seriesIndex)}" stroke-width="1"/>`) +
        textElement(plotStart + length + 6, y + GROUP_BAR - 3, formatCount(value, options.locale), `fill="${INK}" font-size="12"`)
      );
    });
    return `<g class="chart-group">${label}${bars.join('')}</g>`;
  });
  const defs = options.series.map((_, index) => patternDef(id, index)).join('') + (values.some(isHidden) ? suppressedPatternDef(id) : '');
  const axis = `<line x1="${plotStart}" y1="${LEGEND + 8}" x2="${plotStart}" y2="${height - GROUP_GAP / 2}" stroke="${INK}" stroke-width="1"/>`;
  return svgDocument(options, width, height, defs, legend + groups.join('') + axis);
}



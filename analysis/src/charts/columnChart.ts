import {
  colourOf,
  formatCount,
  INK,
  isHidden,
  MUTED_INK,
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

export interface ColumnDatum {
  /** Under the column, e.g. a month ("jan. 2027") or a rating ("4"). */
  readonly label: string;
  readonly value: ChartValue;
}

export interface ColumnChartOptions extends ChartFrame {
  readonly columns: readonly ColumnDatum[];
  readonly locale: string;
  /** A short mark above a hidden value's stub, e.g. "< 5" — not the number, which is never drawn. */
  readonly suppressedShortLabel: string;
  readonly emptyLabel: string;
  readonly width?: number | undefined;
  readonly height?: number | undefined;
}

const LEFT = 44;
const RIGHT = 8;
const TOP = 22;
const BOTTOM = 34;
/** A hidden value's stub: always this tall, whatever the number. */
export const SUPPRESSED_COLUMN_STUB = 10;

/** 1, 2 or 5 times a power of ten, at least `value`: gridlines at round numbers. */
export function niceStep(value: number): number {
  if (value <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const factor of [1, 2, 5, 10]) if (factor * power >= value) return factor * power;
  return 10 * power;
}

/**
 * Vertical columns over a category axis (months of a trend, ratings 1–5), each with its number above it. A hidden
 * value is a low hatched stub of fixed height with a short mark instead of a number.
 */
export function columnChart(options: ColumnChartOptions): string {
  const id = safeId(options.id);
  const width = options.width ?? 640;
  const height = options.height ?? 240;
  if (options.columns.length === 0) {
    return svgDocument(options, width, 40, '', textElement(8, 24, options.emptyLabel, `fill="${MUTED_INK}"`));
  }
  const plotWidth = width - LEFT - RIGHT;
  const plotHeight = height - TOP - BOTTOM;
  const baseline = TOP + plotHeight;
  const shown = options.columns.map((column) => (isHidden(column.value) ? 0 : column.value));
  const step = niceStep(Math.max(1, ...shown) / 4);
  const top = Math.max(step, Math.ceil(Math.max(1, ...shown) / step) * step);
  const slot = plotWidth / options.columns.length;
  const columnWidth = Math.max(4, Math.min(48, slot * 0.7));
  // Label every column when they fit, else every second, third…: the table beside the chart has them all.
  const labelEvery = Math.max(1, Math.ceil(64 / slot));
  const valueFontSize = slot < 26 ? 10 : 12;
  const grid: string[] = [];
  for (let tick = 0; tick <= top; tick += step) {
    const y = round(baseline - (tick / top) * plotHeight);
    grid.push(`<line x1="${LEFT}" y1="${y}" x2="${width - RIGHT}" y2="${y}" stroke="#b1b4b6" stroke-width="${tick === 0 ? 0 : 0.5}"/>`);
    grid.push(textElement(LEFT - 6, y + 4, formatCount(tick, options.locale), `text-anchor="end" fill="${MUTED_INK}" font-size="11"`));
  }
  const columns = options.columns.map((column, index) => {
    const centre = LEFT + slot * index + slot / 2;
    const x = round(centre - columnWidth / 2);
    const label = index % labelEvery === 0 ? textElement(centre, baseline + 18, shorten(column.label, 12), `text-anchor="middle" fill="${INK}" font-size="12"`) : '';
    if (isHidden(column.value)) {
      return (
        `<g class="chart-column chart-column--suppressed"><rect x="${x}" y="${baseline - SUPPRESSED_COLUMN_STUB}" width="${round(columnWidth)}" height="${SUPPRESSED_COLUMN_STUB}" fill="${suppressedFill(id)}" stroke="${MUTED_INK}" stroke-width="1"/>` +
        textElement(centre, baseline - SUPPRESSED_COLUMN_STUB - 5, options.suppressedShortLabel, `text-anchor="middle" fill="${INK}" font-style="italic" font-size="${valueFontSize}"`) +
        `${label}</g>`
      );
    }
    const columnHeight = column.value === 0 ? 0 : Math.max(2, (column.value / top) * plotHeight);
    return (
      '<g class="chart-column">' +
      (columnHeight === 0 ? '' : `<rect x="${x}" y="${round(baseline - columnHeight)}" width="${round(columnWidth)}" height="${round(columnHeight)}" fill="${colourOf(0)}"/>`) +
      textElement(centre, baseline - columnHeight - 5, formatCount(column.value, options.locale), `text-anchor="middle" fill="${INK}" font-size="${valueFontSize}"`) +
      `${label}</g>`
    );
  });
  const axis = `<line x1="${LEFT}" y1="${baseline}" x2="${width - RIGHT}" y2="${baseline}" stroke="${INK}" stroke-width="1"/>`;
  const anyHidden = options.columns.some((column) => isHidden(column.value));
  return svgDocument(options, width, height, anyHidden ? suppressedPatternDef(id) : '', grid.join('') + columns.join('') + axis);
}

export interface RatingChartOptions extends ChartFrame {
  readonly distribution: ReadonlyArray<{ readonly rating: number; readonly count: ChartValue }>;
  /** The label under a rating, e.g. "4 av 5". */
  readonly ratingLabel: (rating: number) => string;
  readonly locale: string;
  readonly suppressedShortLabel: string;
  readonly emptyLabel: string;
  readonly width?: number | undefined;
}

/** How many stories gave each rating, 1 to 5, as columns. */
export function ratingChart(options: RatingChartOptions): string {
  const { distribution, ratingLabel, ...rest } = options;
  return columnChart({
    ...rest,
    width: options.width ?? 400,
    height: 220,
    columns: [...distribution].sort((a, b) => a.rating - b.rating).map((entry) => ({ label: ratingLabel(entry.rating), value: entry.count })),
  });
}

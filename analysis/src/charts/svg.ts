/**
 * Small building blocks shared by the charts: escaping, ids, the palette and its fill patterns, number formatting.
 * Everything here is pure: the same input gives the same string, byte for byte.
 */

/** A count that is shown (0, or at least k) or hidden: the summaries' own shape. */
export interface ChartSuppressed {
  readonly suppressed: true;
}
export type ChartValue = number | ChartSuppressed;

export function isHidden(value: ChartValue): value is ChartSuppressed {
  return typeof value === 'object';
}

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text for SVG/XML content and attribute values. Control characters other than tab and line breaks are not allowed
 * in XML at all, so they are dropped rather than escaped.
 */
export function escapeXml(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

/** An id fragment safe in `id`, `url(#…)` and `aria-labelledby`: letters, digits and hyphens only. */
export function safeId(id: string): string {
  const cleaned = id.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
  return cleaned === '' ? 'chart' : /^[a-z]/.test(cleaned) ? cleaned : `c-${cleaned}`;
}

/**
 * Okabe & Ito's palette, told apart by people with each common kind of colour blindness. The colours are in an
 * order where neighbours differ in lightness too; every one has at least 3:1 contrast against white.
 */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#56B4E9', '#E69F00'] as const;
/** Darker ink for text and outlines. */
export const INK = '#0b0c0c';
export const MUTED_INK = '#505a5f';

/** One fill pattern per series, so that a series is told by its pattern as well as its colour. */
export const PATTERNS = ['solid', 'diagonal', 'dots', 'cross', 'horizontal', 'vertical'] as const;
export type PatternKind = (typeof PATTERNS)[number];

export function colourOf(index: number): string {
  return PALETTE[index % PALETTE.length] ?? PALETTE[0];
}

export function patternOf(index: number): PatternKind {
  return PATTERNS[index % PATTERNS.length] ?? 'solid';
}

/** The `<pattern>` for series `index` (none for a solid fill), with the id `fillId(chartId, index)`. */
export function patternDef(chartId: string, index: number): string {
  const colour = colourOf(index);
  const kind = patternOf(index);
  const id = fillId(chartId, index);
  const background = `<rect width="8" height="8" fill="${colour}"/>`;
  switch (kind) {
    case 'solid':
      return '';
    case 'diagonal':
      return `<pattern id="${id}" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">${background}<rect width="3" height="8" fill="#ffffff" fill-opacity="0.55"/></pattern>`;
    case 'dots':
      return `<pattern id="${id}" width="8" height="8" patternUnits="userSpaceOnUse">${background}<circle cx="4" cy="4" r="1.8" fill="#ffffff" fill-opacity="0.7"/></pattern>`;
    case 'cross':
      return `<pattern id="${id}" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">${background}<rect width="2" height="8" fill="#ffffff" fill-opacity="0.55"/><rect width="8" height="2" fill="#ffffff" fill-opacity="0.55"/></pattern>`;
    case 'horizontal':
      return `<pattern id="${id}" width="8" height="8" patternUnits="userSpaceOnUse">${background}<rect width="8" height="3" fill="#ffffff" fill-opacity="0.55"/></pattern>`;
    case 'vertical':
      return `<pattern id="${id}" width="8" height="8" patternUnits="userSpaceOnUse">${background}<rect width="3" height="8" fill="#ffffff" fill-opacity="0.55"/></pattern>`;
  }
}

export function fillId(chartId: string, index: number): string {
  return `${chartId}-fill-${index}`;
}

/** The `fill` of series `index`: its colour, or its pattern. */
export function fillOf(chartId: string, index: number): string {
  return patternOf(index) === 'solid' ? colourOf(index) : `url(#${fillId(chartId, index)})`;
}

/** The hatching for a hidden value: grey diagonal lines on white, unlike any series fill. */
export function suppressedPatternDef(chartId: string): string {
  return `<pattern id="${chartId}-hidden" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/><rect width="2" height="6" fill="${MUTED_INK}"/></pattern>`;
}

export function suppressedFill(chartId: string): string {
  return `url(#${chartId}-hidden)`;
}

/** A whole number in the reader's language ("1 234" in Swedish). */
export function formatCount(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

/** Rounds for drawing: coordinates with at most one decimal keep the string short and stable. */
export function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** A label cut to `max` characters (whole code points) with an ellipsis; the full text stays in the chart's table. */
export function shorten(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, Math.max(1, max - 1)).join('').trimEnd()}…`;
}

/**
 * A `<text>` whose own direction comes from its content (like `dir="auto"` in HTML), isolated from what is around
 * it, so an Arabic or Persian label reads right and its neighbours do not move. Only the anchoring stays fixed.
 */
export function textElement(x: number, y: number, text: string, attributes: string = ''): string {
  return `<text x="${round(x)}" y="${round(y)}" unicode-bidi="plaintext"${attributes === '' ? '' : ` ${attributes}`}>${escapeXml(text)}</text>`;
}

export interface ChartFrame {
  /** Unique on the page: the ids of the title, description and patterns are made from it. */
  readonly id: string;
  readonly title: string;
  /** What the chart shows, in a sentence or two, for people who cannot see it. */
  readonly description: string;
  /** The language of the texts (`lang` on the svg). */
  readonly lang: string;
}

/**
 * The outer `<svg>`: role="img", named by its title and described by its description. No `style` attributes
 * anywhere: the back office's CSP allows style sheets from itself only, so sizing belongs in the page's CSS.
 */
export function svgDocument(frame: ChartFrame, width: number, height: number, defs: string, body: string): string {
  const id = safeId(frame.id);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" aria-labelledby="${id}-title ${id}-desc" lang="${escapeXml(frame.lang)}"` +
    ` viewBox="0 0 ${round(width)} ${round(height)}" width="100%" font-family="inherit" font-size="13">` +
    `<title id="${id}-title">${escapeXml(frame.title)}</title><desc id="${id}-desc">${escapeXml(frame.description)}</desc>` +
    (defs === '' ? '' : `<defs>${defs}</defs>`) +
    body +
    '</svg>'
  );
}

/** A share 0–1 as a percentage in the reader's language ("23 %" in Swedish). */
export function formatShare(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: value < 0.1 && value > 0 ? 1 : 0 }).format(value);
}

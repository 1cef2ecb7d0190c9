import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import {
  barChart,
  columnChart,
  escapeXml,
  groupedBarChart,
  niceStep,
  PALETTE,
  ratingChart,
  SUPPRESSED_COLUMN_STUB,
  SUPPRESSED_STUB,
  type ChartValue,
} from '../../analysis/src/index.ts';

const HIDDEN = { suppressed: true } as const;
const HOSTILE = `<script>alert("x")</script> & 'quotes' </svg><img src=x onerror=alert(1)>`;

const common = { lang: 'sv', locale: 'sv', emptyLabel: 'Inga berättelser' };

function bars(values: readonly ChartValue[], label = (index: number) => `Tema ${'abcdefgh'[index % 8]}`) {
  return barChart({
    ...common,
    id: 'themes',
    title: 'Teman',
    description: 'Antal berättelser per tema',
    suppressedLabel: 'färre än 5',
    bars: values.map((value, index) => ({ label: label(index), value })),
  });
}

/** Every text node of the SVG, in document order. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => new XMLParser({ processEntities: true, htmlEntities: false }).parse(`<t>${match[1]}</t>`).t.toString());
}

describe('charts: escaping', () => {
  it('escapes <, >, &, " and \' in every text a chart draws, and the result is well-formed XML', () => {
    const charts = [
      barChart({ ...common, id: 'a', title: HOSTILE, description: HOSTILE, suppressedLabel: HOSTILE, bars: [{ label: HOSTILE, value: 12, note: HOSTILE }, { label: 'x', value: HIDDEN }] }),
      columnChart({ ...common, id: 'b', title: HOSTILE, description: HOSTILE, suppressedShortLabel: HOSTILE, columns: [{ label: HOSTILE, value: 7 }, { label: HOSTILE, value: HIDDEN }] }),
      groupedBarChart({ ...common, id: 'c', title: HOSTILE, description: HOSTILE, suppressedLabel: HOSTILE, series: [{ name: HOSTILE }, { name: 'två' }], groups: [{ label: HOSTILE, values: [5, HIDDEN] }] }),
      barChart({ ...common, id: 'd', title: HOSTILE, description: HOSTILE, suppressedLabel: 'x', emptyLabel: HOSTILE, bars: [] }),
    ];
    for (const svg of charts) {
      expect(XMLValidator.validate(svg)).toBe(true);
      expect(svg).not.toContain('<script');
      expect(svg).not.toContain('<img');
      const elements = new Set([...svg.matchAll(/<([a-zA-Z]+)[\s>/]/g)].map((match) => match[1]));
      expect([...elements].filter((name) => !['svg', 'title', 'desc', 'defs', 'pattern', 'rect', 'circle', 'g', 'text', 'line'].includes(name!))).toEqual([]);
      expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
      expect(svg.match(/<svg/g)).toHaveLength(1);
      expect(svg.match(/<\/svg>/g)).toHaveLength(1);
    }
  });

  it('escapes any string so that it reads back unchanged, and drops characters XML cannot hold', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const escaped = escapeXml(text);
        expect(escaped).not.toMatch(/[<>"']/);
        expect(XMLValidator.validate(`<t>${escaped}</t>`)).toBe(true);
        const expected = text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
        const decoded = escaped.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&amp;', '&');
        expect(decoded).toBe(expected);
      }),
    );
    // A hundred XML parses: a loaded CI machine needs more than the default 5 s.
  }, 30_000);

  it('makes ids from anything into letters, digits and hyphens', () => {
    const svg = barChart({ ...common, id: '"><script>x', title: 't', description: 'd', suppressedLabel: 's', bars: [{ label: 'a', value: HIDDEN }] });
    expect(svg).toContain('aria-labelledby="script-x-title script-x-desc"');
    expect(svg).toContain('fill="url(#script-x-hidden)"');
  });
});

describe('charts: hidden values', () => {
  it('draws a hidden value as a fixed-length hatched stub with the words, never as a number', () => {
    const svg = bars([40, HIDDEN, 7, HIDDEN]);
    expect(texts(svg)).toEqual(['Tema a', '40', 'Tema b', 'färre än 5', 'Tema c', '7', 'Tema d', 'färre än 5']);
    const stubs = [...svg.matchAll(/<g class="chart-bar chart-bar--suppressed">.*?<rect[^>]* width="([\d.]+)"[^>]*fill="url\(#themes-hidden\)"/g)];
    expect(stubs.map((match) => Number(match[1]))).toEqual([SUPPRESSED_STUB, SUPPRESSED_STUB]);
    expect(svg).toContain('<pattern id="themes-hidden"');
  });

  it('draws the same stub whatever the hidden number was, and the shown bars do not change with it', () => {
    // A hidden value carries no number; charts of two data sets that differ only in hidden values are identical.
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 500 }), fc.constant(HIDDEN)), { minLength: 1, maxLength: 12 }), (values) => {
        const svg = bars(values);
        const shownTexts = texts(svg).filter((_, index) => index % 2 === 1);
        values.forEach((value, index) => expect(shownTexts[index]).toBe(typeof value === 'number' ? new Intl.NumberFormat('sv').format(value) : 'färre än 5'));
      }),
    );
  });

  it('marks a hidden month with the short mark and a stub of fixed height', () => {
    const svg = columnChart({ ...common, id: 'trend', title: 'Per månad', description: 'd', suppressedShortLabel: '< 5', columns: [{ label: 'jan', value: 12 }, { label: 'feb', value: HIDDEN }, { label: 'mar', value: 0 }] });
    expect(texts(svg).filter((text) => !/^\d+$/.test(text) || ['12', '0'].includes(text))).toEqual(expect.arrayContaining(['12', '< 5', '0', 'jan', 'feb', 'mar']));
    expect(svg).toMatch(new RegExp(`<g class="chart-column chart-column--suppressed"><rect [^>]*height="${SUPPRESSED_COLUMN_STUB}" fill="url\\(#trend-hidden\\)"`));
  });

  it('gives every series in a grouped chart its own colour and pattern, and hidden bars the hatching', () => {
    const svg = groupedBarChart({ ...common, id: 'cmp', title: 't', description: 'd', suppressedLabel: 'färre än 5', series: [{ name: 'Nu' }, { name: 'Förra' }], groups: [{ label: 'Väntetid', values: [30, HIDDEN] }, { label: 'Bemötande', values: [12, 9] }] });
    expect(svg).toContain(`fill="${PALETTE[0]}"`);
    expect(svg).toContain('fill="url(#cmp-fill-1)"');
    expect(svg).toContain('<pattern id="cmp-fill-1"');
    expect(texts(svg)).toEqual(['Nu', 'Förra', 'Väntetid', '30', 'färre än 5', 'Bemötande', '12', '9']);
  });
});

describe('charts: accessible names', () => {
  it('has role img, a title and a description that aria-labelledby names, in the given language', () => {
    for (const svg of [
      bars([3]),
      columnChart({ ...common, id: 'trend', title: 'Per månad', description: 'Antal per månad', suppressedShortLabel: '< 5', columns: [{ label: 'jan', value: 1 }] }),
      ratingChart({ ...common, id: 'rate', title: 'Betyg', description: 'Fördelning', suppressedShortLabel: '< 5', ratingLabel: (rating) => `${rating} av 5`, distribution: [{ rating: 2, count: 5 }, { rating: 1, count: HIDDEN }] }),
    ]) {
      const ids = /aria-labelledby="([^"]+)"/.exec(svg)![1]!.split(' ');
      expect(ids).toHaveLength(2);
      expect(svg).toMatch(new RegExp(`^<svg [^>]*role="img"[^>]*lang="sv"`));
      expect(svg).toContain(`<title id="${ids[0]}">`);
      expect(svg).toContain(`<desc id="${ids[1]}">`);
      expect(svg).not.toMatch(/ style=/);
    }
  });

  it('lets each label take its direction from its own text (Arabic reads right to left), isolated from its neighbours', () => {
    const svg = bars([20, 10], (index) => (index === 0 ? 'وقت الانتظار' : 'Väntetid'));
    const labels = [...svg.matchAll(/<text [^>]*>[^<]*<\/text>/g)].map((match) => match[0]);
    expect(labels.length).toBeGreaterThan(0);
    for (const label of labels) expect(label).toContain('unicode-bidi="plaintext"');
    expect(texts(svg)).toContain('وقت الانتظار');
  });

  it('orders the ratings 1 to 5 whatever order they come in', () => {
    const svg = ratingChart({ ...common, id: 'r', title: 't', description: 'd', suppressedShortLabel: '< 5', ratingLabel: (rating) => `${rating} av 5`, distribution: [5, 3, 1, 4, 2].map((rating) => ({ rating, count: rating * 10 })) });
    expect(texts(svg).filter((text) => text.endsWith('av 5'))).toEqual(['1 av 5', '2 av 5', '3 av 5', '4 av 5', '5 av 5']);
  });
});

describe('charts: determinism and scale', () => {
  it('gives the same string for the same input, every time', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ label: fc.string(), value: fc.oneof(fc.nat(10_000), fc.constant(HIDDEN)) }), { maxLength: 20 }), (data) => {
        const make = () => barChart({ ...common, id: 'x', title: 't', description: 'd', suppressedLabel: 's', bars: data });
        expect(make()).toBe(make());
        const column = () => columnChart({ ...common, id: 'y', title: 't', description: 'd', suppressedShortLabel: 's', columns: data });
        expect(column()).toBe(column());
        expect(XMLValidator.validate(make())).toBe(true);
      }),
    );
  });

  it('draws the largest shown bar longest and bars in proportion', () => {
    const svg = bars([100, 50, 0]);
    const widths = [...svg.matchAll(/<g class="chart-bar">.*?<rect [^>]*width="([\d.]+)"/g)].map((match) => Number(match[1]));
    expect(widths).toHaveLength(2);
    expect(widths[1]! / widths[0]!).toBeCloseTo(0.5, 2);
  });

  it('puts gridlines at round numbers', () => {
    expect([0.3, 1, 3, 7, 12, 40, 260].map(niceStep)).toEqual([1, 1, 5, 10, 20, 50, 500]);
  });

  it('says so when there is nothing to draw', () => {
    expect(texts(bars([]))).toEqual(['Inga berättelser']);
  });
});

import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface TableRow {
  readonly key: string;
  /** The row's heading cell (a theme, a month, a rating). */
  readonly header: string;
  /** The language of a heading that is not in the UI language (a quote's language, say). */
  readonly headerLang?: string;
  readonly cells: readonly string[];
}

export interface ChartTable {
  readonly caption: string;
  readonly columns: readonly string[];
  readonly rows: readonly TableRow[];
}

/**
 * A chart with its heading, the drawing, and the same numbers as a table (closed on screen, always shown in print).
 * The SVG string comes from the analysis library's chart functions, which escape every text they draw (tested in
 * test/analysis/charts-svg.test.ts) and write no script or style: that is why it may be set as HTML here.
 */
export function ChartBlock({ heading, level = 2, svg, table, children }: { heading: string; level?: 2 | 3 | 4; svg: string; table: ChartTable; children?: ReactNode }) {
  const { t } = useTranslation('reports');
  const headingId = useId();
  const Heading = level === 2 ? 'h2' : level === 3 ? 'h3' : 'h4';
  return (
    <section className={`dashboard-chart dashboard-chart--level${level}`} aria-labelledby={headingId}>
      <Heading id={headingId} className={level === 2 ? 'heading-medium' : 'heading-small'}>
        {heading}
      </Heading>
      {children}
      {/* eslint-disable-next-line no-restricted-syntax -- escaped, script-free SVG from the pure chart functions (see above) */}
      <div className="dashboard-chart__figure" dangerouslySetInnerHTML={{ __html: svg }} />
      <details className="dashboard-chart__table">
        <summary>{t('dashboard.showTable')}</summary>
        <div className="table-region">
          <table className="table">
            <caption>{table.caption}</caption>
            <thead>
              <tr>
                {table.columns.map((column, index) => (
                  <th key={column} scope="col" className={index === 0 ? undefined : 'table__number'}>
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row) => (
                <tr key={row.key}>
                  <th scope="row">
                    <span lang={row.headerLang} dir="auto">
                      {row.header}
                    </span>
                  </th>
                  {row.cells.map((cell, index) => (
                    <td key={index} className="table__number">
                      {cell}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}

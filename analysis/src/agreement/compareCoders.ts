import { AgreementInputError, kappaFromTable, type KappaResult } from './cohensKappa.ts';

/** One story as both coders coded it: the themes each chose (any order; themes outside the scope are ignored). */
export interface CodedItem {
  readonly id: string;
  readonly a: ReadonlyArray<string>;
  readonly b: ReadonlyArray<string>;
}

export interface ThemeAgreement {
  readonly themeId: string;
  readonly result: KappaResult;
}

/** A story the coders coded differently, theme by theme (in the order of the scope). */
export interface Disagreement {
  readonly id: string;
  readonly both: string[];
  readonly onlyA: string[];
  readonly onlyB: string[];
}

export interface AgreementReport {
  readonly items: number;
  /** One entry per theme in scope, in the scope's order. */
  readonly themes: ThemeAgreement[];
  readonly overall: {
    /** The mean of the per-theme kappas that can be computed; null when none can. */
    readonly meanKappa: number | null;
    readonly computableThemes: number;
    /** Every (story, theme) decision in one 2×2 table. */
    readonly pooled: KappaResult;
    /** The share of stories on which both chose exactly the same themes; null without stories. */
    readonly exactMatch: number | null;
  };
  /** Stories in input order. */
  readonly disagreements: Disagreement[];
}

/** Per-theme and overall agreement of two coders over the same stories and the same themes in scope. */
export function compareCoders(scope: ReadonlyArray<string>, items: ReadonlyArray<CodedItem>): AgreementReport {
  const themeIds = [...new Set(scope)];
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.id)) throw new AgreementInputError(`story ${item.id} appears twice`);
    seen.add(item.id);
  }
  const cells = themeIds.map(() => ({ both: 0, onlyA: 0, onlyB: 0, neither: 0 }));
  const disagreements: Disagreement[] = [];
  let exact = 0;
  for (const item of items) {
    const a = new Set(item.a);
    const b = new Set(item.b);
    const row: Disagreement = { id: item.id, both: [], onlyA: [], onlyB: [] };
    themeIds.forEach((themeId, index) => {
      const cell = cells[index];
      if (cell === undefined) return;
      const yesA = a.has(themeId);
      const yesB = b.has(themeId);
      if (yesA && yesB) {
        cell.both += 1;
        row.both.push(themeId);
      } else if (yesA) {
        cell.onlyA += 1;
        row.onlyA.push(themeId);
      } else if (yesB) {
        cell.onlyB += 1;
        row.onlyB.push(themeId);
      } else {
        cell.neither += 1;
      }
    });
    if (row.onlyA.length === 0 && row.onlyB.length === 0) exact += 1;
    else disagreements.push(row);
  }
  const themes = themeIds.map((themeId, index) => ({ themeId, result: kappaFromTable(cells[index] ?? { both: 0, onlyA: 0, onlyB: 0, neither: 0 }) }));
  const pooledTable = cells.reduce(
    (sum, cell) => ({ both: sum.both + cell.both, onlyA: sum.onlyA + cell.onlyA, onlyB: sum.onlyB + cell.onlyB, neither: sum.neither + cell.neither }),
    { both: 0, onlyA: 0, onlyB: 0, neither: 0 },
  );
  const kappas = themes.flatMap(({ result }) => (result.computable ? [result.kappa] : []));
  return {
    items: items.length,
    themes,
    overall: {
      meanKappa: kappas.length === 0 ? null : kappas.reduce((sum, kappa) => sum + kappa, 0) / kappas.length,
      computableThemes: kappas.length,
      pooled: kappaFromTable(pooledTable),
      exactMatch: items.length === 0 ? null : exact / items.length,
    },
    disagreements,
  };
}

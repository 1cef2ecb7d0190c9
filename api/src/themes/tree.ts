import type { StoredTheme } from './repository.ts';

interface TreeNode {
  readonly id: string;
  readonly parentId?: string | undefined;
  readonly labels: { readonly sv: string };
}

const collator = new Intl.Collator('sv', { sensitivity: 'base', numeric: true });

/** Siblings in Swedish alphabetical order, the id breaking ties: the same order on every database and export. */
export function compareSiblings(a: TreeNode, b: TreeNode): number {
  return collator.compare(a.labels.sv, b.labels.sv) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function childrenByParent<T extends TreeNode>(themes: readonly T[]): Map<string | undefined, T[]> {
  const children = new Map<string | undefined, T[]>();
  for (const theme of themes) {
    const list = children.get(theme.parentId) ?? [];
    list.push(theme);
    children.set(theme.parentId, list);
  }
  for (const list of children.values()) list.sort(compareSiblings);
  return children;
}

/** Depth first, parents before their children; themes whose parent is missing come last, as roots. */
export function treeOrder<T extends TreeNode>(themes: readonly T[]): T[] {
  const children = childrenByParent(themes);
  const ids = new Set(themes.map((theme) => theme.id));
  const ordered: T[] = [];
  const seen = new Set<string>();
  const visit = (theme: T) => {
    if (seen.has(theme.id)) return;
    seen.add(theme.id);
    ordered.push(theme);
    for (const child of children.get(theme.id) ?? []) visit(child);
  };
  for (const root of children.get(undefined) ?? []) visit(root);
  for (const theme of [...themes].sort(compareSiblings)) if (theme.parentId !== undefined && !ids.has(theme.parentId)) visit(theme);
  return ordered;
}

/** Every theme below `id` (not `id` itself). */
export function descendantsOf(themes: readonly StoredTheme[], id: string): StoredTheme[] {
  const children = childrenByParent(themes);
  const found: StoredTheme[] = [];
  const stack = [...(children.get(id) ?? [])];
  while (stack.length > 0) {
    const theme = stack.pop();
    if (theme === undefined || found.includes(theme)) continue;
    found.push(theme);
    stack.push(...(children.get(theme.id) ?? []));
  }
  return found;
}

/** Levels below `id`: 0 for a theme without sub-themes. */
export function heightOf(themes: readonly StoredTheme[], id: string): number {
  const byId = new Map(themes.map((theme) => [theme.id, theme]));
  let height = 0;
  for (const descendant of descendantsOf(themes, id)) {
    let levels = 0;
    for (let current: StoredTheme | undefined = descendant; current !== undefined && current.id !== id; current = current.parentId === undefined ? undefined : byId.get(current.parentId)) {
      levels += 1;
    }
    height = Math.max(height, levels);
  }
  return height;
}

import { randomUUID } from 'node:crypto';
import {
  LOCALES,
  THEME_MAX_DEPTH,
  UpdateThemeSchema,
  fieldErrorsFromIssues,
  genericIssueKey,
  type CodebookImportResult,
  type CreateTheme,
  type Locale,
  type ThemeKeywords,
  type ThemeStatus,
  type UpdateTheme,
} from '../../contract/index.ts';
import type { AuditLog } from '../audit/repository.ts';
import { AppError, NotFoundError, ValidationError } from '../http/errors.ts';
import type { TagRepository } from '../tagging/repository.ts';
import { DuplicateThemeError, siblingKeyOf, type StoredHistoryEntry, type StoredTheme, type ThemeChange, type ThemeRepository } from './repository.ts';
import { descendantsOf, heightOf, treeOrder } from './tree.ts';

export type Usage = ReadonlyMap<string, { stories: number; excerpts: number }>;
export type CodebookFormat = 'csv' | 'qdc';
export type ThemeStatusFilter = ThemeStatus | 'all';

/** One theme as read from an imported file; a field left out keeps what the theme has. */
export interface CodebookRecord {
  /** Where in the file, for error messages: "line 4", "Code element 3 (line 12)". */
  readonly ref: string;
  /** The theme id (a UUID); none: a new theme. */
  readonly id?: string;
  /** null: top level. */
  readonly parentId?: string | null;
  readonly labels?: { readonly sv?: string; readonly en?: string };
  /** An empty string removes a description. */
  readonly descriptions?: { readonly sv?: string; readonly en?: string };
  /** Each locale given replaces that locale's keywords; an empty list removes them. */
  readonly keywords?: Partial<Record<Locale, readonly string[]>>;
  readonly colour?: string;
  readonly status?: ThemeStatus;
  /** The English label a new theme gets when the file has none (REFI-QDA files from other tools have one name). */
  readonly newThemeEnglishLabel?: string;
}

/** Sixteen distinct colours, each with at least 4.8:1 contrast against white text. */
export const THEME_PALETTE = [
  '#2272c3', '#178236', '#9a3cdd', '#b65220', '#197b8f', '#d02581', '#647915', '#433cdd',
  '#936b1a', '#167e7a', '#be24cc', '#d03b25', '#1c79a0', '#457e16', '#d4256e', '#573cdd',
] as const;

/** More themes than any real codebook; a bigger file is a mistake or an attack. */
export const IMPORT_THEMES_MAX = 2000;

function invalid(field: string, key: string, message: string): ValidationError {
  return new ValidationError({ [field]: key }, message);
}

function conflict(field: string, key: string, message: string): AppError {
  return new AppError(409, 'validation_failed', message, { fields: { [field]: key } });
}

function pickColour(themes: readonly StoredTheme[]): string {
  const used = new Set(themes.map((theme) => theme.colour));
  return THEME_PALETTE.find((colour) => !used.has(colour)) ?? THEME_PALETTE[themes.length % THEME_PALETTE.length] ?? '#2272c3';
}

/** Trimmed, without empties or repeats, in LOCALES order; a locale without keywords is left out. */
export function normaliseKeywords(keywords: Partial<Record<Locale, readonly string[]>>, field = 'keywords'): ThemeKeywords {
  const result: ThemeKeywords = {};
  for (const locale of LOCALES) {
    const list = keywords[locale];
    if (list === undefined) continue;
    const seen = new Set<string>();
    const kept: string[] = [];
    for (const raw of list) {
      const keyword = raw.normalize('NFC').trim().replace(/\s+/g, ' ');
      if (keyword === '') continue;
      // Files list keywords separated by semicolons, so a keyword cannot hold one.
      if (keyword.includes(';')) throw invalid(`${field}.${locale}`, 'theme.keywords.invalid', 'A keyword cannot contain a semicolon.');
      const key = keyword.toLocaleLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      kept.push(keyword);
    }
    if (kept.length > 0) result[locale] = kept;
  }
  return result;
}

function cleanDescriptions(descriptions: { sv?: string | undefined; en?: string | undefined }): { sv?: string; en?: string } {
  return {
    ...(descriptions.sv === undefined || descriptions.sv === '' ? {} : { sv: descriptions.sv }),
    ...(descriptions.en === undefined || descriptions.en === '' ? {} : { en: descriptions.en }),
  };
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function sameKeywords(a: ThemeKeywords, b: ThemeKeywords): boolean {
  return LOCALES.every((locale) => sameJson(a[locale] ?? [], b[locale] ?? []));
}

function sameDescriptions(a: StoredTheme['descriptions'], b: StoredTheme['descriptions']): boolean {
  return (a.sv ?? '') === (b.sv ?? '') && (a.en ?? '') === (b.en ?? '');
}

function historyEntry(now: Date, action: StoredHistoryEntry['action'], actorId: string | undefined, detail?: Record<string, string>): StoredHistoryEntry {
  return { at: now, action, ...(actorId === undefined ? {} : { actorId }), ...(detail === undefined ? {} : { detail }) };
}

/** Themes that would share a Swedish label with an active sibling; the first clash found, if any. */
function findLabelClash(themes: ReadonlyArray<{ id: string; parentId?: string | undefined; status: ThemeStatus; labels: { sv: string } }>): { first: string; second: string } | undefined {
  const seen = new Map<string, string>();
  for (const theme of themes) {
    if (theme.status !== 'active') continue;
    const key = siblingKeyOf(theme);
    const other = seen.get(key);
    if (other !== undefined) return { first: other, second: theme.id };
    seen.set(key, theme.id);
  }
  return undefined;
}

export interface ThemeService {
  list(status: ThemeStatusFilter): Promise<{ themes: StoredTheme[]; usage: Usage }>;
  get(id: string): Promise<{ theme: StoredTheme; usage: Usage }>;
  create(input: CreateTheme, actorId: string, now: Date): Promise<{ theme: StoredTheme; usage: Usage }>;
  update(id: string, change: UpdateTheme, actorId: string, now: Date): Promise<{ theme: StoredTheme; usage: Usage }>;
  merge(id: string, into: string, actorId: string, now: Date): Promise<{ theme: StoredTheme; usage: Usage }>;
  /** Every theme in tree order (for exports); records the export in the audit log. */
  exportThemes(format: CodebookFormat, actorId: string): Promise<StoredTheme[]>;
  importRecords(format: CodebookFormat, records: readonly CodebookRecord[], actorId: string, now: Date): Promise<CodebookImportResult>;
}

export function createThemeService(deps: { themes: ThemeRepository; tags: TagRepository; audit: AuditLog }): ThemeService {
  const { themes, tags, audit } = deps;

  async function withUsage(theme: StoredTheme): Promise<{ theme: StoredTheme; usage: Usage }> {
    return { theme, usage: await tags.usage() };
  }

  /** Writes new depths for themes whose depth changed (a moved subtree). */
  async function writeDepths(all: readonly StoredTheme[], depths: ReadonlyMap<string, number>, now: Date): Promise<void> {
    for (const theme of all) {
      const depth = depths.get(theme.id);
      if (depth !== undefined && depth !== theme.depth) await themes.update(theme.id, { depth }, [], now);
    }
  }

  /** New depths for `root`'s subtree when `root` sits at `rootDepth`. */
  function subtreeDepths(all: readonly StoredTheme[], root: StoredTheme, rootDepth: number): Map<string, number> {
    const depths = new Map<string, number>([[root.id, rootDepth]]);
    const delta = rootDepth - root.depth;
    for (const descendant of descendantsOf(all, root.id)) depths.set(descendant.id, descendant.depth + delta);
    return depths;
  }

  function translateDuplicate(error: unknown): never {
    if (error instanceof DuplicateThemeError) {
      throw conflict('labels.sv', 'theme.label.duplicate', 'Another active theme under the same parent already has this Swedish label.');
    }
    throw error;
  }

  return {
    async list(status) {
      const all = treeOrder(await themes.all());
      return { themes: status === 'all' ? all : all.filter((theme) => theme.status === status), usage: await tags.usage() };
    },

    async get(id) {
      const theme = await themes.findById(id);
      if (theme === undefined) throw new NotFoundError('No such theme.');
      return withUsage(theme);
    },

    async create(input, actorId, now) {
      const all = await themes.all();
      let depth = 1;
      if (input.parentId !== undefined) {
        const parent = all.find((theme) => theme.id === input.parentId);
        if (parent === undefined) throw invalid('parentId', 'theme.parentId.unknown', 'There is no theme with this parent id.');
        if (parent.status !== 'active') throw invalid('parentId', 'theme.parentId.archived', 'A new theme cannot be placed under an archived theme.');
        if (parent.depth >= THEME_MAX_DEPTH) throw invalid('parentId', 'theme.parentId.tooDeep', `Themes nest at most ${THEME_MAX_DEPTH} levels deep.`);
        depth = parent.depth + 1;
      }
      const theme: StoredTheme = {
        id: randomUUID(),
        depth,
        labels: { sv: input.labels.sv, en: input.labels.en },
        descriptions: cleanDescriptions(input.descriptions ?? {}),
        keywords: normaliseKeywords(input.keywords ?? {}),
        colour: (input.colour ?? pickColour(all)).toLowerCase(),
        status: 'active',
        history: [historyEntry(now, 'created', actorId)],
        createdAt: now,
        updatedAt: now,
        ...(input.parentId === undefined ? {} : { parentId: input.parentId }),
      };
      if (findLabelClash([...all, theme]) !== undefined) translateDuplicate(new DuplicateThemeError());
      await themes.insert(theme).catch(translateDuplicate);
      await audit.record({ action: 'theme.created', outcome: 'success', actorId, targetType: 'theme', targetId: theme.id, ...(theme.parentId === undefined ? {} : { detail: { parentId: theme.parentId } }) });
      return withUsage(theme);
    },

    async update(id, change, actorId, now) {
      const all = await themes.all();
      const theme = all.find((candidate) => candidate.id === id);
      if (theme === undefined) throw new NotFoundError('No such theme.');
      const history: StoredHistoryEntry[] = [];
      const set: { -readonly [K in keyof ThemeChange]: ThemeChange[K] } = {};
      const edited: string[] = [];

      const labels = { sv: change.labels?.sv ?? theme.labels.sv, en: change.labels?.en ?? theme.labels.en };
      if (labels.sv !== theme.labels.sv || labels.en !== theme.labels.en) {
        set.labels = labels;
        const detail: Record<string, string> = {};
        if (labels.sv !== theme.labels.sv) Object.assign(detail, { svFrom: theme.labels.sv, svTo: labels.sv });
        if (labels.en !== theme.labels.en) Object.assign(detail, { enFrom: theme.labels.en, enTo: labels.en });
        history.push(historyEntry(now, 'renamed', actorId, detail));
      }
      if (change.descriptions !== undefined) {
        const descriptions = cleanDescriptions({ ...theme.descriptions, ...change.descriptions });
        if (!sameDescriptions(descriptions, theme.descriptions)) {
          set.descriptions = descriptions;
          edited.push('descriptions');
        }
      }
      if (change.keywords !== undefined) {
        const keywords = normaliseKeywords({ ...theme.keywords, ...change.keywords });
        if (!sameKeywords(keywords, theme.keywords)) {
          set.keywords = keywords;
          edited.push('keywords');
        }
      }
      if (change.colour !== undefined && change.colour.toLowerCase() !== theme.colour) {
        set.colour = change.colour.toLowerCase();
        edited.push('colour');
      }
      if (edited.length > 0) history.push(historyEntry(now, 'edited', actorId, { fields: edited.join(',') }));

      let depths = new Map<string, number>();
      const parentId = change.parentId === undefined ? theme.parentId : (change.parentId ?? undefined);
      if (parentId !== theme.parentId) {
        let depth = 1;
        if (parentId !== undefined) {
          const parent = all.find((candidate) => candidate.id === parentId);
          if (parent === undefined) throw invalid('parentId', 'theme.parentId.unknown', 'There is no theme with this parent id.');
          if (parentId === id || descendantsOf(all, id).some((descendant) => descendant.id === parentId)) {
            throw invalid('parentId', 'theme.parentId.cycle', 'A theme cannot be moved under itself or one of its sub-themes.');
          }
          if (parent.status !== 'active') throw invalid('parentId', 'theme.parentId.archived', 'A theme cannot be moved under an archived theme.');
          depth = parent.depth + 1;
        }
        if (depth + heightOf(all, id) > THEME_MAX_DEPTH) {
          throw invalid('parentId', 'theme.parentId.tooDeep', `Themes nest at most ${THEME_MAX_DEPTH} levels deep; this move would put a sub-theme deeper.`);
        }
        set.parentId = parentId;
        set.depth = depth;
        depths = subtreeDepths(all, theme, depth);
        history.push(historyEntry(now, 'moved', actorId, { from: theme.parentId ?? '', to: parentId ?? '' }));
      }

      const status = change.status ?? theme.status;
      if (status !== theme.status) {
        if (status === 'archived') {
          if (all.some((candidate) => candidate.parentId === id && candidate.status === 'active')) {
            throw conflict('status', 'theme.status.hasActiveChildren', 'Archive or move its sub-themes first.');
          }
        } else {
          if (theme.mergedInto !== undefined) throw conflict('status', 'theme.status.merged', 'A merged theme cannot be restored; its tags now belong to the theme it was merged into.');
          const parent = parentId === undefined ? undefined : all.find((candidate) => candidate.id === parentId);
          if (parent !== undefined && parent.status !== 'active') throw conflict('status', 'theme.parentId.archived', 'Restore the parent theme first.');
        }
        set.status = status;
        history.push(historyEntry(now, status === 'archived' ? 'archived' : 'restored', actorId));
      }

      if (history.length === 0) return withUsage(theme);
      if (findLabelClash(all.map((candidate) => (candidate.id === id ? { ...candidate, labels, parentId, status } : candidate))) !== undefined) {
        translateDuplicate(new DuplicateThemeError());
      }
      const updated = await themes.update(id, set, history, now).catch(translateDuplicate);
      await writeDepths(all.filter((candidate) => candidate.id !== id), depths, now);
      if (updated === undefined) throw new NotFoundError('No such theme.');

      const fields = Object.keys(set).filter((field) => field !== 'depth' && field !== 'status');
      if (fields.length > 0) {
        await audit.record({ action: 'theme.updated', outcome: 'success', actorId, targetType: 'theme', targetId: id, detail: { fields: fields.join(',') } });
      }
      if (set.status !== undefined) {
        await audit.record({ action: set.status === 'archived' ? 'theme.archived' : 'theme.restored', outcome: 'success', actorId, targetType: 'theme', targetId: id });
      }
      return withUsage(updated);
    },

    async merge(id, into, actorId, now) {
      const all = await themes.all();
      const source = all.find((theme) => theme.id === id);
      if (source === undefined) throw new NotFoundError('No such theme.');
      if (into === id) throw invalid('into', 'theme.into.self', 'A theme cannot be merged into itself.');
      const target = all.find((theme) => theme.id === into);
      if (target === undefined) throw invalid('into', 'theme.into.unknown', 'There is no theme with this id to merge into.');
      if (source.mergedInto !== undefined) throw conflict('into', 'theme.into.alreadyMerged', 'This theme was already merged into another theme.');
      if (target.status !== 'active') throw invalid('into', 'theme.into.archived', 'A theme cannot be merged into an archived theme.');
      if (descendantsOf(all, id).some((descendant) => descendant.id === into)) {
        throw invalid('into', 'theme.into.descendant', 'A theme cannot be merged into one of its own sub-themes.');
      }
      const children = all.filter((theme) => theme.parentId === id);
      for (const child of children) {
        if (target.depth + 1 + heightOf(all, child.id) > THEME_MAX_DEPTH) {
          throw conflict('into', 'theme.into.tooDeep', `The merged theme's sub-themes would be nested more than ${THEME_MAX_DEPTH} levels deep under the surviving theme. Move them first.`);
        }
      }
      const moved = all.map((theme) => (theme.id === id ? { ...theme, status: 'archived' as const } : theme.parentId === id ? { ...theme, parentId: into } : theme));
      if (findLabelClash(moved) !== undefined) {
        throw conflict('into', 'theme.into.labelClash', 'A sub-theme of the merged theme has the same Swedish label as a sub-theme of the surviving theme. Rename or merge it first.');
      }

      const result = await tags.moveTheme(id, into);
      // Archived first, so its label no longer holds a place among the survivor's children.
      await themes.update(id, { status: 'archived', mergedInto: into }, [historyEntry(now, 'merged_into', actorId, { into })], now);
      for (const child of children) {
        const depths = subtreeDepths(all, child, target.depth + 1);
        await themes.update(child.id, { parentId: into, depth: target.depth + 1 }, [historyEntry(now, 'moved', actorId, { from: id, to: into, reason: 'merge' })], now).catch(translateDuplicate);
        await writeDepths(all.filter((theme) => theme.id !== child.id), depths, now);
      }
      const survivor = await themes.update(into, {}, [historyEntry(now, 'merged_from', actorId, { from: id })], now);
      await themes.repointMerged(id, into);
      await audit.record({
        action: 'theme.merged',
        outcome: 'success',
        actorId,
        targetType: 'theme',
        targetId: id,
        detail: { into, tagsMoved: result.moved, duplicateTagsDropped: result.duplicates, subThemesMoved: children.length },
      });
      if (survivor === undefined) throw new NotFoundError('No such theme.');
      return withUsage(survivor);
    },

    async exportThemes(format, actorId) {
      const all = treeOrder(await themes.all());
      await audit.record({ action: 'codebook.exported', outcome: 'success', actorId, targetType: 'codebook', detail: { format, themes: all.length } });
      return all;
    },

    async importRecords(format, records, actorId, now) {
      if (records.length > IMPORT_THEMES_MAX) throw invalid('file', 'codebook.file.tooManyThemes', `A codebook file may hold at most ${IMPORT_THEMES_MAX} themes.`);
      const existing = await themes.all();
      const before = new Map(existing.map((theme) => [theme.id, theme]));
      type Draft = { -readonly [K in keyof StoredTheme]: StoredTheme[K] };
      const drafts = new Map<string, Draft>(existing.map((theme) => [theme.id, { ...theme }]));
      const refs = new Map<string, string>();
      const inFile = new Set<string>();
      const order: string[] = [];

      for (const record of records) {
        const id = record.id ?? randomUUID();
        const earlier = refs.get(id);
        if (earlier !== undefined) throw invalid('file', 'codebook.file.duplicateId', `${record.ref}: the same id appears again (first at ${earlier}).`);
        refs.set(id, record.ref);
        inFile.add(id);
        order.push(id);

        const checked = UpdateThemeSchema.safeParse(
          {
            ...(record.labels === undefined ? {} : { labels: Object.fromEntries(Object.entries(record.labels).filter(([, value]) => value !== '')) }),
            ...(record.descriptions === undefined ? {} : { descriptions: record.descriptions }),
            ...(record.keywords === undefined ? {} : { keywords: record.keywords }),
            ...(record.colour === undefined ? {} : { colour: record.colour }),
            ...(record.status === undefined ? {} : { status: record.status }),
          },
          { error: genericIssueKey },
        );
        if (!checked.success) {
          const fields = fieldErrorsFromIssues(checked.error.issues);
          throw new ValidationError(fields, `${record.ref}: ${Object.entries(fields).map(([field, key]) => `${field} (${key})`).join(', ')}.`);
        }
        const keywords = record.keywords === undefined ? undefined : normaliseKeywords(record.keywords);
        const colour = record.colour?.toLowerCase();
        const base = drafts.get(id);
        if (base === undefined) {
          const sv = record.labels?.sv ?? '';
          const en = record.labels?.en || record.newThemeEnglishLabel || '';
          if (sv === '' || en === '') throw invalid('labels', 'theme.label.required', `${record.ref}: a new theme needs a Swedish and an English label.`);
          drafts.set(id, {
            id,
            depth: 1,
            labels: { sv, en },
            descriptions: cleanDescriptions(record.descriptions ?? {}),
            keywords: keywords ?? {},
            colour: colour ?? pickColour([...drafts.values()]),
            status: record.status ?? 'active',
            history: [],
            createdAt: now,
            updatedAt: now,
            ...(record.parentId === undefined || record.parentId === null ? {} : { parentId: record.parentId }),
          });
          continue;
        }
        if (record.status === 'active' && base.status !== 'active' && base.mergedInto !== undefined) {
          throw invalid('status', 'theme.status.merged', `${record.ref}: a merged theme cannot be restored.`);
        }
        if (record.parentId !== undefined) {
          if (record.parentId === null) delete base.parentId;
          else base.parentId = record.parentId;
        }
        base.labels = { sv: record.labels?.sv || base.labels.sv, en: record.labels?.en || base.labels.en };
        if (record.descriptions !== undefined) base.descriptions = cleanDescriptions({ ...base.descriptions, ...record.descriptions });
        if (keywords !== undefined) {
          const next: Partial<Record<Locale, readonly string[]>> = { ...base.keywords };
          for (const locale of LOCALES) if (record.keywords?.[locale] !== undefined) next[locale] = keywords[locale] ?? [];
          base.keywords = normaliseKeywords(next);
        }
        if (colour !== undefined) base.colour = colour;
        if (record.status !== undefined) base.status = record.status;
      }

      // The whole codebook as it would be: every parent known, no cycles, at most three levels, active under active.
      const refOf = (id: string) => refs.get(id) ?? `theme ${id}`;
      for (const draft of drafts.values()) {
        let depth = 1;
        const seen = new Set<string>([draft.id]);
        for (let parentId = draft.parentId; parentId !== undefined; ) {
          const parent = drafts.get(parentId);
          if (parent === undefined) throw invalid('parentId', 'theme.parentId.unknown', `${refOf(draft.id)}: the parent ${parentId} is neither in the file nor in the codebook.`);
          if (seen.has(parentId)) throw invalid('parentId', 'theme.parentId.cycle', `${refOf(draft.id)}: the parents form a cycle.`);
          seen.add(parentId);
          depth += 1;
          parentId = parent.parentId;
        }
        if (depth > THEME_MAX_DEPTH) throw invalid('parentId', 'theme.parentId.tooDeep', `${refOf(draft.id)}: themes nest at most ${THEME_MAX_DEPTH} levels deep.`);
        draft.depth = depth;
        const parent = draft.parentId === undefined ? undefined : drafts.get(draft.parentId);
        if (draft.status === 'active' && parent !== undefined && parent.status !== 'active') {
          throw invalid('status', 'theme.parentId.archived', `${refOf(draft.id)}: an active theme cannot be under an archived one.`);
        }
      }
      const clash = findLabelClash([...drafts.values()]);
      if (clash !== undefined) {
        throw invalid('labels.sv', 'theme.label.duplicate', `${refOf(inFile.has(clash.second) ? clash.second : clash.first)}: another active theme under the same parent has this Swedish label.`);
      }

      let created = 0;
      let updated = 0;
      let unchanged = 0;
      const writes: Array<{ id: string; change: ThemeChange; fields: string[] }> = [];
      for (const id of order) {
        const draft = drafts.get(id);
        const old = before.get(id);
        if (draft === undefined) continue;
        if (old === undefined) {
          created += 1;
          continue;
        }
        const fields: string[] = [];
        if (draft.parentId !== old.parentId) fields.push('parentId');
        if (draft.labels.sv !== old.labels.sv || draft.labels.en !== old.labels.en) fields.push('labels');
        if (!sameDescriptions(draft.descriptions, old.descriptions)) fields.push('descriptions');
        if (!sameKeywords(draft.keywords, old.keywords)) fields.push('keywords');
        if (draft.colour !== old.colour) fields.push('colour');
        if (draft.status !== old.status) fields.push('status');
        if (fields.length === 0) {
          unchanged += 1;
        } else {
          updated += 1;
          writes.push({
            id,
            fields,
            change: { parentId: draft.parentId, depth: draft.depth, labels: draft.labels, descriptions: draft.descriptions, keywords: draft.keywords, colour: draft.colour, status: draft.status },
          });
        }
      }
      // Renames and moves in one file may pass through states where two siblings share a label: park first.
      for (const write of writes) await themes.parkSiblingKey(write.id);
      for (const write of writes) {
        await themes.update(write.id, write.change, [historyEntry(now, 'imported', actorId, { format, fields: write.fields.join(',') })], now).catch(translateDuplicate);
      }
      const written = new Set(writes.map((write) => write.id));
      for (const draft of drafts.values()) {
        const old = before.get(draft.id);
        if (old !== undefined && !written.has(draft.id) && old.depth !== draft.depth) await themes.update(draft.id, { depth: draft.depth }, [], now);
      }
      const fresh = treeOrder([...drafts.values()].filter((draft) => !before.has(draft.id)));
      for (const draft of fresh) {
        await themes.insert({ ...draft, history: [historyEntry(now, 'imported', actorId, { format, fields: 'created' })] }).catch(translateDuplicate);
      }
      await audit.record({ action: 'codebook.imported', outcome: 'success', actorId, targetType: 'codebook', detail: { format, created, updated, unchanged } });
      return { created, updated, unchanged };
    },
  };
}

import type { Connection } from 'mongoose';
import type { ThemeHistoryEntry, ThemeKeywords, ThemeStatus } from '../../contract/index.ts';
import { driverCollection, ensureCollection } from '../db/collections.ts';
import { isDuplicateKeyError } from '../db/isDatabaseUnavailable.ts';

export type HistoryAction = ThemeHistoryEntry['action'];

export interface StoredHistoryEntry {
  readonly at: Date;
  readonly action: HistoryAction;
  readonly actorId?: string;
  readonly detail?: Readonly<Record<string, string>>;
}

export interface StoredTheme {
  /** A UUID; also the theme's REFI-QDA guid. */
  readonly id: string;
  readonly parentId?: string;
  readonly depth: number;
  readonly labels: { readonly sv: string; readonly en: string };
  readonly descriptions: { readonly sv?: string; readonly en?: string };
  readonly keywords: ThemeKeywords;
  readonly colour: string;
  readonly status: ThemeStatus;
  readonly mergedInto?: string;
  readonly history: readonly StoredHistoryEntry[];
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

interface ThemeDocument {
  _id: string;
  parentId?: string;
  depth: number;
  labels: { sv: string; en: string };
  descriptions: { sv?: string; en?: string };
  keywords: ThemeKeywords;
  colour: string;
  status: ThemeStatus;
  /**
   * Unique: an active theme's parent and normalised Swedish label, so two active siblings cannot share a label.
   * Archived themes get a key of their own (always set: FerretDB's unique indexes do not skip missing keys).
   */
  siblingKey: string;
  mergedInto?: string;
  history: StoredHistoryEntry[];
  createdAt: Date;
  updatedAt: Date;
}

/** The Swedish label as compared among siblings: case, spacing and Unicode form do not make a label different. */
export function normaliseLabel(label: string): string {
  return label.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv');
}

export function siblingKeyOf(theme: { id: string; parentId?: string | undefined; status: ThemeStatus; labels: { sv: string } }): string {
  return theme.status === 'active' ? `${theme.parentId ?? '-'}|${normaliseLabel(theme.labels.sv)}` : `archived|${theme.id}`;
}

export class DuplicateThemeError extends Error {
  constructor() {
    super('a theme with this id, or an active sibling with this Swedish label, exists');
    this.name = 'DuplicateThemeError';
  }
}

/** The fields a change may set; `parentId: undefined` and `mergedInto: undefined` remove them. */
export interface ThemeChange {
  readonly parentId?: string | undefined;
  readonly depth?: number;
  readonly labels?: { readonly sv: string; readonly en: string };
  readonly descriptions?: { readonly sv?: string; readonly en?: string };
  readonly keywords?: ThemeKeywords;
  readonly colour?: string;
  readonly status?: ThemeStatus;
  readonly mergedInto?: string | undefined;
}

export interface ThemeRepository {
  /** Every theme; a codebook is small (hundreds at most), so rules work on the whole tree in memory. */
  all(): Promise<StoredTheme[]>;
  findById(id: string): Promise<StoredTheme | undefined>;
  count(): Promise<number>;
  /** Throws DuplicateThemeError for a taken id or an active sibling's label. */
  insert(theme: StoredTheme): Promise<void>;
  /** Applies the change and appends history; throws DuplicateThemeError for an active sibling's label. */
  update(id: string, change: ThemeChange, history: readonly StoredHistoryEntry[], now: Date): Promise<StoredTheme | undefined>;
  /** Moves a theme's sibling key out of the way, so a batch of renames can pass through states that clash. */
  parkSiblingKey(id: string): Promise<void>;
  /** Themes merged into `from` now point at `into`, so a chain of merges ends at a live theme. */
  repointMerged(from: string, into: string): Promise<void>;
  ensureIndexes(): Promise<void>;
}

function toTheme(document: ThemeDocument): StoredTheme {
  return {
    id: document._id,
    depth: document.depth,
    labels: { sv: document.labels.sv, en: document.labels.en },
    descriptions: {
      ...(document.descriptions.sv === undefined ? {} : { sv: document.descriptions.sv }),
      ...(document.descriptions.en === undefined ? {} : { en: document.descriptions.en }),
    },
    keywords: document.keywords,
    colour: document.colour,
    status: document.status,
    history: document.history,
    createdAt: document.createdAt,
    updatedAt: document.updatedAt,
    ...(document.parentId === undefined ? {} : { parentId: document.parentId }),
    ...(document.mergedInto === undefined ? {} : { mergedInto: document.mergedInto }),
  };
}

export function createThemeRepository(connection: Connection): ThemeRepository {
  const themes = () => driverCollection<ThemeDocument>(connection, 'themes');
  return {
    async all() {
      return (await themes().find({}).sort({ depth: 1, _id: 1 }).toArray()).map(toTheme);
    },
    async findById(id) {
      const document = await themes().findOne({ _id: id });
      return document === null ? undefined : toTheme(document);
    },
    async count() {
      return themes().countDocuments({});
    },
    async insert(theme) {
      const document: ThemeDocument = {
        _id: theme.id,
        depth: theme.depth,
        labels: { ...theme.labels },
        descriptions: { ...theme.descriptions },
        keywords: theme.keywords,
        colour: theme.colour,
        status: theme.status,
        siblingKey: siblingKeyOf(theme),
        history: [...theme.history],
        createdAt: theme.createdAt,
        updatedAt: theme.updatedAt,
        ...(theme.parentId === undefined ? {} : { parentId: theme.parentId }),
        ...(theme.mergedInto === undefined ? {} : { mergedInto: theme.mergedInto }),
      };
      try {
        await themes().insertOne(document);
      } catch (error) {
        if (isDuplicateKeyError(error)) throw new DuplicateThemeError();
        throw error;
      }
    },
    async update(id, change, history, now) {
      const current = await themes().findOne({ _id: id });
      if (current === null) return undefined;
      const set: Partial<ThemeDocument> = { updatedAt: now };
      const unset: Record<string, ''> = {};
      if ('parentId' in change) {
        if (change.parentId === undefined) unset['parentId'] = '';
        else set.parentId = change.parentId;
      }
      if ('mergedInto' in change) {
        if (change.mergedInto === undefined) unset['mergedInto'] = '';
        else set.mergedInto = change.mergedInto;
      }
      if (change.depth !== undefined) set.depth = change.depth;
      if (change.labels !== undefined) set.labels = { ...change.labels };
      if (change.descriptions !== undefined) set.descriptions = { ...change.descriptions };
      if (change.keywords !== undefined) set.keywords = change.keywords;
      if (change.colour !== undefined) set.colour = change.colour;
      if (change.status !== undefined) set.status = change.status;
      const parentId = 'parentId' in change ? change.parentId : current.parentId;
      set.siblingKey = siblingKeyOf({ id, parentId, status: change.status ?? current.status, labels: change.labels ?? current.labels });
      try {
        await themes().updateOne(
          { _id: id },
          {
            $set: set,
            ...(Object.keys(unset).length === 0 ? {} : { $unset: unset }),
            ...(history.length === 0 ? {} : { $push: { history: { $each: [...history] } } }),
          },
        );
      } catch (error) {
        if (isDuplicateKeyError(error)) throw new DuplicateThemeError();
        throw error;
      }
      const updated = await themes().findOne({ _id: id });
      return updated === null ? undefined : toTheme(updated);
    },
    async parkSiblingKey(id) {
      await themes().updateOne({ _id: id }, { $set: { siblingKey: `parked|${id}` } });
    },
    async repointMerged(from, into) {
      await themes().updateMany({ mergedInto: from }, { $set: { mergedInto: into } });
    },
    async ensureIndexes() {
      await ensureCollection(connection, 'themes');
      await themes().createIndex({ siblingKey: 1 }, { unique: true });
      await themes().createIndex({ parentId: 1 });
    },
  };
}

import type { Connection } from 'mongoose';
import type { AgreementFilter, Locale } from '../../contract/index.ts';
import { driverCollection, ensureCollection } from '../db/collections.ts';
import { isDuplicateKeyError } from '../db/isDatabaseUnavailable.ts';
import type { SubmissionRecordDocument } from '../feedback/repository.ts';
import { toFilter } from '../stories/repository.ts';

export interface StoredRound {
  readonly id: string;
  readonly name: string;
  readonly coderA: string;
  readonly coderB: string;
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly seed: number;
  readonly filter: AgreementFilter;
  readonly themeIds: string[];
  /** The sample, frozen when the round is created, in the order drawn. */
  readonly storyIds: string[];
  readonly finishedA?: Date;
  readonly finishedB?: Date;
}

interface RoundDocument extends Omit<StoredRound, 'id'> {
  _id: string;
}

export interface StoredCodes {
  readonly roundId: string;
  readonly coderId: string;
  readonly storyId: string;
  readonly themeIds: string[];
  readonly at: Date;
}

interface CodesDocument extends StoredCodes {
  /** `roundId|coderId|storyId`: one document per coder and story, whichever write comes last. */
  _id: string;
}

export interface SampledStory {
  readonly id: string;
  readonly receivedOn: string;
  readonly locale: Locale;
  readonly story: SubmissionRecordDocument['story'];
}

export interface AgreementRepository {
  insertRound(round: StoredRound): Promise<void>;
  findRound(id: string): Promise<StoredRound | undefined>;
  /** Newest first. */
  listRounds(): Promise<StoredRound[]>;
  /** Marks the coder finished; false when they had finished already. */
  finish(roundId: string, coder: 'A' | 'B', at: Date): Promise<boolean>;
  saveCodes(codes: StoredCodes): Promise<void>;
  codes(roundId: string, coderId: string): Promise<StoredCodes[]>;
  /** How many stories each coder of these rounds has coded, keyed `roundId|coderId`. */
  codedCounts(roundIds: ReadonlyArray<string>): Promise<Map<string, number>>;
  /** Ids of every story matching the filter (ids only: the sample is drawn in memory). */
  candidateIds(filter: AgreementFilter): Promise<string[]>;
  /** The sampled stories that still exist, with their (masked) text. */
  stories(ids: ReadonlyArray<string>): Promise<SampledStory[]>;
  ensureIndexes(): Promise<void>;
}

function toRound(document: RoundDocument): StoredRound {
  const { _id, ...rest } = document;
  return { id: _id, ...rest };
}

function toCodes(document: CodesDocument): StoredCodes {
  return { roundId: document.roundId, coderId: document.coderId, storyId: document.storyId, themeIds: document.themeIds, at: document.at };
}

export function createAgreementRepository(connection: Connection): AgreementRepository {
  const rounds = () => driverCollection<RoundDocument>(connection, 'agreementRounds');
  const codes = () => driverCollection<CodesDocument>(connection, 'agreementCodes');
  const submissions = () => driverCollection<SubmissionRecordDocument>(connection, 'submissions');
  return {
    async insertRound(round) {
      const { id, ...rest } = round;
      await rounds().insertOne({ _id: id, ...rest });
    },
    async findRound(id) {
      const document = await rounds().findOne({ _id: id });
      return document === null ? undefined : toRound(document);
    },
    async listRounds() {
      return (await rounds().find({}).sort({ createdAt: -1, _id: 1 }).toArray()).map(toRound);
    },
    async finish(roundId, coder, at) {
      const field = coder === 'A' ? 'finishedA' : 'finishedB';
      const result = await rounds().updateOne({ _id: roundId, [field]: { $exists: false } }, { $set: { [field]: at } });
      return result.modifiedCount === 1;
    },
    async saveCodes(stored) {
      const document: CodesDocument = { _id: `${stored.roundId}|${stored.coderId}|${stored.storyId}`, ...stored, themeIds: [...stored.themeIds] };
      // No upsert (ferretdb.md §5): replace, else insert; a concurrent insert of the same key ends in a replace.
      const { _id, ...fields } = document;
      const replaced = await codes().replaceOne({ _id }, fields);
      if (replaced.matchedCount === 1) return;
      try {
        await codes().insertOne(document);
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
        await codes().replaceOne({ _id }, fields);
      }
    },
    async codes(roundId, coderId) {
      return (await codes().find({ roundId, coderId }).sort({ storyId: 1, _id: 1 }).toArray()).map(toCodes);
    },
    async codedCounts(roundIds) {
      const counts = new Map<string, number>();
      if (roundIds.length === 0) return counts;
      const groups = await codes()
        .aggregate<{ _id: { roundId: string; coderId: string }; count: number }>([
          { $match: { roundId: { $in: [...roundIds] } } },
          { $group: { _id: { roundId: '$roundId', coderId: '$coderId' }, count: { $sum: 1 } } },
          { $sort: { _id: 1 } },
        ])
        .toArray();
      for (const group of groups) counts.set(`${group._id.roundId}|${group._id.coderId}`, group.count);
      return counts;
    },
    async candidateIds(filter) {
      return (await submissions().find(toFilter(filter), { projection: { _id: 1 } }).toArray()).map((document) => document._id);
    },
    async stories(ids) {
      const documents = await submissions()
        .find({ _id: { $in: [...ids] } }, { projection: { _id: 1, receivedOn: 1, locale: 1, story: 1 } })
        .toArray();
      return documents.map((document) => ({ id: document._id, receivedOn: document.receivedOn, locale: document.locale, story: document.story }));
    },
    async ensureIndexes() {
      await ensureCollection(connection, 'agreementRounds');
      await ensureCollection(connection, 'agreementCodes');
      await rounds().createIndex({ createdAt: -1, _id: 1 });
      await codes().createIndex({ roundId: 1, coderId: 1 });
    },
  };
}

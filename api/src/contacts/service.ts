import type { Connection } from 'mongoose';
import { z } from 'zod';
import { CHANNELS, LOCALES, type ContactEntry, type ContactPage, type ContactQuery } from '../../contract/index.ts';
import type { AuditLog } from '../audit/repository.ts';
import { decodeCursor, encodeCursor } from '../audit/cursor.ts';
import { driverCollection } from '../db/collections.ts';
import { deleteOnDay, oldestKeptDay } from '../retention/days.ts';
import { decryptJson, type Keyring } from './contactCipher.ts';
import type { ContactRepository, StoredContact } from './repository.ts';

const DEFAULT_PAGE_SIZE = 100;
/** One export file holds at most this many people. */
export const CONTACT_EXPORT_MAX = 10_000;

/** What the form's `followUp` holds, as decrypted; validated by the contract when it was written. */
const DecryptedFollowUp = z.object({
  name: z.string(),
  email: z.string().optional(),
  phone: z.string().optional(),
  preferredLanguage: z.enum(LOCALES).optional(),
  accessNeeds: z.string().optional(),
});

const StoryContextDocument = z.object({
  _id: z.string(),
  locale: z.enum(LOCALES).optional(),
  channel: z.enum(CHANNELS).optional(),
  campaign: z.string().optional(),
  campaignContext: z.object({ site: z.string().optional() }).optional(),
});
type StoryContext = z.infer<typeof StoryContextDocument>;

export interface Viewer {
  readonly actorId: string;
  readonly requestId?: string | undefined;
}

export interface ContactService {
  /** One page of the people who offered to take part; audited as `contact.viewed` with the story ids. */
  listContacts(viewer: Viewer, query: ContactQuery): Promise<ContactPage>;
  /** Everyone, for a file; audited as `contact.exported` with the count. */
  exportContacts(viewer: Viewer): Promise<{ entries: ContactEntry[]; truncated: boolean }>;
}

export function createContactService(deps: {
  readonly connection: Connection;
  readonly contacts: ContactRepository;
  readonly keyring: Keyring;
  readonly audit: AuditLog;
  readonly today: () => string;
  readonly retentionDays: number;
}): ContactService {
  // The story's language and campaign, read by id: no $lookup on FerretDB, and never the story text.
  const storyContexts = async (ids: string[]): Promise<Map<string, StoryContext>> => {
    if (ids.length === 0) return new Map();
    const documents = await driverCollection<{ _id: string }>(deps.connection, 'submissions')
      .find({ _id: { $in: ids } }, { projection: { _id: 1, locale: 1, channel: 1, campaign: 1, 'campaignContext.site': 1 } })
      .toArray();
    return new Map(documents.map((document) => StoryContextDocument.parse(document)).map((context) => [context._id, context]));
  };

  const present = (contact: StoredContact, story: StoryContext | undefined): ContactEntry => {
    const base = {
      storyId: contact.submissionId,
      receivedOn: contact.createdOn,
      deleteOn: deleteOnDay(contact.createdOn, deps.retentionDays),
      ...(story?.locale === undefined ? {} : { locale: story.locale }),
      ...(story?.channel === undefined ? {} : { channel: story.channel }),
      ...(story?.campaign === undefined ? {} : { campaign: story.campaign }),
      ...(story?.campaignContext?.site === undefined ? {} : { site: story.campaignContext.site }),
    };
    let followUp: z.infer<typeof DecryptedFollowUp>;
    try {
      followUp = DecryptedFollowUp.parse(decryptJson(deps.keyring, contact.envelope, `contacts.followUp.${contact.submissionId}`));
    } catch {
      // A retired key or a damaged record: show that it exists without failing the whole list.
      return { ...base, readable: false };
    }
    return {
      ...base,
      readable: true,
      name: followUp.name,
      ...(followUp.email === undefined ? {} : { email: followUp.email }),
      ...(followUp.phone === undefined ? {} : { phone: followUp.phone }),
      ...(followUp.preferredLanguage === undefined ? {} : { preferredLanguage: followUp.preferredLanguage }),
      ...(followUp.accessNeeds === undefined ? {} : { accessNeeds: followUp.accessNeeds }),
    };
  };

  const entriesFor = async (stored: StoredContact[]): Promise<ContactEntry[]> => {
    const stories = await storyContexts(stored.map((contact) => contact.submissionId));
    return stored.map((contact) => present(contact, stories.get(contact.submissionId)));
  };

  const who = (viewer: Viewer) => ({ actorId: viewer.actorId, ...(viewer.requestId === undefined ? {} : { requestId: viewer.requestId }) });

  return {
    async listContacts(viewer, query) {
      const oldestKept = oldestKeptDay(deps.today(), deps.retentionDays);
      const limit = query.limit ?? DEFAULT_PAGE_SIZE;
      const cursor = query.after === undefined ? undefined : decodeCursor(query.after);
      const stored = await deps.contacts.listKept({
        oldestKept,
        ...(cursor === undefined ? {} : { after: { createdOn: cursor.sortKey, id: cursor.id } }),
        limit: limit + 1,
      });
      const page = stored.slice(0, limit);
      const total = await deps.contacts.countKept(oldestKept);
      // Audited before anything is decrypted: a view that cannot be recorded does not happen.
      await deps.audit.record({
        action: 'contact.viewed',
        outcome: 'success',
        ...who(viewer),
        targetType: 'contacts',
        detail: { count: page.length, storyIds: page.map((contact) => contact.submissionId).join(',') },
      });
      const last = page.at(-1);
      return {
        items: await entriesFor(page),
        total,
        ...(stored.length > limit && last !== undefined ? { nextCursor: encodeCursor(last.createdOn, last.id) } : {}),
      };
    },

    async exportContacts(viewer) {
      const oldestKept = oldestKeptDay(deps.today(), deps.retentionDays);
      const stored = await deps.contacts.listKept({ oldestKept, limit: CONTACT_EXPORT_MAX + 1 });
      const rows = stored.slice(0, CONTACT_EXPORT_MAX);
      const truncated = stored.length > CONTACT_EXPORT_MAX;
      await deps.audit.record({
        action: 'contact.exported',
        outcome: 'success',
        ...who(viewer),
        targetType: 'contacts',
        detail: { count: rows.length, truncated },
      });
      return { entries: await entriesFor(rows), truncated };
    },
  };
}

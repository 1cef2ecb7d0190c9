import type { Connection } from 'mongoose';
import { createAgreementRepository } from '../agreement/repository.ts';
import { createAuditLog } from '../audit/repository.ts';
import { createCampaignRepository } from '../campaigns/repository.ts';
import { createSessionStore } from '../auth/sessions.ts';
import { createOidcUsers } from '../auth/oidcUsers.ts';
import { createUserRepository } from '../users/repository.ts';
import { createContactRepository } from '../contacts/repository.ts';
import { createEmergingRepository } from '../emerging/repository.ts';
import { createSubmissionRepository } from '../feedback/repository.ts';
import { createStoryRepository } from '../stories/repository.ts';
import { createTagRepository } from '../tagging/repository.ts';
import { createThemeRepository } from '../themes/repository.ts';
import { createSuggestionRepository } from '../suggestions/repository.ts';

/**
 * Creates collections and indexes explicitly and back-fills fields derived at write time that older data lacks;
 * safe to run at every start (and run after a restore).
 */
export async function ensureIndexes(connection: Connection): Promise<void> {
  await createSubmissionRepository(connection).ensureIndexes();
  await createContactRepository(connection).ensureIndexes();
  const users = createUserRepository(connection);
  await users.ensureIndexes();
  await createSessionStore(connection, users, () => new Date()).ensureIndexes();
  await createOidcUsers(connection, users).ensureIndexes();
  await createAuditLog(connection).ensureIndexes();
  await createCampaignRepository(connection).ensureIndexes();
  await createStoryRepository(connection).ensureIndexes();
  const tags = createTagRepository(connection);
  await tags.ensureIndexes();
  await tags.backfillTagRefs();
  await createThemeRepository(connection).ensureIndexes();
  await createSuggestionRepository(connection).ensureIndexes();
  await createAgreementRepository(connection).ensureIndexes();
  await createEmergingRepository(connection).ensureIndexes();
}

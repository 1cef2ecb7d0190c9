import type { Connection } from 'mongoose';
import { createAuditLog } from '../audit/repository.ts';
import { starterThemeId } from '@medskapa/analysis';
import { createThemeRepository, DuplicateThemeError, type StoredTheme } from './repository.ts';
import { normaliseKeywords } from './service.ts';
import { STARTER_CODEBOOK } from './starterCodebook.ts';

export { starterThemeId };

/** The starter codebook as stored themes: deterministic ids, so every installation (and every retry) agrees. */
export function starterThemes(now: Date): StoredTheme[] {
  const depths = new Map<string, number>();
  return STARTER_CODEBOOK.map((starter) => {
    const depth = starter.parent === undefined ? 1 : (depths.get(starter.parent) ?? 0) + 1;
    depths.set(starter.key, depth);
    return {
      id: starterThemeId(starter.key),
      ...(starter.parent === undefined ? {} : { parentId: starterThemeId(starter.parent) }),
      depth,
      labels: { ...starter.labels },
      descriptions: { ...starter.descriptions },
      keywords: normaliseKeywords(starter.keywords ?? {}),
      colour: starter.colour,
      status: 'active',
      history: [{ at: now, action: 'created', detail: { source: 'starter codebook' } }],
      createdAt: now,
      updatedAt: now,
    };
  });
}

/**
 * Seeds the starter codebook until it is complete. Safe to run at every start, and by two processes at once:
 * ids are deterministic and an insert that finds its theme already there is skipped. Themes are inserted in
 * order and never deleted (only archived or merged), so the last one being there means an earlier run finished;
 * a run that stopped halfway is completed by the next start. Returns how many themes this call created.
 */
export async function seedStarterCodebook(connection: Connection, now: Date = new Date()): Promise<number> {
  const themes = createThemeRepository(connection);
  const last = STARTER_CODEBOOK.at(-1);
  if (last === undefined || (await themes.findById(starterThemeId(last.key))) !== undefined) return 0;
  let created = 0;
  for (const theme of starterThemes(now)) {
    try {
      await themes.insert(theme);
      created += 1;
    } catch (error) {
      if (!(error instanceof DuplicateThemeError)) throw error;
    }
  }
  if (created > 0) {
    await createAuditLog(connection, () => now).record({ action: 'codebook.seeded', outcome: 'success', targetType: 'codebook', detail: { themes: created } });
  }
  return created;
}

import { uuidFromKey } from '@medskapa/analysis';

export { uuidFromKey };

/** Every theme id is a UUID, so it is also the theme's REFI-QDA `guid`; one identifier, no mapping table. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export function isThemeId(value: string): boolean {
  return UUID.test(value);
}

/**
 * The theme id for an id written in an imported file: a UUID (with or without braces, any case) is kept;
 * anything else is a reference local to the file and becomes a name-based UUID.
 */
export function themeIdFromFile(raw: string): string {
  const bare = raw.trim().replace(/^\{(.*)\}$/, '$1').toLowerCase();
  return isThemeId(bare) ? bare : uuidFromKey(`file:${raw.trim()}`);
}

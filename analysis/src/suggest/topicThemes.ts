/**
 * The respondent's topics (TOPICS in api/contract/lists.ts) and the starter codebook themes they point at, by
 * starter key. Each topic is the form's plain-language name for one theme, so the mapping is one to one;
 * "other" points nowhere. Facilitators may rename or merge the themes: the API resolves keys to the current ids
 * (a merged theme's key resolves to the theme it was merged into) and passes the result as `topicThemes`.
 */
export const STARTER_TOPIC_THEME_KEYS: Readonly<Record<string, readonly string[]>> = {
  access_and_booking: ['access-and-booking'],
  information_and_communication: ['information-and-communication'],
  involvement_in_decisions: ['involvement-in-decisions'],
  coordination_between_units: ['continuity-and-coordination'],
  respect_and_dignity: ['respect-and-dignity'],
  safety: ['safety'],
  waiting_times: ['waiting'],
  digital_services: ['digital-services-1177'],
  medication: ['medication-and-prescriptions'],
  test_results: ['test-results'],
  referrals: ['referrals'],
  relatives_involvement: ['relatives-access-and-proxy'],
  language_and_interpreting: ['language-and-interpreting'],
  accessibility: ['accessibility'],
  other: [],
};

/** Topic → theme ids, through a lookup from starter key to the theme id in this installation. */
export function resolveTopicThemes(
  idOfKey: (key: string) => string | undefined,
  mapping: Readonly<Record<string, readonly string[]>> = STARTER_TOPIC_THEME_KEYS,
): Record<string, string[]> {
  const resolved: Record<string, string[]> = {};
  for (const [topic, keys] of Object.entries(mapping)) {
    resolved[topic] = keys.flatMap((key) => {
      const id = idOfKey(key);
      return id === undefined ? [] : [id];
    });
  }
  return resolved;
}

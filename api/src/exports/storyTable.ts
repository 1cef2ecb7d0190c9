import type { StoryExportRecord } from '../../contract/index.ts';
import type { Cell } from './cells.ts';

export const STORY_COLUMNS = [
  'received_on',
  'language',
  'channel',
  'status',
  'respondent_role',
  'care_settings',
  'topics',
  'rating',
  'campaign',
  'site',
  'rollout_wave',
  'phase',
  'what_happened',
  'what_worked_well',
  'what_could_be_better',
  'idea',
  'themes',
  'excerpts',
] as const;

const LIST = '; ';

/** One story as a spreadsheet row; lists joined with "; ", each excerpt on its own line as "theme: text". */
export function storyRow(record: StoryExportRecord): Cell[] {
  return [
    record.receivedOn,
    record.locale,
    record.channel,
    record.status,
    record.respondentRole,
    record.careSettings.join(LIST),
    record.topics.join(LIST),
    record.rating,
    record.campaign,
    record.site,
    record.wave,
    record.phase,
    record.story.whatHappened,
    record.story.whatWorkedWell,
    record.story.whatCouldBeBetter,
    record.story.idea,
    record.themes.map((theme) => theme.label).join(LIST),
    record.excerpts.map((excerpt) => `${excerpt.label}: ${excerpt.text}`).join('\n'),
  ];
}

import { STORY_TEXT_FIELDS, type Excerpt, type Note, type StoryDetail, type StorySummary, type StoryTag } from '../../contract/index.ts';
import { presentLanguage, presentSuggestions } from '../suggestions/presenter.ts';
import type { StoredTag } from '../tagging/repository.ts';
import type { StoredNote, StoryRecord } from './repository.ts';
import type { StoryView } from './service.ts';

const PREVIEW_LENGTH = 240;


function preview(text: string): string {
  if (text.length <= PREVIEW_LENGTH) return text;
  // Cut at a word boundary, never inside a surrogate pair.
  const cut = text.slice(0, PREVIEW_LENGTH);
  const space = cut.lastIndexOf(' ');
  return `${Array.from(space > PREVIEW_LENGTH / 2 ? cut.slice(0, space) : cut).join('')} …`;
}

export function presentSummary(story: StoryRecord): StorySummary {
  return {
    id: story._id,
    receivedOn: story.receivedOn,
    locale: story.locale,
    channel: story.channel,
    status: story.status,
    needsAttention: story.needsAttention ?? false,
    respondentRole: story.respondent.role,
    careSettings: story.care.settings,
    ...(story.rating === undefined ? {} : { rating: story.rating }),
    ...(story.campaign === undefined ? {} : { campaign: story.campaign }),
    ...(story.campaignContext === undefined ? {} : { campaignContext: story.campaignContext }),
    themes: story.themes ?? [],
    preview: preview(story.story.whatHappened),
  };
}

function presentTag(tag: StoredTag): StoryTag {
  return { id: tag.id, themeId: tag.themeId, createdAt: tag.createdAt.toISOString(), ...(tag.createdBy === undefined ? {} : { createdBy: tag.createdBy }) };
}

export function presentExcerpt(tag: StoredTag, fieldText: string | undefined): Excerpt {
  const start = tag.start ?? 0;
  const end = tag.end ?? 0;
  return {
    id: tag.id,
    themeId: tag.themeId,
    field: tag.field ?? 'whatHappened',
    start,
    end,
    text: (fieldText ?? '').slice(start, end),
    createdAt: tag.createdAt.toISOString(),
    ...(tag.createdBy === undefined ? {} : { createdBy: tag.createdBy }),
  };
}

export function presentNote(note: StoredNote): Note {
  return {
    id: note.id,
    text: note.text,
    createdAt: note.createdAt.toISOString(),
    ...(note.createdBy === undefined ? {} : { createdBy: note.createdBy }),
    ...(note.authorName === undefined ? {} : { authorName: note.authorName }),
  };
}

export function presentStory({ story, tags, notes }: StoryView): StoryDetail {
  const texts = story.story;
  const fields = Object.fromEntries(STORY_TEXT_FIELDS.flatMap((field) => (texts[field] === undefined ? [] : [[field, texts[field]]])));
  return {
    id: story._id,
    receivedOn: story.receivedOn,
    locale: story.locale,
    channel: story.channel,
    status: story.status,
    needsAttention: story.needsAttention ?? false,
    ...(story.campaign === undefined ? {} : { campaign: story.campaign }),
    ...(story.campaignContext === undefined ? {} : { campaignContext: story.campaignContext }),
    respondent: story.respondent,
    care: story.care,
    topics: story.topics,
    story: { whatHappened: texts.whatHappened, ...(texts.whatWorkedWell === undefined ? {} : { whatWorkedWell: texts.whatWorkedWell }), ...(texts.whatCouldBeBetter === undefined ? {} : { whatCouldBeBetter: texts.whatCouldBeBetter }), ...(texts.idea === undefined ? {} : { idea: texts.idea }) },
    ...(story.rating === undefined ? {} : { rating: story.rating }),
    hasFollowUp: story.hasFollowUp,
    redactions: [
      ...story.redactions,
      ...Object.entries(
        (story.manualRedactions ?? []).reduce<Record<string, number>>((counts, { field }) => ({ ...counts, [field]: (counts[field] ?? 0) + 1 }), {}),
      ).map(([field, count]) => ({ field, kind: 'manual' as const, count })),
    ],
    tags: tags.filter((tag) => tag.kind === 'story').map(presentTag),
    excerpts: tags.filter((tag) => tag.kind === 'excerpt').map((tag) => presentExcerpt(tag, tag.field === undefined ? undefined : fields[tag.field])),
    notes: notes.map(presentNote),
    suggestions: presentSuggestions(story),
    ...presentLanguage(story),
  };
}

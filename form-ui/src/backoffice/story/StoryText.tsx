import type { Excerpt, StoryTextField } from '@medskapa/api/contract';
import { useTranslation } from 'react-i18next';
import { useThemes } from '../themes.tsx';
import './suggestions.css';

/** Words that led to a suggested theme: highlighted differently from excerpts. */
export interface EvidenceHighlight {
  readonly start: number;
  readonly end: number;
  readonly themeId: string;
}

interface Segment {
  readonly start: number;
  readonly end: number;
  readonly excerpts: ReadonlyArray<Excerpt>;
  readonly evidence: ReadonlyArray<EvidenceHighlight>;
}

/** Cuts a field's text at every excerpt and evidence boundary; each piece knows what covers it (they may overlap). */
export function segmentsOf(length: number, excerpts: ReadonlyArray<Excerpt>, evidence: ReadonlyArray<EvidenceHighlight> = []): Segment[] {
  const cuts = new Set<number>([0, length]);
  for (const range of [...excerpts, ...evidence]) {
    cuts.add(Math.max(0, Math.min(length, range.start)));
    cuts.add(Math.max(0, Math.min(length, range.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  const covers = (start: number, end: number) => (range: { start: number; end: number }) => range.start <= start && range.end >= end;
  for (let index = 0; index < points.length - 1; index += 1) {
    const start = points[index] ?? 0;
    const end = points[index + 1] ?? length;
    if (end > start) segments.push({ start, end, excerpts: excerpts.filter(covers(start, end)), evidence: evidence.filter(covers(start, end)) });
  }
  return segments;
}

/**
 * One story field's text. Excerpts are <mark>s named by their themes (title, and a start/end note that screen
 * readers read from CSS generated content); the marks add no characters, so a DOM range's text offsets within the
 * element are the stored UTF-16 offsets. Words behind a suggestion are marked the same way, with a dashed frame.
 */
export function StoryText({
  field,
  text,
  lang,
  excerpts,
  evidence = [],
}: {
  field: StoryTextField;
  text: string;
  lang: string;
  excerpts: ReadonlyArray<Excerpt>;
  evidence?: ReadonlyArray<EvidenceHighlight>;
}) {
  const { t } = useTranslation('core');
  const { t: ta } = useTranslation('analysis');
  const { byId } = useThemes();
  const label = (excerpt: { themeId: string }) => byId.get(excerpt.themeId)?.label ?? t('themes.unknown');
  return (
    <p className="story-text" data-story-field={field} lang={lang} dir="auto">
      {segmentsOf(text.length, excerpts, evidence).map((segment) => {
        const plain = text.slice(segment.start, segment.end);
        const suggested = [...new Set(segment.evidence.map(label))].join(', ');
        const piece =
          segment.evidence.length === 0 ? (
            plain
          ) : (
            <mark
              className="evidence-mark"
              title={ta('suggestions.markTitle', { themes: suggested })}
              data-start-note={ta('suggestions.markStart', { themes: suggested })}
              data-end-note={ta('suggestions.markEnd')}
            >
              {plain}
            </mark>
          );
        if (segment.excerpts.length === 0) return <span key={segment.start}>{piece}</span>;
        const themes = segment.excerpts.map(label).join(', ');
        return (
          <mark
            key={segment.start}
            className="excerpt-mark"
            title={t('story.excerpts.markTitle', { themes })}
            data-start-note={t('story.excerpts.markStart', { themes })}
            data-end-note={t('story.excerpts.markEnd')}
          >
            {piece}
          </mark>
        );
      })}
    </p>
  );
}

export interface TextSelection {
  readonly field: StoryTextField;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

function fieldElementOf(node: Node): HTMLElement | null {
  const element = node instanceof Element ? node : node.parentElement;
  return element?.closest<HTMLElement>('[data-story-field]') ?? null;
}

/**
 * The current DOM selection as a field and UTF-16 range, trimmed of surrounding white space; `null` when the
 * selection is collapsed inside a field or spans two fields; `undefined` when it lies outside every field.
 */
export function readSelection(isField: (value: string) => value is StoryTextField): TextSelection | null | undefined {
  const selection = document.getSelection();
  if (selection === null || selection.rangeCount === 0) return undefined;
  const range = selection.getRangeAt(0);
  const startElement = fieldElementOf(range.startContainer);
  const endElement = fieldElementOf(range.endContainer);
  if (startElement === null && endElement === null) return undefined;
  if (range.collapsed || startElement === null || startElement !== endElement) return null;
  const field = startElement.dataset['storyField'];
  if (field === undefined || !isField(field)) return null;
  const before = document.createRange();
  before.selectNodeContents(startElement);
  before.setEnd(range.startContainer, range.startOffset);
  const whole = startElement.textContent ?? '';
  let start = before.toString().length;
  let end = start + range.toString().length;
  while (start < end && /\s/.test(whole[start] ?? '')) start += 1;
  while (end > start && /\s/.test(whole[end - 1] ?? '')) end -= 1;
  if (end <= start) return null;
  return { field, start, end, text: whole.slice(start, end) };
}

import type { Db } from 'mongodb';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { SubmissionInput, Theme } from '../../api/contract/index.ts';
import { buildSubmission, newKey } from '../support/builders.ts';
import { uniquePhrase } from '../support/markers.ts';
import { BACKOFFICE_PASSWORD } from './backoffice-harness.ts';

/** A signed-in API client (cookie + CSRF token), for seeding and checking what the UI did. */
export interface ApiSession {
  readonly cookie: string;
  readonly csrfToken: string;
}

export async function apiSignIn(baseUrl: string, email: string): Promise<ApiSession> {
  const response = await fetch(`${baseUrl}/api/v1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: BACKOFFICE_PASSWORD }),
  });
  expect(response.status).toBe(201);
  const cookie = response.headers.getSetCookie()[0]!.split(';')[0]!;
  const body = (await response.json()) as { csrfToken: string };
  return { cookie, csrfToken: body.csrfToken };
}

export async function apiCall(baseUrl: string, session: ApiSession, method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      Cookie: session.cookie,
      'X-CSRF-Token': session.csrfToken,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
}

/** A new theme with a unique label (so tests never collide with the starter codebook or each other). */
export async function seedTheme(baseUrl: string, session: ApiSession, name: string, colour = '#1d70b8'): Promise<Theme> {
  const label = uniquePhrase(name);
  const created = await apiCall(baseUrl, session, 'POST', '/api/v1/themes', { labels: { sv: label, en: `${label} en` }, colour });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body as Theme;
}

/**
 * Sends a story through the public API, as the form does. "What happened" starts with a unique marker phrase
 * (letters only) followed by `text`; returns the story's id and the marker.
 */
export async function seedStory(
  baseUrl: string,
  db: Db,
  options: { text?: string; markerPrefix?: string; overrides?: Partial<SubmissionInput> } = {},
): Promise<{ id: string; marker: string; whatHappened: string }> {
  const marker = uniquePhrase(options.markerPrefix ?? 'berattelse');
  const whatHappened = `${marker} ${options.text ?? 'Vi fick vänta länge på akuten och ingen berättade varför.'}`;
  const base = buildSubmission();
  const submission = buildSubmission({ ...options.overrides, story: { ...base.story, ...options.overrides?.story, whatHappened } });
  const response = await fetch(`${baseUrl}/api/v1/submissions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': newKey() },
    body: JSON.stringify(submission),
  });
  expect(response.status).toBe(201);
  const stored = await db.collection<{ _id: string }>('submissions').findOne({ 'story.whatHappened': { $regex: marker.split(' ')[1]! } });
  expect(stored).not.toBeNull();
  return { id: stored!._id, marker, whatHappened };
}

/** Selects characters [start, end) of a story field's text, as a mouse drag would (the text may be split by marks). */
export async function selectInField(page: Page, field: string, start: number, end: number): Promise<void> {
  await page.evaluate(
    ({ field, start, end }) => {
      const element = document.querySelector(`[data-story-field="${field}"]`)!;
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      let offset = 0;
      let startSet = false;
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        const length = node.textContent!.length;
        if (!startSet && start <= offset + length) {
          range.setStart(node, start - offset);
          startSet = true;
        }
        if (end <= offset + length) {
          range.setEnd(node, end - offset);
          break;
        }
        offset += length;
      }
      const selection = document.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    },
    { field, start, end },
  );
}

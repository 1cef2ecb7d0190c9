import type { RequestHandler } from 'express';
import type { FeedbackService } from '../feedback/service.ts';

/** The submission service, telling the worker about each new story once it is stored (nothing is awaited). */
export function pokeOnArrival(service: FeedbackService, worker: { poke(storyId?: string): void }): FeedbackService {
  return {
    async acceptSubmission(submission, idempotencyKey) {
      const accepted = await service.acceptSubmission(submission, idempotencyKey);
      if (!accepted.replayed) worker.poke(accepted.id);
      return accepted;
    },
  };
}

/** Changes after which many stories' suggestions are out of date: the codebook. */
const RUN_AFTER: ReadonlyArray<{ readonly method: string; readonly path: RegExp }> = [
  { method: 'POST', path: /^\/api\/v1\/themes(\/[^/]+\/merge)?$/ },
  { method: 'PATCH', path: /^\/api\/v1\/themes\/[^/]+$/ },
  { method: 'POST', path: /^\/api\/v1\/codebook\/import$/ },
];

/**
 * Changes to one story after which its suggestions are computed again: its text (de-identification moves the
 * evidence ranges) or its tags (a tagged theme is not suggested; an untagged one may be again).
 */
const STORY_CHANGE = /^\/api\/v1\/stories\/([^/]+)\/(redactions|tags|tags\/[^/]+|excerpts|excerpts\/[^/]+)$/;

/**
 * Tells the suggestion worker once such a request has succeeded, after the answer is sent: the request itself
 * never waits for the analysis (ingestion speed is benchmarked).
 */
export function suggestionTriggers(worker: { poke(storyId?: string): void; refreshStory(storyId: string): Promise<void> }, onError: (error: unknown) => void): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'GET') {
      const storyId = req.method === 'POST' || req.method === 'DELETE' ? STORY_CHANGE.exec(req.path)?.[1] : undefined;
      const run = RUN_AFTER.some((trigger) => trigger.method === req.method && trigger.path.test(req.path));
      if (storyId !== undefined || run) {
        res.once('finish', () => {
          if (res.statusCode >= 300) return;
          if (run) worker.poke();
          if (storyId === undefined) return;
          let id: string;
          try {
            id = decodeURIComponent(storyId);
          } catch {
            return;
          }
          worker.refreshStory(id).catch(onError);
        });
      }
    }
    next();
  };
}

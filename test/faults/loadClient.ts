import { createHash, createHmac, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { SubmissionSchema, type SubmissionInput } from '../../api/contract/index.ts';
import { buildSubmission } from '../support/builders.ts';
import { uniquePhrase } from '../support/markers.ts';

/** One HTTP attempt, as logged: `status` is the HTTP status, or the network error's code. */
export interface Attempt {
  readonly id: string;
  readonly payloadHash: string;
  readonly attempt: number;
  readonly status: number | string;
  readonly startedAt: number;
  readonly at: number;
  readonly retryAfter?: string;
  /** The instance that answered, when a proxy says (`X-Upstream`). */
  readonly upstream?: string;
}

export interface Story {
  /** The Idempotency-Key, a UUID made before the first send (as the form's outbox does). */
  readonly id: string;
  readonly body: SubmissionInput;
  /** sha256 of the JSON sent, the same on every attempt. */
  readonly payloadHash: string;
  /** What the API stores as `requestHash`: HMAC(APP_SECRET, the validated submission), to compare content. */
  readonly requestHash: string;
  readonly marker: string;
  attempts: number;
  ackStatus?: number;
  /** The stored story's id from the acknowledgement. */
  ackId?: string;
  ackAt?: number;
  rejected?: number;
}

export interface LoadClientOptions {
  readonly baseUrl: string;
  readonly ratePerSecond: number;
  readonly appSecret: string;
  readonly timeoutMs?: number;
}

function isAccepted(value: unknown): value is { id: string; redactions: unknown[] } {
  return typeof value === 'object' && value !== null && 'id' in value && typeof value.id === 'string' && 'redactions' in value && Array.isArray(value.redactions);
}

function networkCode(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return 'TIMEOUT';
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 4; depth += 1) {
    if ('code' in current && typeof current.code === 'string') return current.code;
    current = current.cause;
  }
  return error instanceof Error ? error.name : 'ERROR';
}

/**
 * Sends new stories at a fixed rate, each with the public form's retry policy (form-ui/src/feedback/outbox.ts):
 * the same Idempotency-Key and body on every attempt; 200/201 acknowledge; 400/409/413/415 end it; anything
 * else — network errors, timeouts, 5xx, 429 — is retried after `Retry-After` when given, otherwise after an
 * exponential backoff with full jitter (at least 0.5 s, at most 30 s; the first retry within 1 s). 15 s timeout.
 */
export class LoadClient {
  readonly options: LoadClientOptions;
  readonly stories = new Map<string, Story>();
  readonly attempts: Attempt[] = [];
  readonly #pending = new Set<Promise<void>>();
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;
  #giveUpAt = Number.POSITIVE_INFINITY;
  #startedAt = 0;
  #generated = 0;

  constructor(options: LoadClientOptions) {
    this.options = options;
  }

  start(): void {
    this.#startedAt = Date.now();
    // Generates whatever is due since the start, so the rate holds even when timers run late.
    this.#timer = setInterval(() => {
      const due = Math.floor(((Date.now() - this.#startedAt) * this.options.ratePerSecond) / 1000);
      while (this.#generated < due) {
        this.#generated += 1;
        this.#launch(this.#newStory());
      }
    }, 10);
  }

  /** Sends `count` stories a few at a time and waits for them: warms the API's connection pools and JIT. */
  async warmUp(count: number): Promise<void> {
    for (let i = 0; i < count; i += 5) await Promise.all(Array.from({ length: Math.min(5, count - i) }, () => this.#send(this.#newStory())));
  }

  /** Stops making new stories; the ones already made keep retrying. */
  stop(): void {
    clearInterval(this.#timer);
    this.#stopped = true;
  }

  /** Waits until every story is acknowledged or rejected, or the time is up (the rest count as lost). */
  async drain(timeoutMs: number): Promise<boolean> {
    if (!this.#stopped) this.stop();
    this.#giveUpAt = Date.now() + timeoutMs;
    const all = Promise.all([...this.#pending]).then(() => true);
    return Promise.race([all, sleep(timeoutMs + 16_000).then(() => false)]);
  }

  #newStory(): Story {
    const marker = uniquePhrase('Lasttest');
    const body = buildSubmission({
      story: {
        whatHappened: `Jag fick vänta länge i telefonkön innan någon svarade. ${marker}`,
        whatWorkedWell: 'Personalen i receptionen var vänlig och tog sig tid.',
        whatCouldBeBetter: 'Det borde gå att se hur lång kön är.',
      },
    });
    const json = JSON.stringify(body);
    const requestHash = createHmac('sha256', Buffer.from(this.options.appSecret, 'utf8')).update(JSON.stringify(SubmissionSchema.parse(body))).digest('hex');
    const story: Story = { id: randomUUID(), body, payloadHash: createHash('sha256').update(json).digest('hex'), requestHash, marker, attempts: 0 };
    this.stories.set(story.id, story);
    return story;
  }

  #launch(story: Story): void {
    const promise = this.#send(story).finally(() => this.#pending.delete(promise));
    this.#pending.add(promise);
  }

  async #send(story: Story): Promise<void> {
    const json = JSON.stringify(story.body);
    for (let attempt = 0; Date.now() < this.#giveUpAt; attempt += 1) {
      let waitMs = Math.max(500, Math.random() * Math.min(30_000, 1000 * 2 ** attempt));
      story.attempts = attempt + 1;
      const startedAt = Date.now();
      try {
        const response = await fetch(`${this.options.baseUrl}/api/v1/submissions`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': story.id },
          body: json,
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000),
        });
        const body: unknown = await response.json().catch(() => undefined);
        const retryAfter = response.headers.get('Retry-After') ?? undefined;
        const upstream = response.headers.get('X-Upstream') ?? undefined;
        this.attempts.push({
          id: story.id,
          payloadHash: story.payloadHash,
          attempt: attempt + 1,
          status: response.status,
          startedAt,
          at: Date.now(),
          ...(retryAfter === undefined ? {} : { retryAfter }),
          ...(upstream === undefined ? {} : { upstream }),
        });
        if ((response.status === 200 || response.status === 201) && isAccepted(body)) {
          story.ackStatus = response.status;
          story.ackId = body.id;
          story.ackAt = Date.now();
          return;
        }
        if ([400, 409, 413, 415].includes(response.status)) {
          story.rejected = response.status;
          return;
        }
        const seconds = Number(retryAfter);
        if (Number.isFinite(seconds) && seconds > 0) waitMs = Math.min(60, seconds) * 1000;
      } catch (error) {
        this.attempts.push({ id: story.id, payloadHash: story.payloadHash, attempt: attempt + 1, status: networkCode(error), startedAt, at: Date.now() });
      }
      await sleep(attempt === 0 ? Math.min(waitMs, 1000) : waitMs);
    }
  }
}

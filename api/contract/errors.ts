import { z } from 'zod';

export const ERROR_CODES = [
  'invalid_json',
  'validation_failed',
  'idempotency_key_required',
  'idempotency_conflict',
  'payload_too_large',
  'unsupported_media_type',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'rate_limited',
  'service_unavailable',
  'internal_error',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ErrorBodySchema = z
  .strictObject({
    error: z.strictObject({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      fields: z.record(z.string(), z.string()).optional(),
      requestId: z.string().optional(),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

type IssueLike = {
  readonly code: string;
  readonly path: ReadonlyArray<PropertyKey>;
  readonly message: string;
  readonly keys?: ReadonlyArray<string>;
};

/** Generic message keys for issues the schema does not name itself. */
export function genericIssueKey(issue: { readonly code: string; readonly input?: unknown }): string {
  if (issue.code === 'unrecognized_keys') return 'validation.unknownField';
  if (issue.input === null) return 'validation.notNull';
  if (issue.input === undefined) return 'validation.required';
  if (issue.code === 'invalid_type') return 'validation.invalidType';
  return 'validation.invalid';
}

/** Maps issues to `{ "story.whatHappened": "story.whatHappened.tooShort" }`; array positions fold into the list's path. */
export function fieldErrorsFromIssues(issues: ReadonlyArray<IssueLike>): Record<string, string> {
  const fields: Record<string, string> = {};
  const put = (path: ReadonlyArray<PropertyKey>, key: string): void => {
    const name = path.filter((segment) => typeof segment === 'string').join('.') || '(root)';
    fields[name] ??= key;
  };
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys' && issue.keys !== undefined) {
      for (const key of issue.keys) put([...issue.path, key], issue.message);
    } else {
      put(issue.path, issue.message);
    }
  }
  return fields;
}

import type { z } from 'zod';
import { fieldErrorsFromIssues, genericIssueKey } from '../../contract/index.ts';
import { ValidationError } from './errors.ts';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 16;

/** Rejects operator-like, dotted and prototype keys, and absurd nesting, before the schema sees the body. */
export function assertSafeKeys(value: unknown): void {
  const stack: Array<{ node: unknown; path: string; depth: number }> = [{ node: value, path: '', depth: 0 }];
  while (stack.length > 0) {
    const item = stack.pop();
    if (item === undefined || typeof item.node !== 'object' || item.node === null) continue;
    if (item.depth > MAX_DEPTH) {
      throw new ValidationError({ [item.path || '(root)']: 'validation.tooDeep' }, 'The request is nested too deeply.');
    }
    const entries = Array.isArray(item.node) ? item.node.entries() : Object.entries(item.node);
    for (const [key, child] of entries) {
      const path = item.path === '' ? String(key) : `${item.path}.${String(key)}`;
      if (typeof key === 'string' && (key.startsWith('$') || key.includes('.') || FORBIDDEN_KEYS.has(key))) {
        throw new ValidationError({ [path]: 'validation.forbiddenKey' }, 'The request contains a key that is not allowed.');
      }
      stack.push({ node: child, path, depth: item.depth + 1 });
    }
  }
}

/** Validates once at the edge: a typed value, or a ValidationError whose fields are i18n keys. */
export function parseBody<Schema extends z.ZodType>(schema: Schema, body: unknown): z.infer<Schema> {
  assertSafeKeys(body);
  const result = schema.safeParse(body, { error: genericIssueKey });
  if (!result.success) throw new ValidationError(fieldErrorsFromIssues(result.error.issues));
  return result.data;
}

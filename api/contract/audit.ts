import { z } from 'zod';

export const AUDIT_OUTCOMES = ['success', 'failure', 'denied'] as const;
export const AUDIT_PAGE_SIZE_MAX = 1000;

const day = (key: string) => z.iso.date({ error: `${key}.invalid` });
const id = (key: string) => z.string().trim().min(1, { error: `${key}.invalid` }).max(64, { error: `${key}.invalid` });

/** Filters for `GET /api/v1/audit` and `/api/v1/audit.csv`; they combine with AND. */
export const AuditQuerySchema = z
  .strictObject({
    /** An exact action (`user.created`), or a prefix ending in a dot (`theme.`). */
    action: z
      .string()
      .regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*\.?$/, { error: 'query.action.invalid' })
      .max(64, { error: 'query.action.invalid' })
      .exactOptional(),
    actorId: id('query.actorId').exactOptional(),
    targetType: id('query.targetType').exactOptional(),
    targetId: id('query.targetId').exactOptional(),
    outcome: z.enum(AUDIT_OUTCOMES, { error: 'query.outcome.invalid' }).exactOptional(),
    /** First and last day (UTC), inclusive. */
    from: day('query.from').exactOptional(),
    to: day('query.to').exactOptional(),
    /** The cursor from the previous page's `Link: <…>; rel="next"`. */
    after: z.string().max(200, { error: 'query.after.invalid' }).exactOptional(),
    limit: z.coerce
      .number({ error: 'query.limit.invalid' })
      .int({ error: 'query.limit.invalid' })
      .min(1, { error: 'query.limit.invalid' })
      .max(AUDIT_PAGE_SIZE_MAX, { error: 'query.limit.invalid' })
      .exactOptional(),
  })
  .refine((query) => query.from === undefined || query.to === undefined || query.from <= query.to, { error: 'query.to.beforeFrom', path: ['to'] })
  .meta({ id: 'AuditQuery' });
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

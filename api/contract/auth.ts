import { z } from 'zod';

export const ROLES = ['facilitator', 'staff', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

const email = z
  .string({ error: (issue) => (issue.input === undefined ? 'user.email.required' : 'user.email.invalid') })
  .trim()
  .toLowerCase()
  .pipe(z.email({ pattern: z.regexes.unicodeEmail, error: 'user.email.invalid' }))
  .pipe(z.string().max(254, { error: 'user.email.invalid' }));

const password = z
  .string({ error: (issue) => (issue.input === undefined ? 'user.password.required' : 'user.password.invalid') })
  .max(PASSWORD_MAX_LENGTH, { error: 'user.password.tooLong' });

export const SignInSchema = z.strictObject({ email, password }).meta({ id: 'SignIn' });
export type SignIn = z.infer<typeof SignInSchema>;

const roles = z
  .array(z.enum(ROLES, { error: 'user.roles.invalid' }), { error: 'user.roles.invalid' })
  .min(1, { error: 'user.roles.required' })
  .max(ROLES.length, { error: 'user.roles.invalid' })
  .refine((list) => new Set(list).size === list.length, { error: 'user.roles.duplicate' });

export const CreateUserSchema = z
  .strictObject({
    email,
    displayName: z.string().trim().min(1, { error: 'user.displayName.required' }).max(120, { error: 'user.displayName.tooLong' }),
    roles,
    password,
  })
  .meta({ id: 'CreateUser' });
export type CreateUser = z.infer<typeof CreateUserSchema>;

export const UpdateUserSchema = z
  .strictObject({ roles: roles.exactOptional(), disabled: z.boolean({ error: 'user.disabled.invalid' }).exactOptional() })
  .meta({ id: 'UpdateUser' });
export type UpdateUser = z.infer<typeof UpdateUserSchema>;

export const UserSchema = z
  .strictObject({ id: z.string(), email: z.string(), displayName: z.string(), roles: z.array(z.enum(ROLES)), disabled: z.boolean() })
  .meta({ id: 'User' });
export type User = z.infer<typeof UserSchema>;

export const SessionSchema = z
  .strictObject({
    user: UserSchema,
    csrfToken: z.string(),
    /** Set for users who signed in with the identity provider: open it (a page load) to sign out there too. */
    signOutUrl: z.string().optional(),
  })
  .meta({ id: 'Session' });

/** What the sign-in page offers: passwords always (break-glass), and the identity provider when configured. */
export const SignInMethodsSchema = z
  .strictObject({
    oidc: z
      .strictObject({
        /** The provider's name for the button ("Sign in with …"); absent: a neutral text. */
        providerName: z.string().optional(),
        /** Open it (a page load) to start signing in. */
        startUrl: z.string(),
      })
      .optional(),
  })
  .meta({ id: 'SignInMethods' });
export type SignInMethods = z.infer<typeof SignInMethodsSchema>;

export const AuditEventSchema = z
  .strictObject({
    id: z.string(),
    at: z.string(),
    action: z.string(),
    outcome: z.enum(['success', 'failure', 'denied']),
    actorId: z.string().optional(),
    targetType: z.string().optional(),
    targetId: z.string().optional(),
    requestId: z.string().optional(),
    detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  })
  .meta({ id: 'AuditEvent' });
export type AuditEvent = z.infer<typeof AuditEventSchema>;

import type { Role, User } from '@medskapa/api/contract';
import { createContext, useContext, type ReactNode } from 'react';

export interface BackofficeSession {
  readonly user: User;
  readonly csrfToken: string;
  hasRole(...roles: Role[]): boolean;
  signOut(): Promise<void>;
}

const SessionContext = createContext<BackofficeSession | undefined>(undefined);

export function SessionProvider({ session, children }: { session: BackofficeSession; children: ReactNode }) {
  return <SessionContext value={session}>{children}</SessionContext>;
}

/** The signed-in user; only screens rendered inside the signed-in shell may call it. */
export function useSession(): BackofficeSession {
  const session = useContext(SessionContext);
  if (session === undefined) throw new Error('useSession outside the signed-in shell');
  return session;
}

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { authHeaders, bearerToken, setCsrfToken } from '../api/client';

export type Role = 'admin' | 'monitor' | 'verifier' | 'analyst';

/** Who is signed in, whichever way: a cookie session (people) or a bearer token (scripts). */
export interface Session {
  userId: string;
  name: string;
  workspaceId: string;
  workspaceName?: string;
  role: Role;
  csrfToken?: string;
  secondFactor?: { enrolled: boolean; required: boolean };
}

async function getJson(path: string): Promise<unknown | undefined> {
  const response = await fetch(path, {
    headers: { ...authHeaders(), Accept: 'application/json' },
    credentials: 'same-origin',
  });
  if (response.status === 401 || response.status === 404) return undefined;
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.json();
}

/** The session cookie's session, else the bearer token's actor (GET /me), else nobody. */
export async function loadSession(): Promise<Session | null> {
  if (bearerToken() === undefined) {
    const session = (await getJson('/auth/session')) as Session | undefined;
    setCsrfToken(session?.csrfToken);
    return session ?? null;
  }
  const me = (await getJson('/me')) as
    { userId: string; userName: string; workspaceId: string; role: Role } | undefined;
  if (me === undefined) return null;
  return { userId: me.userId, name: me.userName, workspaceId: me.workspaceId, role: me.role };
}

export const SESSION_KEY = ['session'] as const;

export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: loadSession, staleTime: 60_000 });
}

export function useRefreshSession() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: SESSION_KEY });
}

/** What each role may open: the navigation shows exactly these (the API enforces them). */
export const SCREENS = {
  newCase: ['admin', 'monitor'],
  cases: ['admin', 'monitor', 'verifier', 'analyst'],
  dashboard: ['admin', 'monitor', 'verifier', 'analyst'],
  snapshots: ['admin', 'monitor', 'verifier', 'analyst'],
  import: ['admin', 'monitor'],
  admin: ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Screen = keyof typeof SCREENS;

export function mayOpen(role: Role | undefined, screen: Screen): boolean {
  return role !== undefined && (SCREENS[screen] as readonly Role[]).includes(role);
}

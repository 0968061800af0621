import type { Role } from './roles';

/** The signed-in person, as their token says. */
export interface Identity {
  userId: string;
  role: Role;
  unitId: string | null;
  /** A display name where the provider gives one (OpenID Connect), else the user id. */
  name: string;
}

export interface Session {
  token: string;
  /** ms since the epoch */
  expiresAt: number;
  identity: Identity;
  /** How the person signed in: the demo identities, or the bureau's identity provider. */
  via: 'dev' | 'oidc';
}

/** Why the person is on the sign-in page again. */
export type EndReason = 'signed-out' | 'expired' | 'refused';

const KEY = 'jixiao.session';
let session: Session | null = read();
const listeners = new Set<(reason: EndReason | null) => void>();
const renewalListeners = new Set<() => void>();
let renewals = 0;
let expiryTimer: ReturnType<typeof setTimeout> | undefined;

function read(): Session | null {
  try {
    const stored = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as Session | null;
    return stored && stored.expiresAt > Date.now() ? stored : null;
  } catch {
    return null;
  }
}

/** The claims of a JWT, unverified: the platform verifies; the console only reads who it says. */
export function claimsOf(token: string): Record<string, unknown> {
  const part = token.split('.')[1] ?? '';
  const json = decodeURIComponent(
    Array.from(atob(part.replace(/-/g, '+').replace(/_/g, '/')))
      .map((c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
      .join(''),
  );
  return JSON.parse(json) as Record<string, unknown>;
}

export const currentSession = (): Session | null => session;

function armExpiry() {
  clearTimeout(expiryTimer);
  if (!session) return;
  // the browser's timers cap at ~24.8 days; a session is hours long
  expiryTimer = setTimeout(() => endSession('expired'), Math.max(0, session.expiresAt - Date.now()));
}

export function startSession(next: Session): void {
  session = next;
  sessionStorage.setItem(KEY, JSON.stringify(next));
  armExpiry();
  listeners.forEach((listener) => listener(null));
}

/**
 * Replaces the token of the current session (a refreshed OpenID Connect token). The person is the
 * same, so pages stay as they are; only what holds the token (the live connection) starts again.
 */
export function renewSession(token: string, expiresAt: number): void {
  if (!session) return;
  session = { ...session, token, expiresAt };
  sessionStorage.setItem(KEY, JSON.stringify(session));
  armExpiry();
  renewals += 1;
  renewalListeners.forEach((listener) => listener());
}

/** How many times this page has renewed the session's token (a React external store with `onSessionRenewed`). */
export const sessionRenewals = (): number => renewals;

/** Calls `listener` after the current session's token is renewed. */
export function onSessionRenewed(listener: () => void): () => void {
  renewalListeners.add(listener);
  return () => renewalListeners.delete(listener);
}

export function endSession(reason: EndReason): void {
  if (!session) return;
  session = null;
  sessionStorage.removeItem(KEY);
  clearTimeout(expiryTimer);
  listeners.forEach((listener) => listener(reason));
}

/** Calls `listener` when a session starts (null) or ends (the reason). */
export function onSessionChange(listener: (reason: EndReason | null) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

armExpiry();

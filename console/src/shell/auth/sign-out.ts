import { currentSession, endSession } from '../session';

/** Ends the session here (and, for a provider's session, there too). */
export async function signOut(): Promise<void> {
  if (currentSession()?.via === 'oidc') {
    // the provider's end-session redirect is added with the OpenID Connect sign-in
  }
  endSession('signed-out');
}

import { currentSession, endSession } from '../session';
import { signOutAtProvider } from './oidc';

/** Ends the session here and, for a provider's session, there too (its end-session endpoint). */
export async function signOut(): Promise<void> {
  if (currentSession()?.via === 'oidc') {
    try {
      return await signOutAtProvider();
    } catch {
      // the provider is out of reach: the session here ends all the same
    }
  }
  endSession('signed-out');
}

import type { RouteObject } from 'react-router-dom';
import { CALLBACK_PATH, SIGNED_OUT_PATH } from './oidc';
import { OidcCallbackPage } from './oidc-callback';
import { SignInPage } from './sign-in-page';

/** The addresses the identity provider sends the browser back to, whoever is signed in. */
export const AUTH_ROUTES: RouteObject[] = [
  { path: CALLBACK_PATH, element: <OidcCallbackPage /> },
  { path: SIGNED_OUT_PATH, element: <SignInPage reason="signed-out" /> },
];

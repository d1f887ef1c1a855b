// The OpenID Connect provider the end-to-end tests sign in against, and what the app needs to know
// about it (playwright.config.ts passes these to both).

export const TEST_IDP_PORT = Number(process.env.E2E_OIDC_PORT ?? 3450);
// 127.0.0.1 while the app is on localhost: another site, as a real provider is.
export const TEST_IDP_ISSUER = `http://127.0.0.1:${TEST_IDP_PORT}`;
export const TEST_IDP_CLIENT = { id: "feedback-kit-e2e", secret: "feedback-kit-e2e-client-secret" };
export const TEST_IDP_NAME = "Test IdP";

/**
 * The test provider accepts any login name with any password: the login is the account's email,
 * and `unverified:<email>` is an account whose email the provider has not verified.
 */
export const UNVERIFIED_LOGIN_PREFIX = "unverified:";

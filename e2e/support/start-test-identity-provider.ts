// `tsx e2e/support/start-test-identity-provider.ts`: an OpenID Connect provider on a loopback port
// for the end-to-end tests (oidc-provider with its development sign-in form). Started by
// playwright.config.ts; E2E_APP_URL is the app whose callback it may redirect to.
import Provider, { type KoaContextWithOIDC } from "oidc-provider";
import { TEST_IDP_CLIENT, TEST_IDP_ISSUER, TEST_IDP_PORT, UNVERIFIED_LOGIN_PREFIX } from "./test-identity-provider";

const appUrl = process.env.E2E_APP_URL;
if (!appUrl) throw new Error("E2E_APP_URL must name the app under test");

function claimsFor(login: string) {
  const unverified = login.startsWith(UNVERIFIED_LOGIN_PREFIX);
  const email = unverified ? login.slice(UNVERIFIED_LOGIN_PREFIX.length) : login;
  return { sub: `test-idp|${login}`, email, email_verified: !unverified, name: email.split("@")[0] };
}

const provider = new Provider(TEST_IDP_ISSUER, {
  clients: [
    {
      client_id: TEST_IDP_CLIENT.id,
      client_secret: TEST_IDP_CLIENT.secret,
      redirect_uris: [`${appUrl}/api/auth/callback/oidc`],
      grant_types: ["authorization_code"],
      response_types: ["code"],
    },
  ],
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
  async findAccount(_ctx, login) {
    return { accountId: login, claims: () => claimsFor(login) };
  },
  // A first-party app: consent is granted without a prompt, as company providers usually do.
  async loadExistingGrant(ctx: KoaContextWithOIDC) {
    const { client, session } = ctx.oidc;
    if (!client || !session?.accountId) return undefined;
    const grantId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
    grant.addOIDCScope("openid email profile");
    await grant.save();
    return grant;
  },
  pkce: { required: () => true },
  cookies: { keys: ["feedback-kit-e2e-only"] },
});

provider.listen(TEST_IDP_PORT, "127.0.0.1", () => console.log(`test identity provider at ${TEST_IDP_ISSUER}`));

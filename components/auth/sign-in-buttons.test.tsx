import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DemoSignIn } from "./demo-sign-in";
import { ProviderSignInButtons } from "./provider-sign-in-buttons";

// Until React hydrates the page a click on these buttons does nothing, so the server draws them disabled.
describe("sign-in buttons in the server's HTML", () => {
  it("draws the demo users' buttons disabled", () => {
    const html = renderToString(<DemoSignIn users={[{ email: "ada@example.test", name: "Ada", role: "admin", organizationName: "Acme" }]} callbackUrl="/" />);
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*>.*Sign in as (<!-- -->)?Ada/);
  });

  it("draws the identity providers' buttons disabled", () => {
    const html = renderToString(<ProviderSignInButtons providers={[{ id: "oidc", name: "Acme SSO" }]} callbackUrl="/" />);
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*>Continue with Acme SSO/);
  });
});

import "next-auth";

declare module "next-auth" {
  interface Session {
    user: {
      id: string;
      email: string;
      name: string | null;
      organizationId: string;
      organizationName: string;
      role: "member" | "reviewer" | "admin";
    };
  }

  /** OpenID Connect's claim; GitHub's profile gets it from server/auth/oauth-providers.ts. */
  interface Profile {
    email_verified?: boolean | string;
  }
}

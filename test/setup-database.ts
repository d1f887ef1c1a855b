// Points the server's getDb() at this run's test database (see test/global-setup.ts) and gives
// session tokens a fixed secret.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.NEXTAUTH_SECRET = "feedback-kit-test-secret";

// Points the server's getDb() at this run's test database (see test/global-setup.ts).
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");

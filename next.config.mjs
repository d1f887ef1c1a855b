/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Clients of the original API post to "/api/feedback/": those paths must reach the same handler
  // without a redirect, which a browser's CORS preflight cannot follow (see docs/architecture.md).
  skipTrailingSlashRedirect: true,
  // Native driver and adapters stay outside the server bundle.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@prisma/adapter-pg"],
  // Next 16 builds with Turbopack; the generated Prisma client imports its own .ts files.
  typescript: { tsconfigPath: "tsconfig.json" },
};

export default nextConfig;

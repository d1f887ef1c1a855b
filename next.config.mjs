// Headers every response gets (API routes and static files too); HTML pages add their
// per-request Content-Security-Policy in proxy.ts. See docs/security.md.
const SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()" },
];

// JSON never needs to load anything; should a browser ever render one, nothing in it runs.
const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

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
  async headers() {
    return [
      { source: "/:path*", headers: SECURITY_HEADERS },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }] },
    ];
  },
};

export default nextConfig;

import { spawn, type ChildProcess } from "node:child_process";

export interface ProductionServer {
  process: ChildProcess;
  baseUrl: string;
  stop(): Promise<void>;
}

/**
 * `next start` of the built app on `databaseUrl`, answering /api/health when this resolves. The
 * scripts sign their own session cookies with `secret`; demo sign-in only satisfies the start-up
 * check's need for a sign-in method.
 */
export async function startProductionServer(options: {
  port: number;
  databaseUrl: string;
  secret: string;
  env?: Record<string, string>;
  nodeArgs?: string[];
}): Promise<ProductionServer> {
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const server = spawn(process.execPath, [...(options.nodeArgs ?? []), "node_modules/next/dist/bin/next", "start", "-p", String(options.port)], {
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      NEXTAUTH_SECRET: options.secret,
      NEXTAUTH_URL: baseUrl,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DEMO_SIGN_IN: "true",
      ...options.env,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const stop = async () => {
    if (server.exitCode !== null) return;
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGTERM");
    const timer = setTimeout(() => server.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  };
  for (let attempt = 0; attempt < 120; attempt++) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode} before answering`);
    if (await fetch(`${baseUrl}/api/health`).then((response) => response.ok, () => false)) return { process: server, baseUrl, stop };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await stop();
  throw new Error("the server did not answer /api/health within a minute");
}

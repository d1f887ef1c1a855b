// Liveness probe. Deliberately bare (no auth, no database): the benchmark uses it as the
// framework's ceiling on this machine.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" });
}

// A job worker process that runs the organization's golden-example job with the real handler and
// hangs right after the handler has written the golden example, before its transaction commits,
// so the test can kill it with SIGKILL mid-job (server/jobs/worker-crash.int.test.ts).
import { InsertQueryNode, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryResult, type RootOperationNode, type UnknownRow } from "kysely";
import { getDb } from "@/server/db/database";
import { JOB_HANDLERS } from "@/server/jobs/job-handlers";
import { JobWorker } from "@/server/jobs/job-worker";

const organizationId = process.env.CRASH_ORGANIZATION_ID;
if (!organizationId) throw new Error("CRASH_ORGANIZATION_ID is required");

/** Never lets the statement that inserts a golden example return. */
class HangAfterGoldenExampleInsert implements KyselyPlugin {
  private readonly inserts = new WeakSet<object>();

  transformQuery({ node, queryId }: PluginTransformQueryArgs): RootOperationNode {
    if (InsertQueryNode.is(node) && node.into?.table.identifier.name === "GoldenExample") this.inserts.add(queryId);
    return node;
  }

  async transformResult({ result, queryId }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    if (!this.inserts.has(queryId)) return result;
    process.stdout.write("inserted, not committed\n");
    return new Promise(() => undefined);
  }
}

const worker = new JobWorker(getDb().withPlugin(new HangAfterGoldenExampleInsert()), {
  workerId: "doomed-worker",
  organizationId,
  leaseMs: 30_000,
  handlers: JOB_HANDLERS,
});
await worker.runOnce();

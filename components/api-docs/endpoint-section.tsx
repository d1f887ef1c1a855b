import type { Endpoint } from "@/lib/api/endpoint";
import type { OpenApiDocument, OpenApiOperation } from "@/lib/api/openapi-types";
import { CodeBlock } from "./code-block";
import { FieldList } from "./field-list";
import { InlineMarkdown } from "./inline-markdown";
import { MethodBadge } from "./method-badge";
import { ParametersTable } from "./parameters-table";
import { ResponsesTable } from "./responses-table";
import { SchemaType } from "./schema-type";
import { authLabel, curlExample, jsonBodySchema, objectFields } from "./schema-view";

interface EndpointSectionProps {
  endpoint: Endpoint;
  operation: OpenApiOperation;
  document: OpenApiDocument;
}

const SUBHEADING = "mb-2 text-base font-semibold";

export function EndpointSection({ endpoint, operation, document }: EndpointSectionProps) {
  const title = `${endpoint.method} ${endpoint.path}`;
  const body = jsonBodySchema(operation);
  const bodyFields = body ? objectFields(body, document) : undefined;
  return (
    <article aria-labelledby={operation.operationId} className="flex flex-col gap-5 rounded-lg border border-border p-5">
      <header className="flex flex-col gap-2">
        <h3 id={operation.operationId} className="flex flex-wrap items-center gap-3 text-lg font-semibold">
          <MethodBadge method={endpoint.method} />{" "}
          <code className="break-all font-mono text-base">{endpoint.path}</code>
        </h3>
        <p className="font-medium">{operation.summary}</p>
        {operation.description ? (
          <p className="text-muted-foreground">
            <InlineMarkdown text={operation.description} />
          </p>
        ) : null}
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="font-medium">Authentication</dt>
          <dd>{authLabel(operation)}</dd>
          <dt className="font-medium">Operation ID</dt>
          <dd>
            <code className="font-mono">{operation.operationId}</code>
          </dd>
        </dl>
      </header>

      {operation.parameters?.length ? (
        <section>
          <h4 className={SUBHEADING}>Parameters</h4>
          <ParametersTable caption={`Parameters of ${title}`} parameters={operation.parameters} />
        </section>
      ) : null}

      {body ? (
        <section>
          <h4 className={SUBHEADING}>Request body</h4>
          <p className="mb-2 text-sm">
            <code className="font-mono">application/json</code>
            {operation.requestBody?.required ? " (required)" : " (optional)"}: <SchemaType schema={body} />
          </p>
          {bodyFields ? <FieldList caption={`Request body fields of ${title}`} fields={bodyFields} /> : null}
        </section>
      ) : null}

      <section>
        <h4 className={SUBHEADING}>Responses</h4>
        <ResponsesTable caption={`Responses of ${title}`} operation={operation} />
      </section>

      <section>
        <h4 className={SUBHEADING}>Example</h4>
        <CodeBlock label={`curl example for ${title}`} code={curlExample(endpoint.path, endpoint.method, operation, document)} />
      </section>
    </article>
  );
}

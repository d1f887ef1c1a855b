import type { Metadata } from "next";
import Link from "next/link";
import { EndpointSection } from "@/components/api-docs/endpoint-section";
import { InlineMarkdown } from "@/components/api-docs/inline-markdown";
import { MethodBadge } from "@/components/api-docs/method-badge";
import { SchemaSection } from "@/components/api-docs/schema-section";
import { allEndpoints } from "@/lib/api/all-endpoints";
import type { Endpoint } from "@/lib/api/endpoint";
import { operationFor } from "@/lib/api/openapi";
import { OPENAPI_PATH, openApiDocument as document } from "@/lib/api/openapi-document";

export const metadata: Metadata = {
  title: "API reference",
  description: "The Feedback Kit HTTP API, generated from the schemas the handlers validate with.",
};

const LINK = "text-primary underline underline-offset-4 focus-visible:outline-2 focus-visible:outline-ring";
const tagAnchor = (tag: string) => `tag-${tag.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;

// Rendered from the OpenAPI document, in the order the endpoint contracts are declared.
const groups = document.tags.map(({ name }) => ({
  name,
  entries: allEndpoints.flatMap((endpoint: Endpoint) => {
    const operation = operationFor(document, endpoint);
    return endpoint.tag === name && operation ? [{ endpoint, operation }] : [];
  }),
}));

export default function ApiDocsPage() {
  return (
    <main className="mx-auto flex max-w-5xl flex-col gap-12 px-6 py-12">
      <header className="flex flex-col gap-3">
        <p className="text-sm">
          <Link href="/" className={LINK}>
            Feedback Kit
          </Link>
        </p>
        <h1 className="text-3xl font-semibold tracking-tight">API reference</h1>
        <p className="text-muted-foreground">
          <InlineMarkdown text={document.info.description} />
        </p>
        <p>
          Machine-readable description:{" "}
          <a href={OPENAPI_PATH} className={LINK}>
            OpenAPI {document.openapi} document
          </a>{" "}
          <span className="text-muted-foreground">(API version {document.info.version})</span>
        </p>
      </header>

      <nav aria-labelledby="contents-heading" className="rounded-lg border border-border p-4">
        <h2 id="contents-heading" className="mb-3 text-lg font-semibold">
          Contents
        </h2>
        <ul className="flex flex-col gap-3 text-sm">
          <li>
            <a href="#authentication" className={LINK}>
              Authentication
            </a>
          </li>
          {groups.map((group) => (
            <li key={group.name}>
              <a href={`#${tagAnchor(group.name)}`} className={LINK}>
                {group.name}
              </a>
              <ul className="mt-2 flex flex-col gap-1 pl-4">
                {group.entries.map(({ endpoint, operation }) => (
                  <li key={operation.operationId} className="flex items-center gap-2">
                    <MethodBadge method={endpoint.method} />
                    <a href={`#${operation.operationId}`} className={`${LINK} font-mono`}>
                      {endpoint.path}
                    </a>
                  </li>
                ))}
              </ul>
            </li>
          ))}
          <li>
            <a href="#schemas" className={LINK}>
              Schemas
            </a>
          </li>
        </ul>
      </nav>

      <section aria-labelledby="authentication" className="flex flex-col gap-3">
        <h2 id="authentication" className="text-2xl font-semibold">
          Authentication
        </h2>
        <p>
          Paths are relative to the app&apos;s origin (<code className="font-mono">$BASE_URL</code> in the examples,
          e.g. <code className="font-mono">http://localhost:3000</code>). Errors are JSON objects with a human-readable{" "}
          <code className="font-mono">detail</code> and a machine-readable <code className="font-mono">code</code>.
        </p>
        <dl className="flex flex-col gap-3">
          {Object.entries(document.components.securitySchemes).map(([name, scheme]) => (
            <div key={name} className="rounded-md border border-border p-3">
              <dt className="font-mono font-medium">{name}</dt>
              <dd className="text-muted-foreground">
                <InlineMarkdown text={scheme.description} />
              </dd>
            </div>
          ))}
        </dl>
      </section>

      {groups.map((group) => (
        <section key={group.name} aria-labelledby={tagAnchor(group.name)} className="flex flex-col gap-6">
          <h2 id={tagAnchor(group.name)} className="text-2xl font-semibold">
            {group.name}
          </h2>
          {group.entries.map(({ endpoint, operation }) => (
            <EndpointSection key={operation.operationId} endpoint={endpoint} operation={operation} document={document} />
          ))}
        </section>
      ))}

      <section aria-labelledby="schemas" className="flex flex-col gap-8">
        <h2 id="schemas" className="text-2xl font-semibold">
          Schemas
        </h2>
        {Object.entries(document.components.schemas).map(([name, schema]) => (
          <SchemaSection key={name} name={name} schema={schema} document={document} />
        ))}
      </section>
    </main>
  );
}

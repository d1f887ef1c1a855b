import type { ReactNode } from "react";
import { componentName, isRecord, type JsonSchema } from "@/lib/api/openapi-types";
import { schemaAnchor } from "./schema-view";

/** A compact type expression: component names link to their definition further down the page. */
export function SchemaType({ schema }: { schema: JsonSchema }) {
  const name = typeof schema.$ref === "string" ? componentName(schema.$ref) : undefined;
  if (name !== undefined) {
    return (
      <a href={`#${schemaAnchor(name)}`} className="font-mono text-primary underline underline-offset-2">
        {name}
      </a>
    );
  }
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return <Union parts={options.map((option, index) => <SchemaType key={index} schema={option} />)} />;
  if (schema.enum) return <Union parts={schema.enum.map((value) => <code key={String(value)}>{JSON.stringify(value)}</code>)} />;
  if (schema.const !== undefined) return <code>{JSON.stringify(schema.const)}</code>;
  if (Array.isArray(schema.type)) return <Union parts={schema.type.map((type) => <code key={type}>{type}</code>)} />;
  if (schema.type === "array") {
    const items = isRecord(schema.items) ? schema.items : {};
    return (
      <span className="font-mono">
        <SchemaType schema={items} />
        []
      </span>
    );
  }
  return <code>{schema.type ?? "any"}</code>;
}

function Union({ parts }: { parts: ReactNode[] }) {
  return (
    <span className="font-mono">
      {parts.map((part, index) => (
        <span key={index}>
          {index > 0 ? " | " : ""}
          {part}
        </span>
      ))}
    </span>
  );
}

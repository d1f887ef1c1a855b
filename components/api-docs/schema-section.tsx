import type { OpenApiDocument } from "@/lib/api/openapi-types";
import type { JsonSchema } from "@/lib/api/openapi-types";
import { FieldList } from "./field-list";
import { InlineMarkdown } from "./inline-markdown";
import { SchemaType } from "./schema-type";
import { objectFields, schemaAnchor } from "./schema-view";

/** One named component: its fields, or its type when it is not an object (enums). */
export function SchemaSection({ name, schema, document }: { name: string; schema: JsonSchema; document: OpenApiDocument }) {
  const fields = objectFields(schema, document);
  return (
    <article aria-labelledby={schemaAnchor(name)} className="flex scroll-mt-4 flex-col gap-2">
      <h3 id={schemaAnchor(name)} className="font-mono text-lg font-semibold">
        {name}
      </h3>
      {schema.description ? (
        <p className="text-muted-foreground">
          <InlineMarkdown text={schema.description} />
        </p>
      ) : null}
      {fields ? (
        <FieldList caption={`Fields of ${name}`} fields={fields} />
      ) : (
        <p className="text-sm">
          {schema.enum ? "One of: " : "Type: "}
          <SchemaType schema={schema} />
        </p>
      )}
    </article>
  );
}

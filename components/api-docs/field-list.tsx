import type { FieldRow } from "./schema-view";
import { DataTable } from "./data-table";
import { InlineMarkdown } from "./inline-markdown";
import { SchemaType } from "./schema-type";

/** Name, type, required and description/constraints of an object's properties. */
export function FieldList({ caption, fields }: { caption: string; fields: FieldRow[] }) {
  return (
    <DataTable
      caption={caption}
      columns={["Field", "Type", "Required", "Description"]}
      rows={fields.map((field) => ({
        key: field.name,
        cells: [
          field.name,
          <SchemaType key="type" schema={field.schema} />,
          field.required ? "Yes" : "No",
          <FieldNotes key="notes" description={field.description} constraints={field.constraints} />,
        ],
      }))}
    />
  );
}

export function FieldNotes({ description, constraints }: { description?: string; constraints: string[] }) {
  return (
    <>
      {description ? <InlineMarkdown text={description} /> : null}
      {constraints.length ? (
        <span className="block text-muted-foreground">{constraints.join("; ")}</span>
      ) : null}
    </>
  );
}

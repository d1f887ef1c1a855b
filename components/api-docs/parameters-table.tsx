import type { OpenApiParameter } from "@/lib/api/openapi-types";
import { DataTable } from "./data-table";
import { FieldNotes } from "./field-list";
import { SchemaType } from "./schema-type";
import { constraintsOf } from "./schema-view";

export function ParametersTable({ caption, parameters }: { caption: string; parameters: OpenApiParameter[] }) {
  return (
    <DataTable
      caption={caption}
      columns={["Name", "In", "Type", "Required", "Description"]}
      rows={parameters.map((parameter) => ({
        key: `${parameter.in}:${parameter.name}`,
        cells: [
          parameter.name,
          parameter.in,
          <SchemaType key="type" schema={parameter.schema} />,
          parameter.required ? "Yes" : "No",
          <FieldNotes key="notes" description={parameter.description} constraints={constraintsOf(parameter.schema)} />,
        ],
      }))}
    />
  );
}

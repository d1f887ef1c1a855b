import type { OpenApiOperation } from "@/lib/api/openapi-types";
import { DataTable } from "./data-table";
import { InlineMarkdown } from "./inline-markdown";
import { SchemaType } from "./schema-type";
import { responseSchema } from "./schema-view";

export function ResponsesTable({ caption, operation }: { caption: string; operation: OpenApiOperation }) {
  return (
    <DataTable
      caption={caption}
      columns={["Status", "Description", "Body"]}
      rows={Object.entries(operation.responses).map(([status, response]) => {
        const schema = responseSchema(operation, status);
        return {
          key: status,
          cells: [
            status,
            <InlineMarkdown key="description" text={response.description} />,
            schema ? <SchemaType key="body" schema={schema} /> : <span className="text-muted-foreground">No content</span>,
          ],
        };
      })}
    />
  );
}

import type { Meta, StoryObj } from "@storybook/nextjs-vite";
import { expect, within } from "storybook/test";
import { AuditLogTable } from "@/components/admin/audit/audit-log-table";
import { SAMPLE_AUDIT } from "./admin-fixtures";

const meta = {
  title: "Admin/AuditLogTable",
  component: AuditLogTable,
  args: { entries: SAMPLE_AUDIT },
} satisfies Meta<typeof AuditLogTable>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Populated: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    expect(canvas.getByText("status: pending → reviewed")).toBeVisible();
    expect(canvas.getByText("require_reason_negative: false → true")).toBeVisible();
    expect(canvas.getByText("System")).toBeVisible();
  },
};

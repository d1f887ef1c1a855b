import type { Meta, StoryObj } from "@storybook/nextjs-vite";
import { expect, within } from "storybook/test";
import { DailyFeedbackChart } from "@/components/admin/daily-feedback-chart";
import { DailyFeedbackTable } from "@/components/admin/daily-feedback-table";
import { StatCards } from "@/components/admin/stat-cards";
import { sampleDays } from "./admin-fixtures";

const meta = {
  title: "Admin/Overview",
  component: DailyFeedbackChart,
  args: { days: sampleDays() },
} satisfies Meta<typeof DailyFeedbackChart>;

export default meta;
type Story = StoryObj<typeof meta>;

export const DailyChart: Story = {
  play: async ({ canvasElement }) => {
    const chart = within(canvasElement).getByRole("img", { name: /Feedback per day/ });
    expect(chart).toHaveAccessibleName(expect.stringContaining("votes between Nov 1, 2026 and Nov 30, 2026"));
  },
};

export const NoFeedbackInTheRange: Story = {
  args: { days: sampleDays(7, { empty: true }) },
  play: async ({ canvasElement }) => {
    expect(within(canvasElement).getByRole("img")).toHaveAccessibleName(expect.stringContaining("No feedback between"));
  },
};

export const AsATable: Story = {
  render: (args) => <DailyFeedbackTable days={args.days.slice(0, 7)} />,
  play: async ({ canvasElement }) => {
    expect(within(canvasElement).getAllByRole("row")).toHaveLength(8);
  },
};

export const Counters: Story = {
  render: () => (
    <StatCards
      stats={{ total_feedback: 120, positive_count: 90, negative_count: 30, pending_count: 12, auto_approved_count: 70, reviewed_count: 30, dismissed_count: 8, golden_examples_count: 95 }}
    />
  ),
  play: async ({ canvasElement }) => {
    expect(within(canvasElement).getByText("75% positive")).toBeVisible();
  },
};

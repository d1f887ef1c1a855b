import { describe, expect, it, vi } from "vitest";
import { createDeferredActions } from "./deferred-actions";

function setup() {
  vi.useFakeTimers();
  const sent: Array<{ action: string; keepalive: boolean }> = [];
  const actions = createDeferredActions<string>((action, { keepalive }) => sent.push({ action, keepalive }), { delayMs: 5000 });
  return { sent, actions };
}

describe("createDeferredActions", () => {
  it("sends an action only when its grace period is over", () => {
    const { sent, actions } = setup();
    actions.schedule("a", "resolve a");
    vi.advanceTimersByTime(4999);
    expect(sent).toEqual([]);
    expect(actions.has("a")).toBe(true);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([{ action: "resolve a", keepalive: false }]);
    expect(actions.has("a")).toBe(false);
  });

  it("never sends an action taken back in time, and says what was taken back", () => {
    const { sent, actions } = setup();
    actions.schedule("a", "resolve a");
    expect(actions.cancel("a")).toBe("resolve a");
    vi.advanceTimersByTime(10_000);
    expect(sent).toEqual([]);
    expect(actions.cancel("a")).toBeUndefined();
  });

  it("cannot take back an action that was already sent", () => {
    const { sent, actions } = setup();
    actions.schedule("a", "dismiss a");
    vi.advanceTimersByTime(5000);
    expect(actions.cancel("a")).toBeUndefined();
    expect(sent).toHaveLength(1);
  });

  it("keeps only the latest action per item, with a fresh grace period", () => {
    const { sent, actions } = setup();
    actions.schedule("a", "resolve a");
    vi.advanceTimersByTime(3000);
    actions.schedule("a", "dismiss a");
    vi.advanceTimersByTime(3000);
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(2000);
    expect(sent).toEqual([{ action: "dismiss a", keepalive: false }]);
  });

  it("flushes everything waiting at once, with keepalive when the page goes away, and not again later", () => {
    const { sent, actions } = setup();
    actions.schedule("a", "resolve a");
    actions.schedule("b", "dismiss b");
    actions.flush({ keepalive: true });
    expect(sent).toEqual([
      { action: "resolve a", keepalive: true },
      { action: "dismiss b", keepalive: true },
    ]);
    vi.advanceTimersByTime(10_000);
    expect(sent).toHaveLength(2);
  });

  it("dispose drops what is waiting without sending it", () => {
    const { sent, actions } = setup();
    actions.schedule("a", "resolve a");
    actions.dispose();
    vi.advanceTimersByTime(10_000);
    expect(sent).toEqual([]);
  });
});

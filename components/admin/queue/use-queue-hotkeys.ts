"use client";

import { useLayoutEffect, useRef } from "react";
import { useHotkeys } from "react-hotkeys-hook";
import { QUEUE_SHORTCUTS, type QueueShortcut } from "./queue-shortcuts";

export type QueueHotkeyHandlers = Partial<Record<QueueShortcut, () => void>>;

/** Shortcuts never fire while typing in a field (the library's default) nor inside a dialog. */
const inDialog = (event: KeyboardEvent) => event.target instanceof Element && event.target.closest('[role="dialog"], [role="alertdialog"]') !== null;
/** Enter on a focused button, link or checkbox is that control's own activation, not "open". */
const onControl = (event: KeyboardEvent) => event.target instanceof Element && event.target.closest("button, a, [role=checkbox]") !== null;

const NAME_OF_HOTKEY = new Map<string, QueueShortcut>(
  (Object.entries(QUEUE_SHORTCUTS) as Array<[QueueShortcut, (typeof QUEUE_SHORTCUTS)[QueueShortcut]]>).flatMap(([name, shortcut]) =>
    shortcut.hotkey.split(",").map((hotkey) => [hotkey.trim(), name] as const),
  ),
);
const CODE_HOTKEYS = [...NAME_OF_HOTKEY.entries()].filter(([, name]) => name !== "help").map(([hotkey]) => hotkey);

function nameOf(event: KeyboardEvent, hotkey: string): QueueShortcut | undefined {
  const name = NAME_OF_HOTKEY.get(hotkey);
  return name === "open" && onControl(event) ? undefined : name;
}

/**
 * The queue's shortcuts (QUEUE_SHORTCUTS) through react-hotkeys-hook: one listener dispatching by
 * key to the handlers of the latest render. The handlers are swapped in during the commit (a layout
 * effect), so a key pressed right after the screen changed — "x" then "Shift+a" — never runs a
 * handler that still sees the screen before.
 */
export function useQueueHotkeys(handlers: QueueHotkeyHandlers, { enabled }: { enabled: boolean }) {
  const latest = useRef(handlers);
  useLayoutEffect(() => {
    latest.current = handlers;
  });
  useHotkeys(
    CODE_HOTKEYS,
    (event, { hotkey }) => {
      const name = nameOf(event, hotkey);
      if (name) latest.current[name]?.();
    },
    { enabled, ignoreEventWhen: inDialog, preventDefault: (event, { hotkey }) => nameOf(event, hotkey) !== undefined },
    [],
  );
  // "?" is Shift plus a different key on different layouts: match the character typed.
  useHotkeys("?", () => latest.current.help?.(), { enabled, ignoreEventWhen: inDialog, useKey: true, preventDefault: true }, []);
}

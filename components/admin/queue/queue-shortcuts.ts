// The queue's keyboard shortcuts: one table drives both the hotkeys and the cheat sheet, so the
// sheet can never list a key that does nothing.

export const QUEUE_SHORTCUTS = {
  next: { hotkey: "j, down", keys: [["j"], ["↓"]], label: "Next item" },
  previous: { hotkey: "k, up", keys: [["k"], ["↑"]], label: "Previous item" },
  open: { hotkey: "enter", keys: [["Enter"]], label: "Open the item" },
  close: { hotkey: "escape", keys: [["Esc"]], label: "Close the item or the editor" },
  resolve: { hotkey: "a", keys: [["a"]], label: "Resolve (approve as a golden example)" },
  dismiss: { hotkey: "d", keys: [["d"]], label: "Dismiss" },
  restore: { hotkey: "r", keys: [["r"]], label: "Restore a dismissed item" },
  edit: { hotkey: "e", keys: [["e"]], label: "Edit the correction" },
  select: { hotkey: "x", keys: [["x"]], label: "Select or unselect the item" },
  resolveSelected: { hotkey: "shift+a", keys: [["Shift", "a"]], label: "Resolve the selection" },
  dismissSelected: { hotkey: "shift+d", keys: [["Shift", "d"]], label: "Dismiss the selection" },
  restoreSelected: { hotkey: "shift+r", keys: [["Shift", "r"]], label: "Restore the selection" },
  undo: { hotkey: "z", keys: [["z"]], label: "Undo the last action (while it waits to be sent)" },
  redo: { hotkey: "shift+z", keys: [["Shift", "z"]], label: "Redo what was undone" },
  search: { hotkey: "slash", keys: [["/"]], label: "Search" },
  help: { hotkey: "shift+slash", keys: [["?"]], label: "Show these shortcuts" },
} as const;

export type QueueShortcut = keyof typeof QUEUE_SHORTCUTS;

export const SHORTCUT_GROUPS: Array<{ title: string; shortcuts: QueueShortcut[] }> = [
  { title: "Move", shortcuts: ["next", "previous", "open", "close", "search"] },
  { title: "Review", shortcuts: ["resolve", "dismiss", "restore", "edit", "undo", "redo"] },
  { title: "Selection", shortcuts: ["select", "resolveSelected", "dismissSelected", "restoreSelected"] },
  { title: "Help", shortcuts: ["help"] },
];

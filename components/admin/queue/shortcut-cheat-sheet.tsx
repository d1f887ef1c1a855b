"use client";

import { Fragment } from "react";
import { Dialog, DialogContent, DialogDescription, DialogTitle } from "@/components/ui/dialog";
import { Kbd } from "@/components/ui/kbd";
import { QUEUE_SHORTCUTS, SHORTCUT_GROUPS } from "./queue-shortcuts";

export function ShortcutCheatSheet({ open, onOpenChange }: { open: boolean; onOpenChange(open: boolean): void }) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <DialogTitle>Keyboard shortcuts</DialogTitle>
        <DialogDescription>They work anywhere on the queue except while you type in a field. Press Esc to close.</DialogDescription>
        <div className="grid gap-4 sm:grid-cols-2">
          {SHORTCUT_GROUPS.map((group) => (
            <section key={group.title} aria-labelledby={`shortcuts-${group.title}`}>
              <h3 id={`shortcuts-${group.title}`} className="mb-2 text-sm font-medium">
                {group.title}
              </h3>
              <dl className="grid grid-cols-[auto_1fr] items-center gap-x-3 gap-y-1.5 text-sm">
                {group.shortcuts.map((name) => {
                  const shortcut = QUEUE_SHORTCUTS[name];
                  return (
                    <Fragment key={name}>
                      <dt className="flex gap-1 whitespace-nowrap">
                        {shortcut.keys.map((combo, index) => (
                          <span key={index} className="flex items-center gap-0.5">
                            {index > 0 ? <span className="px-0.5 text-muted-foreground">or</span> : null}
                            {combo.map((key, keyIndex) => (
                              <Fragment key={key}>
                                {keyIndex > 0 ? <span aria-hidden>+</span> : null}
                                <Kbd>{key}</Kbd>
                              </Fragment>
                            ))}
                          </span>
                        ))}
                      </dt>
                      <dd className="text-muted-foreground">{shortcut.label}</dd>
                    </Fragment>
                  );
                })}
              </dl>
            </section>
          ))}
        </div>
      </DialogContent>
    </Dialog>
  );
}

"use client";

import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";

export interface FilterSelectProps<T extends string> {
  id: string;
  label: string;
  value: T | null;
  options: ReadonlyArray<{ value: T; label: string }>;
  /** The label of "no filter" (value null); without it one of the options is always chosen. */
  anyLabel?: string;
  onChange(value: T | null): void;
}

/** A labelled filter over a fixed set of values, as the admin lists' filter bars use it. */
export function FilterSelect<T extends string>({ id, label, value, options, anyLabel, onChange }: FilterSelectProps<T>) {
  return (
    <div className="flex flex-col gap-1">
      <Label htmlFor={id}>{label}</Label>
      <NativeSelect id={id} value={value ?? ""} onChange={(event) => onChange(options.find((option) => option.value === event.target.value)?.value ?? null)}>
        {anyLabel !== undefined ? <option value="">{anyLabel}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </NativeSelect>
    </div>
  );
}

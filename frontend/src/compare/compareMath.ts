/** The arithmetic of the compare screen: which ids, and what to highlight among values side by side. */

/** The ids in `?ids=a,b,c`, in order, once each. */
export function parseIds(value: string | null): string[] {
  if (!value) return [];
  const ids = value.split(',').map((id) => id.trim()).filter(Boolean);
  return [...new Set(ids)];
}

export interface ComparedValue {
  value: number;
  /** This value minus the first one's: "how far this version is from the first". */
  difference: number;
  highest: boolean;
  lowest: boolean;
}

export function compareValues(values: readonly number[]): ComparedValue[] {
  const max = Math.max(...values);
  const min = Math.min(...values);
  const differs = max > min;
  const first = values[0] ?? 0;
  return values.map((value) => ({
    value,
    difference: value - first,
    highest: differs && value === max,
    lowest: differs && value === min,
  }));
}

import { z } from 'zod';

/** Where the add-in keeps its records in the workbook (workbook.settings: per add-in and document). */
export const SETTINGS = { marks: 'plancheck.marks', acks: 'plancheck.acks' } as const;

/**
 * What we added, by sheet: the marked cells, the ids of our conditional formats, and the cells where we wrote an
 * explanation. Clearing deletes conditional formats by these ids only, so the user's rules are never read (open
 * office-js bugs make reading some of them throw); a mark we could not delete stays listed for the next clear.
 * `generated`: the summary sheets we wrote, by worksheet id (it survives a rename): only these are replaced by the
 * next summary and left out of a re-check, never a sheet because of its name or its A1 text.
 */
export const markRegistrySchema = z.object({
  v: z.literal(2),
  sheets: z.record(z.string(), z.object({ cells: z.array(z.string()), cfs: z.array(z.string()), notes: z.array(z.string()) })),
  generated: z.array(z.object({ id: z.string(), name: z.string() })).default([]),
});
export type MarkRegistry = z.infer<typeof markRegistrySchema>;

export const emptyRegistry = (): MarkRegistry => ({ v: 2, sheets: {}, generated: [] });

/** Acknowledged findings (by fingerprint) with the reviewer's reason, so the next reviewer sees them. */
export const acknowledgementsSchema = z.object({
  v: z.literal(1),
  items: z.record(z.string(), z.object({ reason: z.string(), at: z.string() })),
});
export type Acknowledgements = z.infer<typeof acknowledgementsSchema>;

export const emptyAcks = (): Acknowledgements => ({ v: 1, items: {} });

/** Settings values come back as JSON text or as objects depending on the host; a bad record reads as empty. */
export function parseSetting<T>(schema: z.ZodType<T>, value: unknown, empty: () => T): T {
  let v = value;
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v);
    } catch {
      return empty();
    }
  }
  const r = schema.safeParse(v);
  return r.success ? r.data : empty();
}

/**
 * Acknowledgements as saved by this pane, merged with what is stored now (a co-author may have saved theirs since
 * `base` was read): what this pane added, changed or withdrew since `base` wins; everything else stays as stored.
 * A withdrawal loses to a co-author's newer reason for the same finding.
 */
export function mergeAcks(base: Acknowledgements, mine: Acknowledgements, stored: Acknowledgements): Acknowledgements {
  const items = { ...stored.items };
  const keys = new Set([...Object.keys(base.items), ...Object.keys(mine.items)]);
  for (const k of keys) {
    const was = base.items[k];
    const now = mine.items[k];
    if (now && (was?.reason !== now.reason || was?.at !== now.at)) items[k] = now;
    else if (!now && was) {
      const theirs = stored.items[k];
      if (theirs && theirs.reason === was.reason && theirs.at === was.at) delete items[k];
    }
  }
  return { v: 1, items };
}

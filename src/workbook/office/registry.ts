import { z } from 'zod';

/** Where the add-in keeps its records in the workbook (workbook.settings: per add-in and document). */
export const SETTINGS = { marks: 'plancheck.marks', acks: 'plancheck.acks' } as const;

/**
 * What we added, by sheet: the marked cells and the cells where we wrote an explanation. Our conditional formats
 * are told by their tagged formula (`isOurMarkFormula`), so the record needs no ids of them and is written in the
 * same request as the marks. `generated`: the summary sheets we wrote, by worksheet id (it survives a rename): only
 * these are replaced by the next summary and left out of a re-check, never a sheet because of its name or A1 text.
 */
const sheetRecord = z.object({ cells: z.array(z.string()), notes: z.array(z.string()) });
const generated = z.array(z.object({ id: z.string(), name: z.string() })).default([]);
const v3 = z.object({ v: z.literal(3), sheets: z.record(z.string(), sheetRecord), generated });
/** The record before v3 listed our conditional formats by id: an existing workbook's are still cleared by them. */
const v2 = z.object({ v: z.literal(2), sheets: z.record(z.string(), sheetRecord.extend({ cfs: z.array(z.string()) })), generated });

/** The record as read: v3, with the ids an old v2 record listed (`legacy`, per sheet) kept aside until cleared. */
export const markRegistrySchema = z.union([v3, v2]).transform((r): MarkRegistry => {
  const out: MarkRegistry = { v: 3, sheets: {}, generated: r.generated };
  for (const [name, e] of Object.entries(r.sheets)) {
    out.sheets[name] = { cells: e.cells, notes: e.notes };
    const ids = 'cfs' in e ? (e as { cfs: string[] }).cfs : [];
    if (ids.length > 0) (out.legacy ??= {})[name] = ids;
  }
  return out;
});
export interface MarkRegistry {
  v: 3;
  sheets: Record<string, { cells: string[]; notes: string[] }>;
  generated: { id: string; name: string }[];
  /** Ids of our conditional formats an old (v2) record listed, by sheet; never written again. */
  legacy?: Record<string, string[]>;
}

export const emptyRegistry = (): MarkRegistry => ({ v: 3, sheets: {}, generated: [] });

/** The record as stored: v3, without the ids an old record listed. */
export const recordText = (r: MarkRegistry): string => JSON.stringify({ v: 3, sheets: r.sheets, generated: r.generated });

/** Acknowledged findings (by fingerprint) with the reviewer's reason, so the next reviewer sees them. */
export const acknowledgementsSchema = z.object({
  v: z.literal(1),
  items: z.record(z.string(), z.object({ reason: z.string(), at: z.string() })),
});
export type Acknowledgements = z.infer<typeof acknowledgementsSchema>;

export const emptyAcks = (): Acknowledgements => ({ v: 1, items: {} });

/** Settings values come back as JSON text or as objects depending on the host; a bad record reads as empty. */
export function parseSetting<T>(schema: z.ZodType<T, unknown>, value: unknown, empty: () => T): T {
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

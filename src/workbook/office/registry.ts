import { z } from 'zod';

/** Where the add-in keeps its records in the workbook (workbook.settings: per add-in and document). */
export const SETTINGS = { marks: 'plancheck.marks', acks: 'plancheck.acks' } as const;

/**
 * What we marked, by sheet: the cells and how many explanations, kept in settings as the record of the last
 * marking. (Clearing finds our marks by their tag, so it does not depend on this record being current.)
 */
export interface MarkRegistry {
  v: 1;
  sheets: Record<string, { cells: string[]; notes: number }>;
}

export const emptyRegistry = (): MarkRegistry => ({ v: 1, sheets: {} });

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

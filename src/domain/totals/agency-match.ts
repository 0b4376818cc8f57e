import { compareKey } from '../thai';

/** Shortest key that may match by containment; shorter names ("สำนักงาน") would match everything. */
const MIN_CONTAINED = 8;

export type AgencyMatch = { strength: 'exact' | 'loose'; summaryRow: number };

/**
 * Assigns a plan row's agency text to a summary agency row: the same name without whitespace is exact;
 * one name containing the other ("เรือนจำอำเภอฝาง" in "เรือนจำอำเภอฝาง จังหวัดเชียงใหม่", or a cell naming two
 * bodies) is loose. Among loose candidates the longest summary name wins.
 */
export function matchAgency(planAgencyKey: string, summary: { row: number; key: string }[]): AgencyMatch | null {
  if (!planAgencyKey) return null;
  const exact = summary.find((s) => s.key === planAgencyKey);
  if (exact) return { strength: 'exact', summaryRow: exact.row };
  let best: { row: number; key: string } | null = null;
  for (const s of summary) {
    if (s.key.length < MIN_CONTAINED) continue;
    const contains = planAgencyKey.includes(s.key) || (planAgencyKey.length >= MIN_CONTAINED && s.key.includes(planAgencyKey));
    if (contains && (!best || s.key.length > best.key.length)) best = s;
  }
  return best ? { strength: 'loose', summaryRow: best.row } : null;
}

export const agencyKey = (text: string): string => compareKey(text).replace(/^\d+[.)]?/, '');

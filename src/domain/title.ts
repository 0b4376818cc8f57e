import type { WorkbookSnapshot } from './snapshot';
import { compareKey, provincesIn, toThaiDigits } from './thai';

/** How often each province is named in a workbook's text cells. */
export function provinceCounts(snapshot: WorkbookSnapshot): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of snapshot.sheets) {
    for (const row of s.values) {
      for (const v of row) {
        if (typeof v !== 'string' || !v.includes('จังหวัด')) continue;
        for (const p of provincesIn(v)) counts.set(p, (counts.get(p) ?? 0) + 1);
      }
    }
  }
  return counts;
}

/** The workbook's own province: named most often, and clearly more than any other. */
export function mainProvince(counts: Map<string, number>): string | null {
  const sorted = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const [first, second] = sorted;
  if (!first || first[1] < 3 || (second && first[1] < 2 * second[1])) return null;
  return first[0];
}

/**
 * What a plan is, for the titles of generated sheets: "จังหวัดเชียงใหม่ ปีงบประมาณ พ.ศ. ๒๕๖๖". The province is the
 * one the workbook names most often; the year is the first "ปีงบประมาณ (พ.ศ.) ๒๕xx".
 */
export function workbookTitle(snapshot: WorkbookSnapshot): string {
  const province = mainProvince(provinceCounts(snapshot)) ?? [...provinceCounts(snapshot).entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const year = fiscalYear(snapshot);
  return [province ? `จังหวัด${province}` : '', year ? `ปีงบประมาณ พ.ศ. ${toThaiDigits(String(year))}` : ''].filter(Boolean).join(' ');
}

/**
 * The fiscal year a workbook is for, in B.E.: the first "ปีงบประมาณ (พ.ศ.) ๒๕๖๖" in its text, else a budget column
 * labelled with its year ("งบประมาณ ๒๕๖๖", "งบประมาณปี ๒๕๖๖").
 */
export function fiscalYear(snapshot: WorkbookSnapshot): number | null {
  let labelled: number | null = null;
  for (const s of snapshot.sheets) {
    for (const row of s.values) {
      for (const v of row) {
        if (typeof v !== 'string' || !v.includes('งบประมาณ')) continue;
        const key = compareKey(v);
        const year = /ปีงบประมาณ(?:พ\.ศ\.)?(25\d\d)/.exec(key)?.[1];
        if (year) return Number(year);
        labelled ??= Number(/^งบประมาณ(?:ปี)?(?:พ\.ศ\.)?(25\d\d)$/.exec(key)?.[1] ?? NaN) || null;
      }
    }
  }
  return labelled;
}

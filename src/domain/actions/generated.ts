import type { SheetSnapshot } from '../snapshot';

/** The summary sheets' names and the text their title (A1) starts with, which tells ours from a user's sheet. */
export const GENERATED = {
  agency: { name: 'สรุปตามหน่วยงาน', marker: 'สรุปงบประมาณตามหน่วยงาน' },
  indicator: { name: 'สรุปตามตัวชี้วัด', marker: 'สรุปโครงการและงบประมาณตามเป้าหมายและตัวชี้วัด' },
  quarter: { name: 'สรุปรายไตรมาส', marker: 'สรุปรายไตรมาส' },
  findings: { name: 'ผลการตรวจ', marker: 'ผลการตรวจแผน' },
} as const;

/**
 * A sheet PlanCheck generated (a summary under its name, or "name (2)"… beside a user's sheet, with our title in
 * A1): it is not a plan, so a re-check neither parses nor flags it.
 */
export function isGeneratedSheet(sheet: SheetSnapshot): boolean {
  if (sheet.origin.row !== 1 || sheet.origin.column !== 1) return false;
  const a1 = sheet.values[0]?.[0];
  if (typeof a1 !== 'string') return false;
  return Object.values(GENERATED).some((g) => (sheet.name === g.name || sheet.name.startsWith(`${g.name} (`)) && a1.startsWith(g.marker));
}

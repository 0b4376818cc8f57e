/**
 * A realistic plan (bench/realistic.ts) of N projects written as an .xlsx file, for the CLI's measurements:
 * `npx tsx bench/plan-file.ts 50000 /tmp/x/plan-50k.xlsx`. Written with exceljs, as a generator would (no styles
 * of the template, values only).
 */
import ExcelJS from 'exceljs';
import { realisticPlan } from './realistic';

export async function writePlanFile(projects: number, file: string): Promise<void> {
  const plan = await realisticPlan(projects);
  const wb = new ExcelJS.Workbook();
  for (const s of plan.snapshot.sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const r of s.values) ws.addRow(r);
  }
  await wb.xlsx.writeFile(file);
}

if (require.main === module) {
  const [n, file] = process.argv.slice(2);
  if (!n || !file) throw new Error('usage: plan-file.ts <projects> <file.xlsx>');
  void writePlanFile(Number(n), file);
}

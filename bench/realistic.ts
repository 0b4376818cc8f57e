/**
 * Realistic plans of any size, grown from the Chiang Mai FY2566 fixture's own rows: its Thai project texts,
 * goal and indicator headings, the two header rows repeated every 40 rows (page breaks), numbering per
 * indicator, and its summary sheet. Each indicator's project rows are repeated in order, renumbered, with the
 * copy's number added to the project name so copies are not duplicates of each other. Deterministic.
 */
import { join } from 'node:path';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../src/domain';
import { readXlsx } from '../src/workbook/xlsx/read';

export const FIXTURE = join(__dirname, '..', 'test', 'fixtures', 'chiangmai-2566-clean.xlsx');
const PLAN = 'แผนปฏิบัติการ';
const PAGE = 40;
const toThaiDigits = (s: string): string => s.replace(/[0-9]/g, (d) => String.fromCharCode(0x0e50 + Number(d)));

interface Section {
  headings: CellValue[][];
  projects: CellValue[][][];
}

/** A row is a project's first row when column A holds a number (Thai or Arabic digits) and column B text. */
function isProjectStart(row: CellValue[]): boolean {
  return typeof row[0] === 'string' && /^[๐-๙0-9]+$/.test(row[0].trim()) && typeof row[1] === 'string';
}

function sectionsOf(body: CellValue[][]): Section[] {
  const out: Section[] = [];
  let cur: Section = { headings: [], projects: [] };
  for (const row of body) {
    if (isProjectStart(row)) cur.projects.push([row]);
    else if (cur.projects.length > 0 && row.slice(1).some((v) => v !== null)) (cur.projects.at(-1) as CellValue[][]).push(row);
    else {
      if (cur.projects.length > 0) {
        out.push(cur);
        cur = { headings: [], projects: [] };
      }
      cur.headings.push(row);
    }
  }
  if (cur.headings.length || cur.projects.length) out.push(cur);
  return out;
}

export interface RealisticPlan {
  snapshot: WorkbookSnapshot;
  /** Project rows in the plan sheet (first rows of projects). */
  projects: number;
  rows: number;
}

/** A plan with about `n` project rows built from the fixture's rows (read once per process). */
export async function realisticPlan(n: number): Promise<RealisticPlan> {
  const base = await fixtureSnapshot();
  const plan = base.sheets.find((s) => s.name === PLAN) as SheetSnapshot;
  const header = plan.values.slice(1, 3);
  const sections = sectionsOf(plan.values.slice(3));
  const perSection = sections.map((s) => s.projects.length);
  const total = perSection.reduce((a, b) => a + b, 0);
  const copies = Math.max(1, Math.ceil(n / total));
  const values: CellValue[][] = [plan.values[0] as CellValue[], ...header];
  let made = 0;
  let sinceHeader = 0;
  const push = (row: CellValue[]): void => {
    if (sinceHeader >= PAGE) {
      for (const h of header) values.push([...h]);
      sinceHeader = 0;
    }
    values.push(row);
    sinceHeader++;
  };
  for (const s of sections) {
    for (const h of s.headings) push([...h]);
    let no = 0;
    for (let c = 0; c < copies && made < n; c++) {
      for (const p of s.projects) {
        if (made >= n) break;
        no++;
        made++;
        p.forEach((row, i) => {
          const copy = [...row];
          if (i === 0) {
            copy[0] = toThaiDigits(String(no));
            if (c > 0 && typeof copy[1] === 'string') copy[1] = `${copy[1]} (ชุดที่ ${toThaiDigits(String(c + 1))})`;
          }
          push(copy);
        });
      }
    }
  }
  const sheets = base.sheets.map((s) => (s.name === PLAN ? planSheet(s, values) : s));
  return { snapshot: { file: `realistic-${n}.xlsx`, sheets }, projects: made, rows: values.length };
}

/** The plan sheet with new values; merges kept for the title and header rows only (the body's are per row). */
function planSheet(s: SheetSnapshot, values: CellValue[][]): SheetSnapshot {
  const merges = s.merges.filter((m) => /^[A-Z]+[123]:[A-Z]+[123]$/.test(m));
  const width = Math.max(...s.values.map((r) => r.length));
  const padded = values.map((r) => (r.length < width ? [...r, ...new Array<CellValue>(width - r.length).fill(null)] : r));
  return { ...s, values: padded, ...(s.numberFormats ? { numberFormats: padded.map((r) => r.map(() => null)) } : {}), merges, formulas: undefined };
}

let cached: Promise<WorkbookSnapshot> | undefined;
function fixtureSnapshot(): Promise<WorkbookSnapshot> {
  return (cached ??= readXlsx(FIXTURE, 'chiangmai-2566-clean.xlsx'));
}

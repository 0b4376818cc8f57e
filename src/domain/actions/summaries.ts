import type { Analysis } from '../analyze';
import { columnLetters } from '../base/cells';
import type { Finding } from '../rules/finding';
import {
  agencyGroups, budgetClassOf, columnReading, indicatorGroups, itemCells, projectCount, quarterBreakdown, SCOPE, type AgencyGroup, type PlanItem,
  type QuarterSource, type Reading, type SourceCell,
} from '../totals';
import { inDigitStyle, type DigitStyle } from './digit-style';
import { call, references } from './formulas';
import { callParts, withHelperColumns, type LongCell } from './long-formulas';
import { THAI_DIGITS } from './numbers';
import { MARK_STYLES, firstDataRow, wideEnoughForTitle, type Action, type GeneratedCell, type GeneratedSheet } from './types';

export const SUMMARY_SHEETS = {
  agency: 'สรุปตามหน่วยงาน',
  indicator: 'สรุปตามตัวชี้วัด',
  quarter: 'สรุปรายไตรมาส',
  findings: 'ผลการตรวจ',
} as const;

const MONEY = `${THAI_DIGITS}#,##0;-#,##0;"-"`;
const COUNT = `${THAI_DIGITS}0;-0;"-"`;

/** A number typed as text (or unreadable) among the cells: SUM would skip it, so no live formula there. */
const hasTextNumber = (cells: readonly SourceCell[]): boolean =>
  cells.some((c) => c.figure !== null && (c.figure.kind === 'unreadable' || (c.figure.kind === 'amount' && c.figure.asText)));

/**
 * A money figure: a live SUM over its cells where every cell is a real number or a text that means none ("-",
 * "ไม่ใช้งบประมาณ", which SUM rightly skips); the engine's value where a number is typed as text (SUM would skip
 * it and show a wrong total as right).
 */
/** FN over the references, with the partial formulas when one would be too long (see long-formulas.ts). */
function over(fn: 'SUM' | 'COUNTA', refs: string[]): Pick<LongCell, 'formula' | 'parts'> {
  const whole = call(fn, refs);
  const parts = callParts(fn, refs, whole);
  return parts.length > 1 ? { formula: whole, parts } : { formula: whole };
}

function moneyCell(r: Reading, onSheet: string): LongCell & { live: boolean } {
  if (hasTextNumber(r.cells)) return { value: r.value, format: MONEY, live: false };
  return { value: r.value, ...over('SUM', references(r.cells, onSheet)), format: MONEY, live: true };
}

function countCell(r: Reading, onSheet: string): LongCell {
  return { value: r.value, ...over('COUNTA', references(r.cells, onSheet)), format: COUNT };
}

const head = (header: string, width: number) => ({ header, width });
const label = (value: string, bold = false): GeneratedCell => ({ value, ...(bold ? { bold } : {}) });
const sumOfRows = (rows: number[], column: string, value: number, format: string): LongCell => ({
  value,
  ...over('SUM', references(rows.map((r) => ({ sheet: '', cell: `${column}${r}` })), '')),
  format,
  bold: true,
});


function staticNote(anyStatic: boolean): string[] {
  return anyStatic
    ? ['ตัวเลขบางช่องในแผนพิมพ์เป็นข้อความ จึงแสดงเป็นค่าที่คำนวณแล้ว (ใช้ "แปลงตัวเลข" ก่อน เพื่อให้เป็นสูตรที่ปรับตามแผน)']
    : ['ตัวเลขเป็นสูตรที่อ้างอิงชีตแผน จึงปรับตามเมื่อแก้ไขแผน'];
}

const absolute = (sheet: string, col: number, from: number, to: number): string =>
  `'${sheet.replace(/'/g, "''")}'!$${columnLetters(col)}$${from}:$${columnLetters(col)}$${to}`;
const criterion = (text: string): string => `"${text.replace(/"/g, '""')}"`;
/** Characters that SUMIFS criteria treat as wildcards or operators (and LibreOffice may read as a pattern). */
const SPECIAL = /[*?~.+^$()[\]{}|\\<>=]/;

/**
 * SUMIFS/COUNTIFS formulas for one agency where the plan allows them: its rows are all in one table without
 * itemisation rows, the agency is spelt exactly the same on each row (the criterion must match the cell), its
 * budgets are numbers, every row counts as a project, and the budget types are spelt one way. Such formulas stay
 * live even when rows are added. Null where any of that fails (explicit references are used instead).
 */
function criteriaFormulas(list: PlanItem[]): { integrated: string; own: string; total: string; count: string } | null {
  const first = list[0];
  if (!first) return null;
  const plan = first.plan;
  const m = plan.columns;
  const name = first.project.agency?.value;
  if (!name || name.length > 200 || SPECIAL.test(name) || m.agency === undefined || m.budget === undefined || m.budgetType === undefined) return null;
  if (list.some((i) => i.plan !== plan || i.project.agency?.value !== name || !i.counted)) return null;
  if (plan.projects.some((p) => p.parent !== null || p.children.length > 0 || p.shifted)) return null;
  const types = new Set(plan.projects.filter((p) => budgetClassOf(p) === 'integrated').map((p) => p.budgetType?.value ?? ''));
  const [intType] = [...types];
  if (types.size > 1 || (intType !== undefined && SPECIAL.test(intType))) return null;
  if (list.some((i) => i.budgetClass === 'integrated' && i.project.budgetType?.value !== intType)) return null;
  if (hasTextNumber(list.flatMap((i) => itemCells(i, 'budget')))) return null;
  // Projects are in row order; no spread of every row into Math.min (200k rows overflow the call stack).
  let from = Infinity;
  let to = -Infinity;
  for (const p of plan.projects) {
    from = Math.min(from, p.row);
    to = Math.max(to, p.row);
  }
  const sheet = first.sheet;
  const budget = absolute(sheet, m.budget, from, to);
  const agency = absolute(sheet, m.agency, from, to);
  const type = absolute(sheet, m.budgetType, from, to);
  const all = `SUMIFS(${budget},${agency},${criterion(name)})`;
  const int = intType === undefined ? '0' : `SUMIFS(${budget},${agency},${criterion(name)},${type},${criterion(intType)})`;
  return { integrated: `=${int}`, own: `=${all}-${int}`, total: `=${all}`, count: `=COUNTIFS(${agency},${criterion(name)})` };
}

/**
 * Projects whose agency could not be read: one line each, named by its sheet and row, so the clerk can fix the
 * plan; no agency is made up for them.
 */
function unreadAgencyLines(g: AgencyGroup): { name: string; group: AgencyGroup }[] {
  return g.items.map((i) => {
    const what = i.project.name ? ` ${i.project.name.value.split(/\r?\n/)[0]?.trim() ?? ''}` : '';
    const scope = SCOPE.plan;
    const one = [i];
    return {
      name: `ไม่พบชื่อหน่วยงาน: ชีต ${i.sheet} แถว ${i.project.row}${what}`,
      group: {
        key: '', name: '', items: one,
        integrated: columnReading(one.filter((x) => x.budgetClass === 'integrated'), 'budget', scope),
        own: columnReading(one.filter((x) => x.budgetClass !== 'integrated'), 'budget', scope),
        total: columnReading(one, 'budget', scope),
        count: projectCount(one, scope),
      },
    };
  });
}

/** (a) Budget per agency, split into งบบูรณาการ and the agency's own and other sources, with ภาพรวม. */
function byAgency(analysis: Analysis, title: string): GeneratedSheet {
  const all = analysis.totals.items;
  const typed = all.some((i) => i.project.budgetType !== null);
  let anyStatic = false;
  const rows: GeneratedCell[][] = [];
  let n = 0;
  const lines = agencyGroups(all).flatMap((g) => (g.key === '' ? unreadAgencyLines(g) : [{ name: g.name, group: g }]));
  for (const { name, group: g } of lines) {
    const cells = typed ? [moneyCell(g.integrated, SUMMARY_SHEETS.agency), moneyCell(g.own, SUMMARY_SHEETS.agency)] : [];
    const total = moneyCell(g.total, SUMMARY_SHEETS.agency);
    const count = countCell(g.count, SUMMARY_SHEETS.agency);
    const criteria = typed && g.key !== '' ? criteriaFormulas(g.items) : null;
    if (criteria) {
      [cells[0], cells[1]] = [{ ...cells[0]!, formula: criteria.integrated }, { ...cells[1]!, formula: criteria.own }];
      total.formula = criteria.total;
      count.formula = criteria.count;
    }
    anyStatic ||= [...cells, total].some((c) => !c.live);
    rows.push([{ value: ++n, format: COUNT }, label(name), ...cells.map(({ live: _live, ...c }) => c), (({ live: _l, ...c }) => c)(total), count]);
  }
  const unread = lines.filter((l) => l.group.key === '').length;
  const subtitle = [
    `ที่มา: ${analysis.sheets.filter((s) => s.projects > 0).map((s) => s.name).join(', ')}`,
    ...(unread > 0 ? [`โครงการ ${unread} รายการที่อ่านชื่อหน่วยงานไม่ได้ แสดงทีละแถวตามชีตและแถวในแผน เพื่อให้เติมชื่อหน่วยงาน`] : []),
    ...staticNote(anyStatic),
  ];
  const first = firstDataRow(subtitle);
  const dataRows = rows.map((_, i) => first + i);
  const moneyCols = typed ? ['C', 'D', 'E'] : ['C'];
  const countCol = typed ? 'F' : 'D';
  const sum = (col: string, i: number) => rows.reduce((s, r) => s + Number(r[i]?.value ?? 0), 0);
  rows.push([
    label(''),
    label('ภาพรวม', true),
    ...moneyCols.map((c, k) => sumOfRows(dataRows, c, sum(c, 2 + k), MONEY)),
    sumOfRows(dataRows, countCol, sum(countCol, 2 + moneyCols.length), COUNT),
  ]);
  return {
    name: SUMMARY_SHEETS.agency,
    title: `สรุปงบประมาณตามหน่วยงาน ${title}`,
    subtitle,
    columns: [head('ที่', 6), head('หน่วยงาน', 48), ...(typed ? [head('งบบูรณาการ (บาท)', 18), head('งบของส่วนราชการและอื่น ๆ (บาท)', 22)] : []), head('รวม (บาท)', 18), head('จำนวนโครงการ', 14)],
    rows,
  };
}

/** (b) Projects and budget per goal and indicator, รวม per goal, ภาพรวม. */
function byIndicator(analysis: Analysis, title: string): GeneratedSheet {
  const rows: GeneratedCell[][] = [];
  let anyStatic = false;
  const goalRows: number[] = [];
  const subtitle0 = ['โครงการนับตามลำดับที่ (กิจกรรมย่อยไม่นับซ้ำ) งบประมาณนับครั้งเดียว'];
  const draft: { cells: GeneratedCell[]; goalTotalOf?: number[] }[] = [];
  for (const { goal, rows: codes } of indicatorGroups(analysis.totals.items, analysis.catalog)) {
    const start = draft.length;
    for (const r of codes) {
      const ind = r.code ? analysis.catalog.indicator(r.code) : undefined;
      const m = moneyCell(r.budget, SUMMARY_SHEETS.indicator);
      anyStatic ||= !m.live;
      const { live: _live, ...budget } = m;
      draft.push({
        cells: [
          label(draft.length === start ? `เป้าหมายที่ ${goal.code} ${goal.th}` : ''),
          label(r.code ? `${r.code} ${ind?.th ?? ''}` : `(ตัวชี้วัดไม่ชัดเจน: หัวข้อตัวชี้วัดซ้อนกัน)`),
          countCell(r.count, SUMMARY_SHEETS.indicator),
          budget,
        ],
      });
    }
    draft.push({ cells: [label(`รวมเป้าหมายที่ ${goal.code}`, true), label('')], goalTotalOf: Array.from({ length: codes.length }, (_, k) => start + k) });
  }
  const subtitle = [...subtitle0, ...staticNote(anyStatic)];
  const first = firstDataRow(subtitle);
  for (const d of draft) {
    if (!d.goalTotalOf) {
      rows.push(d.cells);
      continue;
    }
    const rs = d.goalTotalOf.map((k) => first + k);
    const count = d.goalTotalOf.reduce((s, k) => s + Number(draft[k]?.cells[2]?.value ?? 0), 0);
    const budget = d.goalTotalOf.reduce((s, k) => s + Number(draft[k]?.cells[3]?.value ?? 0), 0);
    goalRows.push(first + rows.length);
    rows.push([...d.cells, sumOfRows(rs, 'C', count, COUNT), sumOfRows(rs, 'D', budget, MONEY)]);
  }
  const totalCount = goalRows.reduce((s, r) => s + Number(rows[r - first]?.[2]?.value ?? 0), 0);
  const totalBudget = goalRows.reduce((s, r) => s + Number(rows[r - first]?.[3]?.value ?? 0), 0);
  rows.push([label('ภาพรวม', true), label(''), sumOfRows(goalRows, 'C', totalCount, COUNT), sumOfRows(goalRows, 'D', totalBudget, MONEY)]);
  return {
    name: SUMMARY_SHEETS.indicator,
    title: `สรุปโครงการและงบประมาณตามเป้าหมายและตัวชี้วัด ${title}`,
    subtitle,
    columns: [head('เป้าหมาย', 36), head('ตัวชี้วัด', 60), head('จำนวนโครงการ', 14), head('งบประมาณ (บาท)', 18)],
    rows,
  };
}

const SOURCE: Record<QuarterSource, string> = {
  quarters: 'จากช่องเป้าหมาย/งบประมาณรายไตรมาส',
  timeline: 'จากลูกศรและเดือนในช่องระยะเวลาดำเนินการ',
  period: 'จากข้อความระยะเวลาดำเนินการ',
};

const MONTHS = ['ต.ค.–ธ.ค.', 'ม.ค.–มี.ค.', 'เม.ย.–มิ.ย.', 'ก.ค.–ก.ย.'];

/** (c) Per quarter: budget (where the plan splits it by quarter) and the number of active projects. */
function byQuarter(analysis: Analysis, title: string): GeneratedSheet {
  const { split, sources, quarters } = quarterBreakdown(analysis.totals.items);
  let anyStatic = false;
  const rows: GeneratedCell[][] = [];
  for (const q of quarters) {
    const row: GeneratedCell[] = [label(`ไตรมาสที่ ${q.quarter} (${MONTHS[q.quarter - 1]})`)];
    if (q.budget) {
      const { live, ...c } = moneyCell(q.budget, SUMMARY_SHEETS.quarter);
      anyStatic ||= !live;
      row.push(c);
    } else {
      row.push({ value: q.activeBudget, format: MONEY });
    }
    row.push({ value: q.active, format: COUNT });
    rows.push(row);
  }
  const subtitle = [
    `จำนวนโครงการที่ดำเนินการ: ${[...sources].map((s) => SOURCE[s]).join(' และ ') || 'ไม่มีข้อมูลช่วงเวลา'}`,
    split
      ? 'งบประมาณ: ผลรวมช่องงบประมาณของแต่ละไตรมาส'
      : 'งบประมาณ: แผนนี้ไม่ได้แบ่งงบประมาณรายไตรมาส ตัวเลขคืองบประมาณทั้งโครงการของโครงการที่ดำเนินการในไตรมาสนั้น (โครงการหลายไตรมาสนับซ้ำ รวมกันไม่เท่างบประมาณทั้งแผน)',
    ...(split ? staticNote(anyStatic) : []),
  ];
  const first = firstDataRow(subtitle);
  if (split) {
    const rs = rows.map((_, k) => first + k);
    rows.push([label('รวม', true), sumOfRows(rs, 'B', rows.reduce((s, r) => s + Number(r[1]?.value ?? 0), 0), MONEY), label('')]);
  }
  return {
    name: SUMMARY_SHEETS.quarter,
    title: `สรุปรายไตรมาส ${title}`,
    subtitle,
    columns: [head('ไตรมาส', 28), head(split ? 'งบประมาณ (บาท)' : 'งบประมาณของโครงการที่ดำเนินการ (บาท)', 30), head('จำนวนโครงการที่ดำเนินการ', 24)],
    rows,
  };
}

const SEVERITY_TH = { error: 'ผิดพลาด', warning: 'คำเตือน', info: 'ข้อสังเกต' } as const;
/** An expected or found figure: a number (right-aligned, in the sheet's digits by its format), or the text it was. */
const show = (v: number | string | undefined): GeneratedCell =>
  typeof v === 'number' ? { value: v, format: Number.isInteger(v) ? '#,##0' : '#,##0.00' } : label(v ?? '');

/** (d) One row per finding with a link to its cell. */
function findingsSheet(findings: Finding[], title: string): GeneratedSheet {
  return {
    name: SUMMARY_SHEETS.findings,
    title: `ผลการตรวจแผน ${title}`,
    subtitle: [`ผิดพลาด ${findings.filter((f) => f.severity === 'error').length} · คำเตือน ${findings.filter((f) => f.severity === 'warning').length} · ข้อสังเกต ${findings.filter((f) => f.severity === 'info').length}`],
    columns: [head('ระดับ', 12), head('ชีต', 22), head('เซลล์', 10), head('ข้อความ', 80), head('ควรเป็น', 16), head('ระบุ', 16), head('รหัส', 24)],
    rows: findings.map((f) => [
      { value: SEVERITY_TH[f.severity], fill: MARK_STYLES[f.severity].fill },
      label(f.sheet),
      { value: f.cell, link: `#'${f.sheet.replace(/'/g, "''")}'!${f.cell}` },
      label(f.message.th),
      show(f.expected),
      show(f.actual),
      label(f.code),
    ]),
  };
}

/**
 * "สร้างสรุป": four sheets, named in Thai and regenerated whole each time — budget per agency, projects and budget
 * per goal/indicator, per quarter, and the findings with links to their cells. Each is in one digit style
 * (`digits`: the plan's own, see digitStyle; Thai unless told), labels and figures alike.
 */
export function planSummaries(analysis: Analysis, options: { title?: string; digits?: DigitStyle } = {}): Extract<Action, { kind: 'add-sheet' }>[] {
  const title = options.title ?? '';
  const digits = options.digits ?? 'thai';
  // Sheet names are names: a "แผน 2566" stays as it is spelt wherever a summary names it.
  const names = [...new Set([...analysis.sheets.map((s) => s.name), ...analysis.findings.map((f) => f.sheet)])];
  return [byAgency(analysis, title), byIndicator(analysis, title), byQuarter(analysis, title), findingsSheet(analysis.findings, title)].map((sheet) => ({
    kind: 'add-sheet' as const,
    sheet: withHelperColumns(inDigitStyle(wideEnoughForTitle(sheet), digits, names), firstDataRow(sheet.subtitle)),
  }));
}

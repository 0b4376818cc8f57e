import { CATALOGS } from '../../../src/domain/catalog';
import { columnLetters } from '../../../src/domain/base/cells';
import type { CellValue, WorkbookSnapshot } from '../../../src/domain/snapshot';
import { AGENCIES, FEATURES, KPIS, METHODS, PERIODS, PROVINCE, STATUS, Writer, projectName, split } from './cells';
import { makeLayout, type GenFamily, type Layout } from './header';
import { Rng } from './rng';

export type GenScheme = 'agency' | 'indicator' | 'goal' | 'plan';
export type PlantedCode = 'row-budget-sum' | 'subtotal-mismatch' | 'count-mismatch';

export interface PlanChoices {
  seed: number;
  family: GenFamily;
  scheme: GenScheme;
  /** The number at the start of the name instead of a column of its own (always so in the features family). */
  numberInName: boolean;
  thaiDigits: boolean;
  /** Agencies written once per block, merged down over its rows. */
  agencyOnce: boolean;
  /** A 6-month or annual report: status rows between agencies' projects. */
  statusRows: boolean;
  errors: number;
}

export interface GeneratedPlan {
  snapshot: WorkbookSnapshot;
  sheet: string;
  rows: number;
  projects: number;
  budget: number;
  planted: { row: number; code: PlantedCode }[];
  /** What the plan holds, for the figures the test reports. */
  has: { itemisations: number; multiProjectCells: number; inCellBreakdowns: number; statusRows: number; pageBreaks: number; continuations: number };
}

const catalog = CATALOGS[CATALOGS.length - 1]!;
const LEAVES = catalog.indicators.filter((i) => i.children.length === 0).map((i) => i.code);

/** One project of the plan before it is laid out in rows. */
interface Item {
  numbers: number[];
  agency: string;
  /** Each listed project's amount (0 = no budget); one entry unless the row lists several projects. */
  amounts: number[];
  /** In-cell breakdown: the project's amount written as its parts in one cell. */
  parts: number[] | null;
  /** Itemisation rows under the project (their amounts add up to the project's amount, or make it up). */
  children: number[];
  /** The project's own budget cell is empty and its rows below make it up. */
  unbudgetedParent: boolean;
}

type Entry =
  | { kind: 'goal'; code: string }
  | { kind: 'indicator'; code: string }
  | { kind: 'item'; item: Item }
  | { kind: 'status' }
  | { kind: 'total'; count: boolean; items: Item[]; label: string };

/** The plan's structure: goals, indicators, agency blocks of projects, status rows and total rows. */
function structure(rng: Rng, c: PlanChoices): Entry[] {
  const out: Entry[] = [];
  const codes = rng.shuffle(LEAVES).slice(0, rng.int(1, 4)).sort((a, b) => LEAVES.indexOf(a) - LEAVES.indexOf(b));
  const counters = new Map<string, number>();
  const next = (key: string): number => {
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    return n;
  };
  let goal = '';
  const multiOk = c.family !== 'quarterly';
  const all: Item[] = [];
  for (const code of codes) {
    const g = code.split('.')[0] as string;
    if (g !== goal) out.push({ kind: 'goal', code: g });
    goal = g;
    out.push({ kind: 'indicator', code });
    const inIndicator: Item[] = [];
    const agencies = rng.shuffle(AGENCIES).slice(0, rng.int(1, 4));
    agencies.forEach((agency, b) => {
      if (b > 0 && c.statusRows && rng.chance(0.6)) out.push({ kind: 'status' });
      const key = c.scheme === 'plan' ? 'plan' : c.scheme === 'goal' ? g : c.scheme === 'indicator' ? code : `${code}|${agency}`;
      for (let k = rng.int(1, 5); k > 0; k--) {
        const listed = multiOk && rng.chance(0.08) ? rng.int(2, 3) : 1;
        const amounts = Array.from({ length: listed }, () => (rng.chance(0.2) ? 0 : rng.int(20, 3000) * 100));
        const item: Item = { numbers: amounts.map(() => next(key)), agency, amounts, parts: null, children: [], unbudgetedParent: false };
        const amount = amounts[0] as number;
        if (listed === 1 && amount >= 1000 && rng.chance(0.12)) {
          item.children = split(rng, amount, rng.int(1, 3));
          item.unbudgetedParent = rng.chance(0.3);
        } else if (listed === 1 && multiOk && amount >= 1000 && rng.chance(0.06)) {
          const parts = split(rng, amount, rng.int(2, 3));
          // A first part equal to the others' sum reads as "total, then its parts": no office writes that.
          if (parts.length === 2 || (parts[0] as number) !== (parts[1] as number) + (parts[2] as number)) item.parts = parts;
        }
        inIndicator.push(item);
        out.push({ kind: 'item', item });
      }
    });
    const label = rng.pick(['รวม', 'รวมงบประมาณ', `รวมงบประมาณตามตัวชี้วัดที่ ${code}`]);
    if (rng.chance(0.5)) out.push({ kind: 'total', count: rng.chance(0.5), items: inIndicator, label });
    all.push(...inIndicator);
  }
  if (rng.chance(0.3)) out.push({ kind: 'total', count: rng.chance(0.5), items: all, label: rng.pick(['ภาพรวม', 'รวมทั้งสิ้น']) });
  return out;
}

/** The cells of one generated row, by role. */
type RowCells = CellValue[];

interface Emitted {
  values: RowCells[];
  merges: string[];
  /** Agency block of each row (agency written once): rows of one block in a run share one merged agency cell. */
  block: (number | null)[];
}

const a1 = (r: number, c: number): string => `${columnLetters(c + 1)}${r + 1}`;

/** Lays the structure out in rows: title, header, headings, projects, page breaks with repeated headers. */
export function generatePlan(c: PlanChoices): GeneratedPlan {
  const rng = new Rng(c.seed);
  const w = new Writer(rng, c.thaiDigits);
  const numberColumn = c.family !== 'features' && !c.numberInName;
  const layout = makeLayout(rng, c.family, numberColumn);
  // A report's result column: each project's status, next to the plan's own columns.
  const result = c.statusRows && rng.chance(0.5) ? addResultColumn(layout) : null;
  const repeatHeadings = rng.chance(0.3);
  const numberTwice = numberColumn && rng.chance(0.2);
  const entries = structure(rng, c);
  const e: Emitted = { values: [], merges: [], block: [] };
  const has = { itemisations: 0, multiProjectCells: 0, inCellBreakdowns: 0, statusRows: 0, pageBreaks: 0, continuations: 0 };
  const title = `แผนปฏิบัติการป้องกันและปราบปรามการทุจริตและประพฤติมิชอบ จังหวัด${PROVINCE} ประจำปีงบประมาณ พ.ศ. ${w.digits(2566)}`;
  const blank = (): RowCells => Array<CellValue>(layout.width).fill(null);
  const single = (text: string): void => {
    const row = blank();
    row[0] = text;
    e.merges.push(`${a1(e.values.length, 0)}:${a1(e.values.length, layout.width - 1)}`);
    push(row, null);
  };
  const push = (row: RowCells, block: number | null): number => {
    e.values.push(row);
    e.block.push(block);
    return e.values.length; // 1-based sheet row
  };
  const header = (): void => {
    const top = e.values.length;
    for (const m of layout.headerMerges) e.merges.push(`${a1(top + m.r1, m.c1)}:${a1(top + m.r2, m.c2)}`);
    for (const r of layout.header) push([...r], null);
  };
  const repeatTitle = rng.chance(0.5);
  const pageSize = rng.int(8, 30);
  let onPage = 0;
  let serial = 0;
  let blockId = 0;
  let lastAgency = '';
  let lastProjectRow: { index: number; tail: string } | null = null;
  const planted: GeneratedPlan['planted'] = [];
  let plantsLeft = c.errors;
  let projects = 0;
  let budget = 0;
  let rowsSoFar = 0;
  const stated = new Map<Item, number>();
  let goalHeading = '';
  let indicatorHeading = '';

  single(title);
  header();
  const pageBreak = (): void => {
    has.pageBreaks++;
    if (repeatTitle) single(title);
    header();
    onPage = 0;
    // Some offices print the current goal and indicator again at the top of every page.
    if (repeatHeadings && goalHeading && indicatorHeading && !lastProjectRow) {
      single(goalHeading);
      single(indicatorHeading);
    }
    // A project split by the page break: its text goes on under the repeated header (number and budget empty).
    if (lastProjectRow && rng.chance(0.4) && layout.col.name !== undefined) {
      const { index, tail } = lastProjectRow;
      const first = e.values[index] as RowCells;
      const name = String(first[layout.col.name] ?? '');
      if (name.endsWith(` ${tail}`)) {
        first[layout.col.name] = name.slice(0, -tail.length - 1);
        const cont = blank();
        cont[layout.col.name] = tail;
        push(cont, null);
        has.continuations++;
      }
    }
    lastProjectRow = null;
  };
  const before = (): void => {
    if (onPage >= pageSize) pageBreak();
    onPage++;
  };

  for (const entry of entries) {
    if (entry.kind === 'goal' || entry.kind === 'indicator') {
      before();
      const text = entry.kind === 'goal'
        ? `เป้าหมายที่ ${w.digits(entry.code)} ${catalog.data.goals.find((g) => g.code === entry.code)?.th ?? ''}`
        : `ตัวชี้วัดที่ ${w.digits(entry.code)} : ${catalog.indicator(entry.code)?.th ?? ''}`;
      single(text);
      if (entry.kind === 'goal') {
        goalHeading = text;
        indicatorHeading = '';
      } else indicatorHeading = text;
      lastProjectRow = null;
      continue;
    }
    if (entry.kind === 'status') {
      before();
      const row = blank();
      row[layout.col.name as number] = rng.pick(STATUS);
      if (rng.chance(0.5) && layout.col.kpi !== undefined) row[layout.col.kpi] = '-';
      push(row, null);
      has.statusRows++;
      lastProjectRow = null;
      continue;
    }
    if (entry.kind === 'total') {
      before();
      const row = blank();
      const count = entry.items.reduce((n, i) => n + i.numbers.length, 0);
      const sum = entry.items.reduce((s, i) => s + (stated.get(i) ?? 0), 0);
      let statedCount = count;
      let statedSum = sum;
      const rowNo = e.values.length + 1;
      if (plantsLeft > 0 && rng.chance(0.6)) {
        plantsLeft--;
        if (entry.count && rng.chance(0.5)) {
          statedCount = rowsSoFar + 7;
          planted.push({ row: rowNo, code: 'count-mismatch' });
        } else {
          statedSum = sum + 1234;
          planted.push({ row: rowNo, code: 'subtotal-mismatch' });
        }
      }
      row[layout.col.name as number] = entry.count ? `${w.digits(entry.label)} จำนวน ${w.digits(statedCount)} โครงการ` : w.digits(entry.label);
      row[layout.col.budget as number] = statedSum === 0 ? '-' : w.money(statedSum);
      push(row, null);
      lastProjectRow = null;
      continue;
    }
    const it = entry.item;
    if (it.agency !== lastAgency) blockId++;
    lastAgency = it.agency;
    before();
    const { head, tail } = projectName(rng, w, ++serial);
    const row = blank();
    const col = layout.col;
    const listed = it.numbers.length > 1;
    const own = it.unbudgetedParent ? 0 : (it.amounts[0] as number);
    if (listed) {
      const lines = it.numbers.map((n, k) => `${w.prefix(n)}${k === 0 ? head : projectName(rng, w, ++serial).head}`);
      row[col.name as number] = lines.join('\n');
      if (col.number !== undefined) row[col.number] = w.number(it.numbers[0] as number);
      row[col.budget as number] = w.moneyList(it.amounts);
      has.multiProjectCells++;
    } else {
      // The number in the name, or in a column of its own (and sometimes in the name as well).
      const inName = col.number === undefined || numberTwice;
      row[col.name as number] = `${inName ? w.prefix(it.numbers[0] as number) : ''}${head} ${tail}`;
      if (col.number !== undefined) row[col.number] = w.number(it.numbers[0] as number);
      if (it.parts) {
        row[col.budget as number] = w.moneyList(it.parts);
        has.inCellBreakdowns++;
      } else if (!it.unbudgetedParent) row[col.budget as number] = own === 0 ? w.noBudget() : w.money(own);
    }
    fillRest(rng, w, layout, row, it.agency, it.unbudgetedParent ? null : listed ? it.amounts.reduce((a, b) => a + b, 0) : own);
    // Planted: a quarterly row whose total budget is not the sum of its quarters.
    let rowTotal = listed ? it.amounts.reduce((a, b) => a + b, 0) : it.unbudgetedParent ? it.children.reduce((a, b) => a + b, 0) : own;
    if (c.family === 'quarterly' && plantsLeft > 0 && own > 0 && it.children.length === 0 && rng.chance(0.3)) {
      plantsLeft--;
      rowTotal = own + 1234;
      row[col.budget as number] = w.money(rowTotal);
      planted.push({ row: e.values.length + 1, code: 'row-budget-sum' });
    }
    if (result !== null) row[result] = rng.pick(STATUS);
    const index = e.values.length;
    push(row, blockId);
    lastProjectRow = listed ? null : { index, tail };
    stated.set(it, rowTotal);
    projects += it.numbers.length;
    budget += rowTotal;
    rowsSoFar += it.numbers.length + it.children.length;
    if (it.children.length > 0) has.itemisations++;
    for (const amount of it.children) {
      before();
      const child = blank();
      child[col.name as number] = `${rng.pick(['- ', '• ', '', 'กิจกรรมย่อย: '])}${projectName(rng, w, ++serial).head}`;
      child[col.budget as number] = w.money(amount);
      fillRest(rng, w, layout, child, rng.chance(0.3) ? null : it.agency, amount);
      push(child, blockId);
      lastProjectRow = null;
    }
  }
  if (c.agencyOnce && layout.col.agency !== undefined) mergeAgencies(e, layout.col.agency);
  const name = rng.pick(['แผนปฏิบัติการ', 'แผน ๒๕๖๖', 'Sheet1']);
  return {
    snapshot: { sheets: [{ name, origin: { row: 1, column: 1 }, values: e.values, merges: e.merges }] },
    sheet: name,
    rows: e.values.length,
    projects,
    budget,
    planted,
    has,
  };
}

/** Appends a result column ("ผลการดำเนินงาน") to the layout; returns its column. */
function addResultColumn(layout: Layout): number {
  const col = layout.width++;
  layout.header.forEach((r, i) => r.push(i === 0 ? 'ผลการดำเนินงาน' : null));
  if (layout.header.length === 2) layout.headerMerges.push({ r1: 0, c1: col, r2: 1, c2: col });
  return col;
}

/** Agency written once per run of rows of one block (within a page), merged down over the run. */
function mergeAgencies(e: Emitted, col: number): void {
  let start = 0;
  for (let i = 1; i <= e.values.length; i++) {
    const b = e.block[start];
    if (i < e.values.length && b !== null && e.block[i] === b) continue;
    if (b !== null && i - start >= 2) {
      const agency = e.values.slice(start, i).map((r) => r[col]).find((v) => v !== null) ?? null;
      e.values.slice(start, i).forEach((r, k) => (r[col] = k === 0 ? agency : null));
      if (agency !== null) e.merges.push(`${a1(start, col)}:${a1(i - 1, col)}`);
    }
    start = i;
  }
}

/** The other cells of a project or itemisation row: budget type, indicator, agency, quarters or timeline, period. */
function fillRest(rng: Rng, w: Writer, layout: Layout, row: RowCells, agency: string | null, amount: number | null): void {
  const col = layout.col;
  if (col.kpi !== undefined) row[col.kpi] = rng.pick(KPIS);
  if (col.method !== undefined) row[col.method] = rng.pick(METHODS);
  if (col.period !== undefined) row[col.period] = rng.pick(PERIODS);
  if (col.feature !== undefined && rng.chance(0.3)) row[col.feature] = rng.pick(FEATURES);
  if (col.agency !== undefined && agency !== null) row[col.agency] = w.agency(agency);
  if (col.budgetType !== undefined) row[col.budgetType] = amount === 0 ? 'ไม่ใช้งบประมาณ' : rng.pick(['งบบูรณาการ', 'งบประมาณของส่วนราชการ', 'งบพัฒนาจังหวัด']);
  if (layout.family === 'timeline') {
    const from = rng.int(0, 3);
    const to = rng.int(from, 3);
    if (from === to) row[layout.quarters[from]![0]!] = '↔';
    else {
      row[layout.quarters[from]![0]!] = '←';
      row[layout.quarters[to]![0]!] = '→';
    }
  }
  if (layout.family !== 'quarterly') return;
  const active = rng.shuffle([0, 1, 2, 3]).slice(0, amount !== null && amount > 0 ? rng.int(1, Math.min(4, amount / 100)) : rng.int(1, 4));
  const parts = amount !== null && amount > 0 ? split(rng, amount, active.length) : active.map(() => 0);
  let people = 0;
  layout.quarters.forEach(([t, b], q) => {
    const k = active.indexOf(q);
    const n = k < 0 ? 0 : rng.int(1, 40);
    people += n;
    row[t!] = k < 0 ? '-' : `${w.digits(n)} คน`;
    row[b!] = k < 0 || amount === null ? (amount === null ? null : '-') : parts[k] === 0 ? '-' : w.money(parts[k] as number);
  });
  if (layout.totalTarget !== undefined) row[layout.totalTarget] = `${w.digits(people)} คน`;
  if (amount === null) return;
  // The total budget cell (col.budget) is written by the caller; a no-budget row says so there.
}

/*
 * Builds test/fixtures/excel-native/: a Chiang Mai-shaped plan kept the Excel way (real numbers with Thai-digit
 * formats, =SUM project totals, indicator, goal and plan subtotals, a SUMIFS agency summary), variants that each
 * plant one formula-level error with a truth file, the correct plan, the plan saved without cached values, and
 * evaluator.xlsx (every function the evaluator knows, for the LibreOffice agreement test).
 *   npx tsx scripts/make-excel-native.ts
 * Cached values are the evaluator's results, except where a variant says otherwise (a stale value that looks
 * right over wrong cells); test/formula-libreoffice.test.ts proves the evaluator agrees with LibreOffice.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FormulaBook, parseAddress, type SheetSource } from '../src/domain';
import { writeXlsx, type Cached, type Cell, type Sheet } from './excel-native-xlsx';

const OUT = join(__dirname, '..', 'test', 'fixtures', 'excel-native');
const PLAN = 'แผนปฏิบัติการ';
const SUMMARY = 'สรุปงบประมาณ';
const BAHT = '[$-D00041E]#,##0';
const PEOPLE = '[$-D00041E]#,##0" คน"';
const NUMBER = '[$-D00041E]0';

const AGENCIES = [
  'สำนักงานจังหวัดเชียงใหม่',
  'สำนักงานพัฒนาชุมชนจังหวัดเชียงใหม่',
  'สำนักงานสาธารณสุขจังหวัดเชียงใหม่',
  'สำนักงานการท่องเที่ยวและกีฬาจังหวัดเชียงใหม่',
  'สำนักงานสหกรณ์จังหวัดเชียงใหม่',
];
const INTEGRATED = 'งบบูรณาการ';
const OWN = 'งบประมาณของส่วนราชการ';
const NONE = 'ไม่ใช้งบประมาณ';

type Q = (number | null)[];
interface ProjectRow {
  name: string;
  type: string;
  agency: number;
  budgets: Q;
  targets: Q;
}

const p = (name: string, type: string, agency: number, budgets: Q, targets: Q): ProjectRow => ({ name, type, agency, budgets, targets });

/** The plan: goal → indicator → projects, each indicator closed by its subtotal row. */
const GOALS: { heading: string; total: string; indicators: { heading: string; total: string; projects: ProjectRow[] }[] }[] = [
  {
    heading: 'เป้าหมายที่ ๑ ประชาชนมีวัฒนธรรมและพฤติกรรมซื่อสัตย์สุจริต',
    total: 'รวมงบประมาณเป้าหมายที่ ๑',
    indicators: [
      {
        heading: 'ตัวชี้วัดที่ ๑.๑ : ร้อยละของเด็กและเยาวชนไทยที่มีพฤติกรรมที่ยึดมั่นความซื่อสัตย์สุจริต',
        total: 'รวมงบประมาณตามตัวชี้วัดที่ ๑.๑',
        projects: [
          p('โครงการโรงเรียนสุจริตจังหวัดเชียงใหม่', INTEGRATED, 0, [null, 60000, 60000, null], [null, 120, 120, null]),
          p('โครงการค่ายเยาวชนต้นกล้าสุจริต', OWN, 1, [10000, null, 10000, null], [50, null, 50, null]),
          p('โครงการเผยแพร่ความรู้ป้องกันการทุจริตผ่านสื่อออนไลน์', NONE, 4, [null, null, null, null], [null, 300, null, null]),
        ],
      },
      {
        heading: 'ตัวชี้วัดที่ ๑.๒ : ร้อยละของประชาชนที่มีวัฒนธรรมค่านิยมสุจริต มีทัศนคติและพฤติกรรมในการต่อต้านการทุจริตและประพฤติมิชอบ',
        total: 'รวมงบประมาณตามตัวชี้วัดที่ ๑.๒',
        projects: [
          p('โครงการชมรมจริยธรรมสาธารณสุข', INTEGRATED, 2, [null, 5200, null, 5200], [null, 40, null, 40]),
          p('โครงการส่งเสริมการท่องเที่ยววิถีสุจริต', OWN, 3, [1000000, 500000, 500000, null], [200, 100, 100, null]),
          p('โครงการเสริมสร้างวัฒนธรรมองค์กรสุจริต', INTEGRATED, 0, [null, null, 7000, null], [null, null, 70, null]),
          p('โครงการสหกรณ์โปร่งใส', OWN, 4, [2300, null, 2300, null], [25, null, 25, null]),
        ],
      },
    ],
  },
  {
    heading: 'เป้าหมายที่ ๒ คดีทุจริตและประพฤติมิชอบลดลง',
    total: 'รวมงบประมาณเป้าหมายที่ ๒',
    indicators: [
      {
        heading: 'ตัวชี้วัดที่ ๒.๑ : คดีทุจริตในภาพรวมลดลง',
        total: 'รวมงบประมาณตามตัวชี้วัดที่ ๒.๑',
        projects: [
          p('โครงการประเมินคุณธรรมและความโปร่งใสหน่วยงานท่องเที่ยว', OWN, 3, [100000, 95000, null, null], [30, 30, null, null]),
          p('โครงการตรวจสอบการจัดซื้อจัดจ้างสาธารณสุข', INTEGRATED, 2, [null, 5000, null, null], [null, 12, null, null]),
          p('โครงการเครือข่ายชุมชนเฝ้าระวังการทุจริต', NONE, 1, [null, null, null, null], [60, 60, null, null]),
        ],
      },
    ],
  },
];

const TARGET_COLS = ['F', 'H', 'J', 'L'];
const BUDGET_COLS = ['G', 'I', 'K', 'M'];
const AMOUNT_COLS = [...BUDGET_COLS, 'O'];

/** Where the plan's rows fell: first project row, subtotal rows per indicator and goal, the plan total. */
interface Layout {
  first: number;
  last: number;
  indicatorTotals: number[];
  goalTotals: number[];
  planTotal: number;
  projectRows: number[];
}

function planSheet(): { sheet: Sheet; layout: Layout } {
  const cells = new Map<string, Cell>();
  const merges = ['A1:O1', 'F2:G2', 'H2:I2', 'J2:K2', 'L2:M2', 'N2:O2', 'A2:A3', 'B2:B3', 'C2:C3', 'D2:D3', 'E2:E3'];
  const put = (a: string, c: Cell): void => void cells.set(a, c);
  put('A1', { value: `แผนปฏิบัติการด้านการป้องกัน ปราบปรามการทุจริตและประพฤติมิชอบ จังหวัดเชียงใหม่ ประจำปีงบประมาณ พ.ศ. ๒๕๖๖` });
  const h2: [string, string][] = [['A2', 'ที่'], ['B2', 'แผนงาน/โครงการ'], ['C2', 'ประเภทของงบประมาณ'], ['D2', 'ตัวชี้วัด'], ['E2', 'หน่วยงาน'], ['F2', 'ไตรมาสที่ ๑'], ['H2', 'ไตรมาสที่ ๒'], ['J2', 'ไตรมาสที่ ๓'], ['L2', 'ไตรมาสที่ ๔'], ['N2', 'งบประมาณ ๒๕๖๖']];
  for (const [a, v] of h2) put(a, { value: v });
  for (let i = 0; i < 4; i++) {
    put(`${TARGET_COLS[i]}3`, { value: 'เป้าหมาย' });
    put(`${BUDGET_COLS[i]}3`, { value: 'งบประมาณ' });
  }
  put('N3', { value: 'เป้าหมายรวม' });
  put('O3', { value: 'งบประมาณรวม' });
  let row = 4;
  const layout: Layout = { first: 0, last: 0, indicatorTotals: [], goalTotals: [], planTotal: 0, projectRows: [] };
  const heading = (text: string): void => {
    put(`A${row}`, { value: text });
    merges.push(`A${row}:O${row}`);
    row++;
  };
  const totalRow = (label: string, formula: (col: string) => string): number => {
    put(`A${row}`, { value: label });
    merges.push(`A${row}:E${row}`);
    for (const c of AMOUNT_COLS) put(`${c}${row}`, { formula: formula(c), format: BAHT });
    return row++;
  };
  for (const g of GOALS) {
    heading(g.heading);
    const subtotals: number[] = [];
    for (const ind of g.indicators) {
      heading(ind.heading);
      const from = row;
      ind.projects.forEach((pr, i) => {
        if (!layout.first) layout.first = row;
        layout.projectRows.push(row);
        put(`A${row}`, { value: i + 1, format: NUMBER });
        put(`B${row}`, { value: pr.name });
        put(`C${row}`, { value: pr.type });
        put(`D${row}`, { value: 'จำนวนผู้เข้าร่วมโครงการ' });
        put(`E${row}`, { value: AGENCIES[pr.agency] as string });
        pr.targets.forEach((t, q) => t !== null && put(`${TARGET_COLS[q]}${row}`, { value: t, format: PEOPLE }));
        put(`N${row}`, { value: pr.targets.reduce<number>((s, t) => s + (t ?? 0), 0), format: PEOPLE });
        pr.budgets.forEach((b, q) => b !== null && put(`${BUDGET_COLS[q]}${row}`, { value: b, format: BAHT }));
        if (pr.type === NONE) put(`O${row}`, { value: NONE });
        else put(`O${row}`, { formula: `SUM(${BUDGET_COLS.map((c) => `${c}${row}`).join(',')})`, format: BAHT });
        row++;
      });
      const to = row - 1;
      layout.last = to;
      const t = totalRow(ind.total, (c) => `SUM(${c}${from}:${c}${to})`);
      layout.indicatorTotals.push(t);
      subtotals.push(t);
    }
    layout.goalTotals.push(totalRow(g.total, (c) => subtotals.map((r) => `${c}${r}`).join('+')));
  }
  layout.planTotal = totalRow('รวมงบประมาณทั้งสิ้น', (c) => layout.goalTotals.map((r) => `${c}${r}`).join('+'));
  layout.last = layout.planTotal;
  return { sheet: { name: PLAN, cells, merges, widths: [6, 40, 16, 24, 30, 10, 12, 10, 12, 10, 12, 10, 12, 12, 14] }, layout };
}

/** The agency summary: งบบูรณาการ and each agency's own budget by SUMIFS over the plan sheet, ภาพรวม by SUM. */
function summarySheet(layout: Layout): Sheet {
  const cells = new Map<string, Cell>();
  const put = (a: string, c: Cell): void => void cells.set(a, c);
  put('A1', { value: 'สรุปงบประมาณตามแผนปฏิบัติการด้านการป้องกัน ปราบปรามการทุจริตและประพฤติมิชอบ จังหวัดเชียงใหม่ ประจำปีงบประมาณ พ.ศ. ๒๕๖๖' });
  put('A2', { value: 'ที่' });
  put('B2', { value: 'หน่วยงาน' });
  put('C2', { value: 'งบประมาณ (บาท)' });
  put('C3', { value: 'งบประมาณตามแผนงานบูรณาการ' });
  put('D3', { value: 'งบประมาณของส่วนราชการ' });
  const range = (c: string): string => `'${PLAN}'!$${c}$${layout.first}:$${c}$${layout.last}`;
  AGENCIES.forEach((name, i) => {
    const r = 4 + i;
    put(`A${r}`, { value: i + 1, format: NUMBER });
    put(`B${r}`, { value: name });
    put(`C${r}`, { formula: `SUMIFS(${range('O')},${range('E')},$B${r},${range('C')},"${INTEGRATED}")`, format: BAHT });
    put(`D${r}`, { formula: `SUMIFS(${range('O')},${range('E')},$B${r},${range('C')},"<>${INTEGRATED}")`, format: BAHT });
  });
  const last = 3 + AGENCIES.length;
  put(`B${last + 1}`, { value: 'ภาพรวม' });
  put(`C${last + 1}`, { formula: `SUM(C4:C${last})`, format: BAHT });
  put(`D${last + 1}`, { formula: `SUM(D4:D${last})`, format: BAHT });
  return { name: SUMMARY, cells, merges: ['A1:D1', 'C2:D2', 'A2:A3', 'B2:B3'], widths: [6, 44, 24, 24] };
}

/** A sheet as the evaluator's source: values, and formulas with their "=". */
function source(sh: Sheet): SheetSource {
  const at = (row: number, col: number): Cell | undefined => {
    let letters = '';
    for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    return sh.cells.get(`${letters}${row}`);
  };
  const lastRow = Math.max(...[...sh.cells.keys()].map((a) => parseAddress(a)?.row ?? 1));
  return {
    name: sh.name,
    lastRow,
    value: (r, c) => at(r, c)?.value ?? null,
    formula: (r, c) => {
      const f = at(r, c)?.formula;
      return f === undefined ? null : `=${f}`;
    },
  };
}

/** Every formula's cached value, as the evaluator computes it (a circular one caches 0, as Excel does). */
function calculate(sheets: Sheet[]): void {
  const book = new FormulaBook(sheets.map(source), new Map(), true);
  for (const sh of sheets) {
    for (const [a, c] of sh.cells) {
      if (c.formula === undefined) continue;
      const pos = parseAddress(a);
      if (!pos) continue;
      const e = book.evaluateCell(sh.name, pos.row, pos.col);
      let cached: Cached;
      if (!e || e.kind === 'not-evaluated') throw new Error(`${sh.name}!${a}: ${c.formula} is not evaluated`);
      else if (e.kind === 'error') cached = e.error === 'circular' ? 0 : { error: e.error };
      else cached = e.value;
      c.cached = cached;
    }
  }
}

interface Expect {
  id: string;
  code: string;
  sheet: string;
  cell: string;
  severity: 'error' | 'warning' | 'info';
  what: string;
}
interface Variant {
  name: string;
  what: string;
  /** Changes the correct workbook; runs before the cached values are computed. */
  plant?: (plan: Sheet, summary: Sheet, l: Layout) => void;
  /** The formula was retyped after the last calculation: every cached value is the correct plan's (stale). */
  stale?: boolean;
  /** Runs after: cached values that are not what the formulas give. */
  after?: (plan: Sheet, summary: Sheet, l: Layout) => void;
  expect: (l: Layout) => Expect[];
  /** Other cells an error may sit on, with why (a wrong subtotal makes the totals above it wrong in value). */
  allow?: (l: Layout) => { sheet: string; cell: string; why: string }[];
}

const setFormula = (sh: Sheet, a: string, formula: string): void => {
  const c = sh.cells.get(a);
  if (!c) throw new Error(`no cell ${a}`);
  c.formula = formula;
};

const VARIANTS: Variant[] = [
  { name: 'correct', what: 'the plan kept the Excel way, every formula right', expect: () => [] },
  {
    name: 'no-cache',
    what: 'the correct plan saved without cached values (as generators save)',
    after: (plan, summary) => {
      for (const sh of [plan, summary]) for (const c of sh.cells.values()) if (c.formula !== undefined) c.cached = undefined;
    },
    expect: (l) => [
      { id: 'no-cache-summary', code: 'no-cached-value', sheet: SUMMARY, cell: 'C4', severity: 'warning', what: 'the summary sheet says once that its formulas had no cached values' },
      { id: 'no-cache-plan', code: 'no-cached-value', sheet: PLAN, cell: `O${l.first}`, severity: 'warning', what: 'the plan sheet says once that its formulas had no cached values' },
    ],
  },
  {
    name: 'range-short',
    what: 'indicator ๑.๒ subtotal one row short',
    plant: (plan, _s, l) => {
      const r = l.indicatorTotals[1] as number;
      setFormula(plan, `O${r}`, `SUM(O${r - 4}:O${r - 2})`);
    },
    expect: (l) => [{ id: 'short', code: 'formula-range', sheet: PLAN, cell: `O${l.indicatorTotals[1]}`, severity: 'error', what: `O${l.indicatorTotals[1]} sums one project row too few; missing O${(l.indicatorTotals[1] as number) - 1}` }],
    allow: (l) => [
      { sheet: PLAN, cell: `O${l.goalTotals[0]}`, why: 'goal ๑ total adds the short subtotal: its value is wrong, its formula right' },
      { sheet: PLAN, cell: `O${l.planTotal}`, why: 'the plan total adds the goal totals: its value is wrong, its formula right' },
    ],
  },
  {
    name: 'range-extra',
    what: 'indicator ๑.๒ subtotal also adds indicator ๑.๑ subtotal row',
    plant: (plan, _s, l) => {
      const r = l.indicatorTotals[1] as number;
      setFormula(plan, `O${r}`, `SUM(O${l.indicatorTotals[0]}:O${r - 1})`);
    },
    expect: (l) => [{ id: 'extra', code: 'formula-range', sheet: PLAN, cell: `O${l.indicatorTotals[1]}`, severity: 'error', what: `the subtotal reads O${l.indicatorTotals[0]} (another subtotal) too` }],
    allow: (l) => [
      { sheet: PLAN, cell: `O${l.goalTotals[0]}`, why: 'goal ๑ total adds the wrong subtotal: its value is wrong, its formula right' },
      { sheet: PLAN, cell: `O${l.planTotal}`, why: 'the plan total adds the goal totals: its value is wrong, its formula right' },
    ],
  },
  {
    name: 'range-column',
    what: 'a project total over the target columns instead of the budget columns, its cached value stale and right',
    plant: (plan, _s, l) => {
      const r = l.projectRows[4] as number;
      setFormula(plan, `O${r}`, `SUM(${TARGET_COLS.map((c) => `${c}${r}`).join(',')})`);
    },
    // What the sheet showed before someone retyped the formula: the budget total, so no value disagrees.
    stale: true,
    expect: (l) => [{ id: 'column', code: 'formula-range', sheet: PLAN, cell: `O${l.projectRows[4]}`, severity: 'error', what: 'reads F,H,J,L (targets) instead of G,I,K,M (budgets)' }],
  },
  {
    name: 'hardcoded',
    what: 'a project total typed as a number (the right one) over its formula',
    plant: (plan, _s, l) => {
      const r = l.projectRows[3] as number;
      plan.cells.set(`O${r}`, { value: 10400, format: BAHT });
    },
    expect: (l) => [{ id: 'typed', code: 'hardcoded-total', sheet: PLAN, cell: `O${l.projectRows[3]}`, severity: 'warning', what: 'a typed 10,400 where the other project totals are formulas' }],
  },
  {
    name: 'criteria',
    what: "the SUMIFS of สำนักงานสาธารณสุข's integrated budget has its agency misspelt",
    plant: (_p, summary, l) => {
      const range = (c: string): string => `'${PLAN}'!$${c}$${l.first}:$${c}$${l.last}`;
      setFormula(summary, 'C6', `SUMIFS(${range('O')},${range('E')},"สำนักงานสาธารณสุขจังหวัดเชียงให",${range('C')},"${INTEGRATED}")`);
    },
    expect: () => [{ id: 'misspelt', code: 'criteria-no-match', sheet: SUMMARY, cell: 'C6', severity: 'error', what: 'the criterion matches no agency; the nearest is สำนักงานสาธารณสุขจังหวัดเชียงใหม่' }],
    allow: () => [{ sheet: SUMMARY, cell: 'C9', why: 'ภาพรวม adds the zero: its value is wrong against the plan, its formula right' }],
  },
  {
    name: 'ref-error',
    what: 'goal ๑ total with a deleted reference (#REF!)',
    plant: (plan, _s, l) => setFormula(plan, `O${l.goalTotals[0]}`, `O${l.indicatorTotals[0]}+#REF!`),
    expect: (l) => [
      { id: 'ref', code: 'formula-error', sheet: PLAN, cell: `O${l.goalTotals[0]}`, severity: 'error', what: 'shows #REF!' },
      { id: 'ref-up', code: 'formula-error', sheet: PLAN, cell: `O${l.planTotal}`, severity: 'error', what: 'the plan total adds the #REF! and shows it too' },
    ],
  },
  {
    name: 'circular',
    what: 'goal ๒ total that adds itself',
    plant: (plan, _s, l) => setFormula(plan, `O${l.goalTotals[1]}`, `O${l.indicatorTotals[2]}+O${l.goalTotals[1]}`),
    expect: (l) => [{ id: 'circle', code: 'formula-error', sheet: PLAN, cell: `O${l.goalTotals[1]}`, severity: 'error', what: 'a circular reference (Excel caches 0)' }],
    allow: (l) => [{ sheet: PLAN, cell: `O${l.planTotal}`, why: 'the plan total adds the 0: its value is wrong, its formula right' }],
  },
];

/** The evaluator's test sheet: each function and operator, over a data sheet whose name needs quotes. */
function evaluatorBook(): Sheet[] {
  const data: Sheet = { name: 'ข้อมูล ๑', cells: new Map(), merges: [] };
  const rows: [number | string | boolean | null, string | null, number | null][] = [
    [10, 'สนง.ก', 1], [20.5, 'สนง.ข', 2], ['ข้อความ', 'สนง.ก', 3], [null, 'abc', 4], [null, 'ABC', 5], [-3, null, 6], [0.125, 'สนง.ค', 7],
  ];
  rows.forEach(([a, b, c], i) => {
    if (a !== null) data.cells.set(`A${i + 1}`, { value: a });
    if (b !== null) data.cells.set(`B${i + 1}`, { value: b });
    if (c !== null) data.cells.set(`C${i + 1}`, { value: c });
  });
  const d = "'ข้อมูล ๑'!";
  const formulas = [
    `SUM(${d}A1:A7)`, `SUM(${d}$A$1:$A$7,5)`, `${d}A1+${d}A2*2`, `-${d}A1/4`, `(${d}A1+${d}A2)*-2`, `ROUND(2.5,0)`, `ROUND(-2.5,0)`,
    `ROUND(1234.5678,-2)`, `ROUND(${d}A7,2)`, `ROUND(SUM(${d}C1:C7)/3,2)`, `SUMIF(${d}B1:B7,"สนง.ก",${d}C1:C7)`, `SUMIF(${d}C1:C7,">=3")`,
    `SUMIFS(${d}C1:C7,${d}B1:B7,"<>สนง.ก")`, `SUMIFS(${d}C:C,${d}B:B,"สนง.*",${d}C:C,"<7")`, `COUNTIF(${d}B:B,"สนง.?")`,
    `COUNTIFS(${d}B1:B7,"abc",${d}C1:C7,">2")`, `COUNTIF(${d}A1:A7,10)`, `COUNTIF(${d}B1:B7,"")`, `COUNTA(${d}A1:B7)`, `COUNT(${d}A1:C7)`,
    `COUNTA(${d}A1:A7,"x")`, `1/0`, `A1+A2`, `SUM(A1:A3)`, `${d}A5+1`, `SUMIF(${d}B1:B7,"<>",${d}C1:C7)`,
  ];
  // TRUE/FALSE sit apart: Excel skips them in SUM/COUNT ranges and LibreOffice counts them (so PlanCheck does not
  // evaluate that); COUNTA and arithmetic agree.
  data.cells.set('D1', { value: true });
  data.cells.set('D2', { value: false });
  formulas.push(`COUNTA(${d}D1:D3)`, `${d}D1+1`, `-${d}D2`);
  const calc: Sheet = { name: 'calc', cells: new Map(), merges: [] };
  formulas.forEach((f, i) => calc.cells.set(`A${i + 1}`, { formula: f }));
  return [calc, data];
}

function main(): void {
  mkdirSync(OUT, { recursive: true });
  for (const v of VARIANTS) {
    const { sheet: plan, layout } = planSheet();
    const summary = summarySheet(layout);
    const sheets = [summary, plan];
    if (v.stale) calculate(sheets);
    v.plant?.(plan, summary, layout);
    if (!v.stale) calculate(sheets);
    v.after?.(plan, summary, layout);
    const file = `${v.name}.xlsx`;
    writeFileSync(join(OUT, file), writeXlsx(sheets));
    const truth = { fixture: file, what: v.what, expect: v.expect(layout), allow: v.allow?.(layout) ?? [] };
    writeFileSync(join(OUT, `${v.name}.truth.json`), `${JSON.stringify(truth, null, 2)}\n`);
  }
  const ev = evaluatorBook();
  calculate(ev);
  writeFileSync(join(OUT, 'evaluator.xlsx'), writeXlsx(ev));
  console.log(`wrote ${VARIANTS.length + 1} workbooks to ${OUT}`);
}

main();

/**
 * A new plan period is one JSON file: a made-up 2571–2575 catalog with a goal ๔ (test/fixtures/catalogs) works end
 * to end — the period is chosen from the workbook's fiscal year, goal ๔ is checked, its totals become formulas
 * and the summary sheets have its rows — with no code change.
 */
import { readFileSync } from 'node:fs';
import { CATALOGS, analyze, buildCatalog, planSummaries, planTotals, type CellValue } from '../../src/domain';
import { QUARTERLY_HEADER, QUARTERLY_MERGES, quarterlyRow, sheet, workbook } from '../helpers/synthetic';

const next = buildCatalog(JSON.parse(readFileSync(`${__dirname}/../fixtures/catalogs/plan-2571-2575.json`, 'utf8')));
const catalogs = [...CATALOGS, next];

function plan(year: string): ReturnType<typeof workbook> {
  const values: CellValue[][] = [
    [`แผนปฏิบัติการป้องกันและปราบปรามการทุจริต ประจำปีงบประมาณ พ.ศ. ${year}`],
    ...QUARTERLY_HEADER,
    ['เป้าหมายที่ ๔ หน่วยงานภาครัฐเปิดเผยข้อมูลการใช้จ่ายงบประมาณครบถ้วน'],
    ['ตัวชี้วัดที่ ๔.๑ : ร้อยละของหน่วยงานที่เปิดเผยข้อมูลการจัดซื้อจัดจ้างครบถ้วน'],
    quarterlyRow({ no: 1, type: 'งบของหน่วยงาน', q: [['-', 10000], ['-', 5000], ['-', null], ['-', null]], totalBudget: 15000 }, 0),
    quarterlyRow({ no: 2, type: 'งบของหน่วยงาน', q: [['-', 2000], ['-', null], ['-', null], ['-', null]], totalBudget: 2000 }, 1),
  ];
  const summary = sheet('สรุป', [
    ['เป้าหมายที่', 'ตัวชี้วัดที่', 'จำนวนโครงการ', 'งบประมาณ'],
    ['๔', '๔.๑', 2, 17000],
    ['รวม', null, 2, 17000],
    ['ภาพรวม', null, 2, 17000],
  ]);
  return workbook(sheet('แผน', values, [...QUARTERLY_MERGES.map((m) => m.replace(/\d+/g, (r) => String(Number(r) + 1)))]), summary);
}

describe('a plan period added as data', () => {
  it('is chosen by the workbook’s fiscal year, and checks goal ๔ as a known goal', () => {
    const a = analyze(plan('๒๕๗๑'), { catalogs });
    expect(a.period).toMatchObject({ year: 2571, assumed: false });
    expect(a.catalog.period).toBe('2571-2575');
    expect(a.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(a.stats).toMatchObject({ projects: 2, budget: 17000 });
    // The same workbook against the shipped periods only: ๔.๑ does not exist there, and the period is assumed.
    const old = analyze(plan('๒๕๗๑'));
    expect(old.findings.map((f) => f.code)).toEqual(expect.arrayContaining(['indicator-unknown', 'plan-period-assumed']));
  });

  it('a year of the older period still gets the older catalog', () => {
    expect(analyze(plan('๒๕๖๘'), { catalogs }).catalog.period).toBe('2566-2570');
  });

  it('fills goal ๔’s summary rows with formulas over the plan', () => {
    const a = analyze(plan('๒๕๗๑'), { catalogs });
    const formulas = planTotals(a).actions.flatMap((x) => (x.kind === 'set-formula' && x.sheet === 'สรุป' ? [`${x.cell}${x.formula}`] : []));
    expect(formulas).toEqual(expect.arrayContaining(["C2=COUNTA('แผน'!A6:A7)", "D2=SUM('แผน'!O6:O7)", 'C3=SUM(C2)', 'D3=SUM(D2)']));
  });

  it('lays out goal ๔ in the per-indicator summary sheet', () => {
    const a = analyze(plan('๒๕๗๑'), { catalogs });
    const sheetOf = planSummaries(a).find((s) => s.sheet.name === 'สรุปตามตัวชี้วัด')!.sheet;
    const labels = sheetOf.rows.map((r) => `${r[0]?.value ?? ''}|${r[1]?.value ?? ''}|${r[2]?.value ?? ''}|${r[3]?.value ?? ''}`);
    expect(labels).toContain('เป้าหมายที่ 4 หน่วยงานภาครัฐเปิดเผยข้อมูลการใช้จ่ายงบประมาณครบถ้วน|4.1 ร้อยละของหน่วยงานที่เปิดเผยข้อมูลการจัดซื้อจัดจ้างครบถ้วน|2|17000');
    expect(labels).toContain('รวมเป้าหมายที่ 4||2|17000');
  });
});

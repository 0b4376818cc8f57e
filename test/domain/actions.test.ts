import { call, references } from '../../src/domain/actions/formulas';
import { fingerprint, planMarks } from '../../src/domain/actions/marks';
import { formatFor, formatLike, planNumbers } from '../../src/domain/actions/numbers';
import { SUMMARY_SHEETS, planSummaries } from '../../src/domain/actions/summaries';
import { planTotals } from '../../src/domain/actions/totals';
import { analyze } from '../../src/domain/analyze';
import { quarterlySheet, workbook } from '../helpers/synthetic';

describe('number formats that keep the look of the text', () => {
  it.each([
    ['๑,๖๕๑,๒๐๐ บาท', '[$-D00041E]#,##0" บาท"'],
    ['๒๐๐๐', '[$-D00041E]0'],
    ['๑๕,๐๐๐.-', '[$-D00041E]#,##0".-"'],
    ['๑,๒๐๐.๕๐', '[$-D00041E]#,##0.00'],
    ['15,000', '#,##0'],
  ])('%s → %s', (text, format) => expect(formatLike(text)).toBe(format));

  it('a formula over "-" or the no-budget text shows zero as "-"', () => {
    expect(formatFor('-')).toBe('[$-D00041E]#,##0;-#,##0;"-"');
    expect(formatFor('๑๒,๐๐๐')).toBe('[$-D00041E]#,##0');
    expect(formatFor(12000)).toBeUndefined();
  });
});

describe('formula references', () => {
  it('compresses runs of rows into ranges and quotes other sheets', () => {
    const cells = ['O10', 'O11', 'O12', 'O14', 'G3'].map((cell) => ({ sheet: 'แผน', cell }));
    expect(references(cells, 'แผน')).toEqual(['G3', 'O10:O12', 'O14']);
    expect(references(cells.slice(0, 2), 'สรุป')).toEqual(["'แผน'!O10:O11"]);
    expect(call('SUM', [])).toBe('=0');
    expect(call('SUM', Array.from({ length: 300 }, (_, i) => `A${i * 2 + 1}`))).toMatch(/^=SUM\(SUM\(A1,.*\),SUM\(/);
  });
});

describe('planNumbers', () => {
  it('converts amounts and bare counts typed as text, and leaves "-", no-budget text and targets with units alone', () => {
    const a = analyze(workbook(quarterlySheet([{ type: 'งบบูรณาการ', q: [['๕๐ คน', '๑,๐๐๐'], ['-', '-'], ['-', 'ไม่ใช้งบประมาณ'], ['-', '-']], totalTarget: '๑๒๐', totalBudget: '๑,๐๐๐' }])));
    expect(planNumbers(a).map((n) => `${n.cell}=${n.value}`).sort()).toEqual(['G5=1000', 'N5=120', 'O5=1000']);
  });
});

describe('planTotals', () => {
  const rows = [
    { type: 'งบบูรณาการ', q: [['-', '๑,๐๐๐'], ['-', '๒,๐๐๐'], ['-', '-'], ['-', '-']] as [string, string][], totalBudget: '๓,๐๐๐' },
    { type: 'งบบูรณาการ', q: [['-', '๕๐๐'], ['-', '-'], ['-', '-'], ['-', '-']] as [string, string][], totalBudget: '๖๐๐' },
  ];
  it('writes SUMs where the stated total agrees, converting the text numbers it reads first', () => {
    const plan = planTotals(analyze(workbook(quarterlySheet(rows))));
    expect(plan.actions.map((a) => (a.kind === 'set-formula' ? `${a.cell}${a.formula}` : `${a.kind}:${a.kind === 'set-number' ? a.cell : ''}`))).toEqual([
      'set-number:G5', 'set-number:I5', 'O5=SUM(G5,I5,K5,M5)',
    ]);
    expect(plan.conflicts).toEqual([{ sheet: 'แผนปฏิบัติการ', cell: 'O6', reason: 'value', stated: 600, computed: 500, formula: '=SUM(G6,I6,K6,M6)', overwrite: false }]);
  });
  it('overwrites disagreeing figures only when asked', () => {
    const plan = planTotals(analyze(workbook(quarterlySheet(rows))), { overwriteConflicts: true });
    expect(plan.actions.some((a) => a.kind === 'set-formula' && a.cell === 'O6' && a.expected === 500)).toBe(true);
  });
  it('keeps "ไม่ใช้งบประมาณ" where there is no money at all', () => {
    expect(planTotals(analyze(workbook(quarterlySheet([{}])))).actions).toEqual([]);
  });
});

describe('planSummaries', () => {
  it('uses explicit references where an agency is spelt two ways (a criterion would miss one)', () => {
    const two = quarterlySheet([
      { type: 'งบบูรณาการ', agency: 'สำนักงาน ก', q: [['-', 1000], ['-', '-'], ['-', '-'], ['-', '-']], totalBudget: 1000 },
      { type: 'งบบูรณาการ', agency: 'สำนักงานก', q: [['-', 500], ['-', '-'], ['-', '-'], ['-', '-']], totalBudget: 500 },
    ]);
    const [agency] = planSummaries(analyze(workbook(two))).map((a) => a.sheet);
    expect(agency?.rows[0]?.[4]).toMatchObject({ value: 1500, formula: "=SUM('แผนปฏิบัติการ'!O5:O6)" });
  });

  it('builds the four sheets with live formulas when the plan holds real numbers, and says when it cannot', () => {
    const numeric = quarterlySheet([{ type: 'งบบูรณาการ', agency: 'สำนักงาน ก', q: [['-', 1000], ['-', '-'], ['-', '-'], ['-', '-']], totalBudget: 1000 }]);
    const [agency, indicator, quarter, findings] = planSummaries(analyze(workbook(numeric))).map((a) => a.sheet);
    expect([agency?.name, indicator?.name, quarter?.name, findings?.name]).toEqual(Object.values(SUMMARY_SHEETS));
    expect(agency?.rows[0]?.[2]).toMatchObject({
      value: 1000,
      formula: `=SUMIFS('แผนปฏิบัติการ'!$O$5:$O$5,'แผนปฏิบัติการ'!$E$5:$E$5,"สำนักงาน ก",'แผนปฏิบัติการ'!$C$5:$C$5,"งบบูรณาการ")`,
    });
    expect(agency?.rows[0]?.[5]).toMatchObject({ value: 1, formula: `=COUNTIFS('แผนปฏิบัติการ'!$E$5:$E$5,"สำนักงาน ก")` });
    expect(agency?.subtitle.join(' ')).toContain('สูตร');
    const textual = quarterlySheet([{ type: 'งบบูรณาการ', agency: 'สำนักงาน ก', q: [['-', '๑,๐๐๐'], ['-', '-'], ['-', '-'], ['-', '-']], totalBudget: '๑,๐๐๐' }]);
    const [agency2] = planSummaries(analyze(workbook(textual))).map((a) => a.sheet);
    expect(agency2?.rows[0]?.[2]).toEqual({ value: 1000, format: '[$-D00041E]#,##0;-#,##0;"-"' });
    expect(agency2?.subtitle.join(' ')).toContain('แปลงตัวเลข');
    expect(quarter?.rows.slice(0, 4).map((r) => r[2]?.value)).toEqual([1, 0, 0, 0]);
    expect(quarter?.rows[4]?.[1]).toMatchObject({ formula: '=SUM(B7:B10)', value: 1000 });
  });
});

describe('planMarks', () => {
  it('marks each flagged cell once with its most severe finding and skips acknowledged ones', () => {
    const a = analyze(workbook(quarterlySheet([{ type: 'ไม่ใช้งบประมาณ', q: [['-', '๑๐,๐๐๐'], ['-', '-'], ['-', '-'], ['-', '-']], totalBudget: '๕,๐๐๐' }])));
    const marks = planMarks(a);
    expect(marks[0]).toEqual({ kind: 'clear-marks' });
    expect(marks.filter((m) => m.kind === 'mark').map((m) => m.kind === 'mark' && `${m.severity}:${m.cells.join(',')}`)).toEqual(['error:O5']);
    const acked = new Set(a.findings.filter((f) => f.cell === 'O5').map(fingerprint));
    expect(planMarks(a, { acknowledged: acked }).filter((m) => m.kind === 'mark')).toEqual([]);
  });
});

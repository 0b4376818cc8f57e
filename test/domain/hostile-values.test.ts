import { analyze, reportSchema, toReport, planTotals, planNumbers } from '../../src/domain';
import { isDateFormat } from '../../src/domain/base/formats';
import { quarterlySheet, workbook } from '../helpers/synthetic';

/** A quarterly plan whose first row's total budget is `total`, with the given number format on that cell. */
function planWith(total: unknown, format: string | null = null) {
  const s = quarterlySheet([{ type: 'งบของหน่วยงาน', q: [['-', 1000], ['-', null], ['-', null], ['-', null]], totalBudget: total as never }]);
  const formats = s.values.map((r) => r.map(() => null as string | null));
  formats[4]![14] = format;
  return workbook({ ...s, numberFormats: formats });
}

describe('numbers that are not figures', () => {
  it.each([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
    ['1e309 as text', '1e309'],
    ['four hundred digits', '9'.repeat(400)],
  ])('%s in an amount cell is an unreadable amount, never a figure; the report stays valid', (_, total) => {
    const a = analyze(planWith(total));
    expect(a.findings.map((f) => `${f.code}:${f.cell}`)).toContain('amount-unreadable:O5');
    // The unreadable total adds nothing (the finding says why), and no statistic becomes NaN or Infinity.
    expect(a.stats.budget).toBe(0);
    const report = JSON.parse(JSON.stringify(toReport(a, 'f.xlsx', '1')));
    expect(reportSchema.safeParse(report).success).toBe(true);
    // Nothing planned writes a non-finite number.
    const written = [...planTotals(a, { overwriteConflicts: true }).actions, ...planNumbers(a)].map((x) => ('value' in x ? x.value : 'expected' in x ? x.expected : 0));
    expect(written.every((v) => Number.isFinite(v))).toBe(true);
  });

  it('a number shown as a date is not an amount', () => {
    const a = analyze(planWith(45000, 'd/m/yyyy'));
    expect(a.findings.find((f) => f.cell === 'O5' && f.code === 'amount-unreadable')?.message.en).toContain('d/m/yyyy');
    expect(analyze(planWith(1000, '[$-D00041E]#,##0" บาท"')).findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('tells date formats from Thai-digit and money formats', () => {
    for (const f of ['d/m/yyyy', 'dd mmm yy', '[$-D07041E]d mmmm yyyy', 'h:mm', 'yyyy-mm-dd hh:mm:ss']) expect([f, isDateFormat(f)]).toEqual([f, true]);
    for (const f of ['General', '@', '#,##0', '[$-D00041E]#,##0" บาท"', '#,##0.00_);[Red](#,##0.00)', '0.00E+00', '"วันที่"0', null]) expect([f, isDateFormat(f)]).toEqual([f, false]);
  });
});

import { analyze, FormulaBook, type CellValue, type SheetSource, type WorkbookSnapshot } from '../../src/domain';
import { parseFormula } from '../../src/domain/formula';

/** A sheet from rows of values; a string starting with "=" is a formula (its cached value is not given). */
function sheet(name: string, rows: CellValue[][]): SheetSource {
  const at = (r: number, c: number): CellValue => rows[r - 1]?.[c - 1] ?? null;
  const isF = (v: CellValue): v is string => typeof v === 'string' && v.startsWith('=');
  return { name, lastRow: rows.length, value: (r, c) => (isF(at(r, c)) ? null : at(r, c)), formula: (r, c) => (isF(at(r, c)) ? (at(r, c) as string) : null) };
}

describe('the formula evaluator', () => {
  const book = new FormulaBook([sheet('ก', [[1, 'x', '=A1+1'], [2, 'y', '=C1*2'], ['๓', 'x', '=C3']]), sheet("It's", [[10], [true]])], new Map(), true);
  const ev = (f: string, from = 'ก') => book.evaluate(from, f);

  it('reads references, ranges, other sheets with quotes and absolute references', () => {
    expect(ev("=SUM($A$1:A2,'It''s'!A1)")).toEqual({ kind: 'value', value: 13 });
    expect(ev('=SUMIF(B1:B3,"x",A1:A3)')).toEqual({ kind: 'value', value: 1 });
    expect(ev('=COUNTIFS(B:B,"x",A:A,">0")')).toEqual({ kind: 'value', value: 1 });
    expect(ev('=-C2/4')).toEqual({ kind: 'value', value: -1 });
  });

  it('says "not evaluated" for what it does not know or what Excel and LibreOffice compute differently', () => {
    for (const f of ['=VLOOKUP(1,A1:B3,2)', '=A3+1', "=SUM('It''s'!A1:A2)", '=A1&"x"', '=A1>0', '=Name1', '=SUM(A1:A2']) {
      expect(ev(f).kind).toBe('not-evaluated');
    }
  });

  it('finds a circular reference and gives errors as errors', () => {
    const loop = new FormulaBook([sheet('ก', [['=A2+1'], ['=A1']])], new Map(), true);
    expect(loop.evaluateCell('ก', 1, 1)).toEqual({ kind: 'error', error: 'circular' });
    expect(ev('=1/0')).toEqual({ kind: 'error', error: '#DIV/0!' });
    expect(ev('=SUM(A1,#REF!)')).toEqual({ kind: 'error', error: '#REF!' });
  });

  it('parses Thai sheet names unquoted and whole columns', () => {
    expect(parseFormula('=แผน!O5')).toEqual({ k: 'ref', at: { sheet: 'แผน', row: 5, col: 15 } });
    expect(parseFormula('=SUM(E:E)')).toMatchObject({ k: 'call', name: 'SUM', args: [{ k: 'range', left: 5, right: 5, wholeColumns: true }] });
  });
});

describe('hardcoded-total', () => {
  const plan = (o12: CellValue): WorkbookSnapshot => {
    const header = [
      ['ที่', 'แผนงาน/โครงการ', 'ประเภทของงบประมาณ', 'ตัวชี้วัด', 'หน่วยงาน', 'ไตรมาสที่ ๑', null, 'ไตรมาสที่ ๒', null, 'ไตรมาสที่ ๓', null, 'ไตรมาสที่ ๔', null, 'งบประมาณ ๒๕๖๖', null],
      [null, null, null, null, null, 'เป้าหมาย', 'งบประมาณ', 'เป้าหมาย', 'งบประมาณ', 'เป้าหมาย', 'งบประมาณ', 'เป้าหมาย', 'งบประมาณ', 'เป้าหมายรวม', 'งบประมาณรวม'],
      ['ตัวชี้วัดที่ ๑.๑ : ร้อยละของเด็กและเยาวชนไทยที่มีพฤติกรรมที่ยึดมั่นความซื่อสัตย์สุจริต', ...Array(14).fill(null)],
    ];
    const row = (n: number, total: CellValue): CellValue[] => [n, `โครงการ ${n}`, 'งบบูรณาการ', 'ผล', 'สำนักงานจังหวัด', null, 100, null, 200, null, null, null, null, null, total];
    const r = (i: number): string => `=SUM(G${i},I${i},K${i},M${i})`;
    const values = [...header, row(1, 300), row(2, 300), row(3, o12)];
    const formulas = values.map((v, i) => v.map((_, c) => (c === 14 && i >= 3 && i < 5 ? r(i + 1) : null)));
    return { sheets: [{ name: 'แผน', origin: { row: 1, column: 1 }, values, formulas, merges: ['F1:G1', 'H1:I1', 'J1:K1', 'L1:M1', 'N1:O1'] }] };
  };
  it('warns about a typed total among formulas, and errs when its value is also wrong', () => {
    const at = (s: WorkbookSnapshot) => analyze(s).findings.filter((f) => f.code === 'hardcoded-total').map((f) => `${f.cell} ${f.severity}`);
    expect(at(plan(300))).toEqual(['O6 warning']);
    expect(at(plan(310))).toEqual(['O6 error']);
  });
});

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Action } from '../src/domain/actions/types';
import { judge, type Problem } from './helpers/fidelity';
import { copyOf, editPart, replaceCell, restyleInPlace, setFormula, setNumber, sheetPart, zip, cellXml } from './helpers/fidelity-edits';
import { libreOfficeProblems } from './helpers/fidelity-libreoffice';
import { FIDELITY_DIR, FIDELITY_FILES } from './helpers/fidelity-writers';
import { stylesOf, unzip, type Parts } from './helpers/ooxml';

/** The judge of test/fidelity.test.ts passes what is faithful and fails each way a writer can lose the user's work. */
jest.setTimeout(300_000);

const PLAN = 'แผนปฏิบัติการ';
const read = (file: string): Uint8Array => new Uint8Array(readFileSync(join(FIDELITY_DIR, file)));
const partsOf = (file: string): Parts => unzip(read(file));
const checks = (problems: Problem[]): string[] => [...new Set(problems.map((p) => `${p.check} ${p.where}`))];

/** O10 of the plan holds "๑๒๐,๐๐๐" as text: what fix converts. */
const convert: Extract<Action, { kind: 'set-number' }> = { kind: 'set-number', sheet: PLAN, cell: 'O10', value: 120000, format: '[$-D00041E]#,##0', before: '๑๒๐,๐๐๐' };
const total: Extract<Action, { kind: 'set-formula' }> = { kind: 'set-formula', sheet: PLAN, cell: 'O11', formula: '=SUM(G11,I11,K11,M11)', expected: 0, before: 'ไม่ใช้งบประมาณ' };

/** lo-print.xlsx with O10 converted correctly, and whatever else `spoil` does to it. */
function converted(spoil: (p: Parts) => void = () => undefined): { input: Uint8Array; output: Uint8Array } {
  const input = read('lo-print.xlsx');
  const parts = copyOf(unzip(input));
  setNumber(parts, PLAN, 'O10', convert.value, convert.format);
  spoil(parts);
  return { input, output: zip(parts) };
}

describe('the fidelity judge', () => {
  it.each(FIDELITY_FILES)('finds nothing wrong with %s copied as it is', (file) => {
    const bytes = read(file);
    expect(judge(bytes, bytes, [])).toEqual([]);
  });

  it.each(FIDELITY_FILES)('compares parts uncompressed: %s stored without compression, entries reversed, is the same workbook', (file) => {
    const parts = partsOf(file);
    const reversed = Object.fromEntries(Object.entries(parts).reverse());
    expect(judge(read(file), zip(reversed, 0), [])).toEqual([]);
  });

  it('passes a conversion done right: the cell a number in a new style entry, every other byte as it was', () => {
    const { input, output } = converted();
    expect(judge(input, output, [convert])).toEqual([]);
  });

  it('passes a total filled right: formula and cached result, the style kept', () => {
    const input = read('lo-print.xlsx');
    const parts = copyOf(unzip(input));
    setFormula(parts, PLAN, 'O11', total.formula, 0);
    expect(judge(input, zip(parts), [total])).toEqual([]);
  });

  it('passes an ownership tag added beside a conversion (a hidden defined name, a custom property)', () => {
    const { input, output } = converted((p) => {
      editPart(p, 'xl/workbook.xml', (x) => x.replace('</definedNames>', '<definedName name="_PlanCheck" hidden="1">"marks:แผนปฏิบัติการ!O10"</definedName></definedNames>'));
      editPart(p, 'docProps/custom.xml', (x) => x.replace('></Properties>', '><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="PlanCheck"><vt:lpwstr>O10</vt:lpwstr></property></Properties>'));
    });
    expect(judge(input, output, [convert])).toEqual([]);
  });

  it('fails a copy that changes the sensitivity label of the custom properties', () => {
    const input = read('excel-parts.xlsx');
    const parts = copyOf(unzip(input));
    setNumber(parts, PLAN, 'O10', convert.value, convert.format);
    editPart(parts, 'docProps/custom.xml', (x) => x.replace('ใช้ภายในหน่วยงาน', 'เปิดเผยได้'));
    expect(checks(judge(input, zip(parts), [convert]))).toEqual(['custom-properties MSIP_Label_3c7e9a1b-4d2f-4e8a-b6c5-0f1e2d3c4b5a_Name']);
  });

  it('fails a copy where one untouched cell of the touched sheet has another style', () => {
    const { input, output } = converted((p) => {
      const title = cellXml(p, PLAN, 'A1').style;
      const b10 = cellXml(p, PLAN, 'B10');
      expect(stylesOf(p).resolve(title)).not.toEqual(stylesOf(p).resolve(b10.style));
      replaceCell(p, PLAN, 'B10', b10.xml.replace(/ s="\d+"/, ` s="${title}"`));
    });
    const problems = judge(input, output, [convert]);
    expect(checks(problems)).toEqual([`cell-style ${PLAN}!B10`]);
    expect(problems[0]!.detail).toMatch(/font/);
  });

  it("fails a conversion that writes the new format into a style other cells share (exceljs' way)", () => {
    const { input, output } = converted((p) => restyleInPlace(p, cellXml(p, PLAN, 'O12').style, convert.format));
    const problems = judge(input, output, [convert]);
    expect(problems.some((p) => p.check === 'styles' && p.where.startsWith('cellXfs['))).toBe(true);
    const others = problems.filter((p) => p.check === 'cell-style' && /numFmt General → \[\$-D00041E\]#,##0/.test(p.detail));
    expect(others.map((p) => p.where)).toContain(`${PLAN}!O12`);
    expect(others.length).toBeGreaterThan(10);
  });

  it('fails a converted cell whose number format does not show it as it looked', () => {
    const input = read('lo-print.xlsx');
    const parts = copyOf(unzip(input));
    setNumber(parts, PLAN, 'O10', 120000, '0');
    expect(checks(judge(input, zip(parts), [convert]))).toEqual([`target-format ${PLAN}!O10`]);
  });

  it('fails a copy that loses the macros of an .xlsm', () => {
    const parts = copyOf(partsOf('macro.xlsm'));
    delete parts['xl/vbaProject.bin'];
    expect(checks(judge(read('macro.xlsm'), zip(parts), []))).toEqual(['part-lost xl/vbaProject.bin']);
  });

  it('fails a copy that changes one byte of a part no action touches (the chart)', () => {
    const parts = copyOf(partsOf('lo-objects.xlsx'));
    editPart(parts, 'xl/charts/chart1.xml', (x) => x.replace('<c:chartSpace', '<c:chartSpace '));
    const problems = judge(read('lo-objects.xlsx'), zip(parts), []);
    expect(checks(problems)).toEqual(['part-changed xl/charts/chart1.xml']);
  });

  it('fails a copy that turns a sheet-scoped name into a workbook name', () => {
    const input = read('lo-print.xlsx');
    const parts = copyOf(unzip(input));
    setFormula(parts, PLAN, 'O11', total.formula, 0);
    editPart(parts, 'xl/workbook.xml', (x) => x.replace(/ localSheetId="1"( name="Targets")/, '$1'));
    expect(checks(judge(input, zip(parts), [total]))).toEqual(['defined-names Targets@แผนปฏิบัติการ']);
  });

  it('fails a copy that hides a sheet or reorders the sheets', () => {
    const input = read('lo-print.xlsx');
    const parts = copyOf(unzip(input));
    setFormula(parts, PLAN, 'O11', total.formula, 0);
    editPart(parts, 'xl/workbook.xml', (x) => x.replace(/(<sheet name="สรุปงบประมาณ"[^>]*state=")visible"/, '$1hidden"'));
    expect(checks(judge(input, zip(parts), [total]))).toEqual(['sheets สรุปงบประมาณ']);
    editPart(parts, 'xl/workbook.xml', (x) => x.replace(/(<sheet name="สรุปงบประมาณ"[^>]*\/>)(<sheet name="แผนปฏิบัติการ"[^>]*\/>)/, '$2$1'));
    // Moving a sheet without renumbering localSheetId also moves its names to the other sheet.
    expect(checks(judge(input, zip(parts), [total]))).toEqual([
      'sheets workbook',
      'sheets สรุปงบประมาณ',
      'defined-names _xlnm.Print_Titles@แผนปฏิบัติการ',
      'defined-names Targets@แผนปฏิบัติการ',
    ]);
  });

  it('fails a copy that drops a content type, even in a part it may rewrite', () => {
    const input = read('lo-print.xlsx');
    const parts = copyOf(unzip(input));
    setFormula(parts, PLAN, 'O11', total.formula, 0);
    editPart(parts, '[Content_Types].xml', (x) => x.replace(/<Override PartName="\/docProps\/custom.xml"[^>]*\/>/, ''));
    expect(checks(judge(input, zip(parts), [total]))).toEqual(['content-types Override /docProps/custom.xml']);
  });

  it('fails a copy whose cells are out of order in their row', () => {
    const { input, output } = converted((p) =>
      editPart(p, sheetPart(p, PLAN), (x) => {
        const a = cellXml(p, PLAN, 'A12').xml;
        const b = cellXml(p, PLAN, 'B12').xml;
        return x.replace(`${a}${b}`, `${b}${a}`);
      }),
    );
    expect(checks(judge(input, output, [convert]))).toEqual([`cell-order ${PLAN}!A12`]);
  });

  it('fails a copy that loses the print setup or the validation of a touched sheet', () => {
    const { input, output } = converted((p) => editPart(p, sheetPart(p, PLAN), (x) => x.replace(/<pageSetup [^>]*\/>/, '').replace(/<dataValidations[\s\S]*?<\/dataValidations>/, '')));
    expect(checks(judge(input, output, [convert]))).toEqual([`sheet-part ${PLAN}`]);
  });

  it("fails a copy that replaces the user's own note on a cell it explains", () => {
    const input = read('excel-parts.xlsx');
    const parts = copyOf(unzip(input));
    const note: Action = { kind: 'note', sheet: PLAN, cell: 'O27', text: 'ตรวจแผน: งบประมาณไม่ตรงกับผลรวม' };
    editPart(parts, 'xl/comments1.xml', (x) => x.replace(/(<comment ref="O27"[^>]*><text>)[\s\S]*?(<\/text>)/, '$1<t>ตรวจแผน: งบประมาณไม่ตรงกับผลรวม</t>$2'));
    expect(checks(judge(input, zip(parts), [note]))).toEqual([`user-note ${PLAN}!O27`]);
  });
});

describe("the fidelity judge's LibreOffice check", () => {
  let result: Map<string, Problem[]>;
  beforeAll(() => {
    const identity = read('lo-objects.xlsx');
    const filled = copyOf(partsOf('lo-print.xlsx'));
    setFormula(filled, PLAN, 'O11', '=1+1', 2);
    const wrong = { ...total, formula: '=1+1', expected: 3 };
    const truncated = read('excel-parts.xlsx').slice(0, 4000);
    result = libreOfficeProblems(
      [
        { label: 'identity', ext: '.xlsx', bytes: identity, actions: [] },
        { label: 'filled', ext: '.xlsx', bytes: zip(filled), actions: [{ ...total, formula: '=1+1', expected: 2 }] },
        { label: 'wrong', ext: '.xlsx', bytes: zip(filled), actions: [wrong] },
        { label: 'macro', ext: '.xlsm', bytes: read('macro.xlsm'), actions: [] },
        { label: 'truncated', ext: '.xlsx', bytes: truncated, actions: [] },
      ],
      mkdtempSync(join(tmpdir(), 'plancheck-judge-lo-')),
    );
  });

  it('passes a workbook LibreOffice opens, and a formula that recalculates to what the action meant', () => {
    expect(result.get('identity')).toEqual([]);
    expect(result.get('filled')).toEqual([]);
    expect(result.get('macro')).toEqual([]);
  });

  it('fails a formula whose recalculated value is not what the action meant', () => {
    expect(checks(result.get('wrong')!)).toEqual([`libreoffice ${PLAN}!O11`]);
    expect(result.get('wrong')![0]!.detail).toMatch(/recalculated number:2, meant 3/);
  });

  it('fails a file LibreOffice cannot open', () => {
    expect(checks(result.get('truncated')!)).toEqual(['libreoffice truncated']);
  });
});


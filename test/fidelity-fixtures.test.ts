import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { planMarks } from '../src/domain/actions/marks';
import { planSummaries } from '../src/domain/actions/summaries';
import { analyze } from '../src/domain/analyze';
import { readXlsx } from '../src/workbook/xlsx/read';
import { FIDELITY_DIR, FIDELITY_FILES, fixActions } from './helpers/fidelity-writers';

/**
 * The fidelity workbooks carry what test/fixtures/fidelity/README.md says they carry (a rebuilt file that lost
 * a feature would make the fidelity suite prove less), and each is a real plan that fix, summarize and the
 * browser's marks actually change.
 */
const part = (file: string, path: string): string => {
  const bytes = unzipSync(readFileSync(join(FIDELITY_DIR, file)))[path];
  if (!bytes) throw new Error(`${file} has no ${path}`);
  return strFromU8(bytes);
};
const has = (file: string): ((path: string) => boolean) => {
  const parts = unzipSync(readFileSync(join(FIDELITY_DIR, file)));
  return (path) => path in parts;
};

const PLAN = 'xl/worksheets/sheet2.xml';
const SUMMARY = 'xl/worksheets/sheet1.xml';

const FEATURES: [string, string, () => void][] = [
  ['lo-print.xlsx', 'default font TH Sarabun New 16', () => expect(part('lo-print.xlsx', 'xl/styles.xml')).toMatch(/<fonts[^>]*><font><sz val="16"\/>.*?<name val="TH Sarabun New"\/>/)],
  ['lo-print.xlsx', 'fit to one page wide, A4 landscape', () => {
    expect(part('lo-print.xlsx', PLAN)).toMatch(/<pageSetUpPr fitToPage="true"\/>/);
    expect(part('lo-print.xlsx', PLAN)).toMatch(/<pageSetup paperSize="9"[^>]*fitToWidth="1" fitToHeight="0"[^>]*orientation="landscape"/);
  }],
  ['lo-print.xlsx', 'header and footer', () => expect(part('lo-print.xlsx', PLAN)).toMatch(/<oddHeader>&amp;C.*แผนปฏิบัติการ.*<oddFooter>&amp;R.*&amp;P<\/oddFooter>/)],
  ['lo-print.xlsx', 'hidden column D and hidden row 8', () => {
    expect(part('lo-print.xlsx', PLAN)).toMatch(/<col [^>]*hidden="true"[^>]*max="4" min="4"/);
    expect(part('lo-print.xlsx', PLAN)).toMatch(/<row r="8"[^>]*hidden="true"/);
  }],
  ['lo-print.xlsx', 'outline groups over columns F:M and rows 10:36', () => {
    expect(part('lo-print.xlsx', PLAN)).toMatch(/<col [^>]*outlineLevel="1" max="13" min="6"/);
    expect(part('lo-print.xlsx', PLAN)).toMatch(/<row r="36"[^>]*outlineLevel="1"/);
  }],
  ['lo-print.xlsx', 'sheet protection (LibreOffice form)', () => expect(part('lo-print.xlsx', SUMMARY)).toMatch(/<sheetProtection sheet="true" password="[0-9a-f]+"/)],
  ['lo-print.xlsx', 'defined names: a constant, a range, a sheet-scoped name, print titles', () => {
    const wb = part('lo-print.xlsx', 'xl/workbook.xml');
    expect(wb).toMatch(/name="InflationRate"[^>]*>0.03</);
    expect(wb).toMatch(/name="PlanBudget"[^>]*>แผนปฏิบัติการ!\$O\$10:\$O\$51</);
    expect(wb).toMatch(/localSheetId="1" name="Targets"/);
    expect(wb).toMatch(/localSheetId="1" name="_xlnm.Print_Titles"/);
  }],
  ['lo-print.xlsx', 'data validation (decimal and list) on cells fix converts', () => expect(part('lo-print.xlsx', PLAN)).toMatch(/<dataValidations count="2">.*sqref="O10:O51" type="decimal".*type="list"/)],
  ['lo-print.xlsx', "the user's conditional formats on both sheets", () => {
    expect(part('lo-print.xlsx', PLAN)).toMatch(/<conditionalFormatting sqref="O10:O51"><cfRule type="expression"[^>]*dxfId="\d+"><formula>LEN\(O10\)&gt;9</);
    expect(part('lo-print.xlsx', SUMMARY)).toMatch(/<conditionalFormatting sqref="C4:D18">/);
  }],
  ['lo-print.xlsx', 'rich text (a red bold run in the plan title)', () => expect(part('lo-print.xlsx', 'xl/sharedStrings.xml')).toMatch(/<r><rPr><b val="true"\/><sz val="13"\/><color rgb="FFC00000"\/>/)],
  ['lo-print.xlsx', 'legacy notes on both sheets', () => {
    expect(part('lo-print.xlsx', 'xl/comments1.xml')).toContain('ยอดตามหนังสือแจ้งจัดสรร');
    expect(part('lo-print.xlsx', 'xl/comments2.xml')).toContain('ตรวจสอบชื่อโครงการ');
  }],
  ['lo-objects.xlsx', 'a chart in a drawing on the summary sheet', () => {
    expect(has('lo-objects.xlsx')('xl/charts/chart1.xml')).toBe(true);
    expect(part('lo-objects.xlsx', 'xl/worksheets/_rels/sheet1.xml.rels')).toMatch(/relationships\/drawing/);
  }],
  ['lo-objects.xlsx', 'a pivot table with its cache definition and records', () => {
    for (const p of ['xl/pivotTables/pivotTable1.xml', 'xl/pivotCache/pivotCacheDefinition1.xml', 'xl/pivotCache/pivotCacheRecords1.xml']) expect(has('lo-objects.xlsx')(p)).toBe(true);
    expect(part('lo-objects.xlsx', 'xl/workbook.xml')).toMatch(/<pivotCaches><pivotCache cacheId="1"/);
  }],
  ['lo-objects.xlsx', 'a table (ListObject) with an autofilter and no style', () => expect(part('lo-objects.xlsx', 'xl/tables/table1.xml')).toMatch(/name="ตารางโครงการ".*<autoFilter/)],
  ['lo-objects.xlsx', 'an image on the plan sheet', () => {
    expect(has('lo-objects.xlsx')('xl/media/image1.png')).toBe(true);
    expect(part('lo-objects.xlsx', 'xl/worksheets/_rels/sheet2.xml.rels')).toMatch(/relationships\/drawing/);
  }],
  ['lo-objects.xlsx', 'an internal hyperlink', () => expect(part('lo-objects.xlsx', SUMMARY)).toMatch(/<hyperlink ref="F2" location="แผนปฏิบัติการ!A1"/)],
  ['excel-parts.xlsx', 'a threaded comment with a reply, its persons list and its legacy-note twin', () => {
    expect(part('excel-parts.xlsx', 'xl/threadedComments/threadedComment1.xml')).toMatch(/<threadedComment ref="B10".*parentId=/);
    expect(part('excel-parts.xlsx', 'xl/persons/person.xml')).toContain('มาลี ศรีสุข');
    expect(part('excel-parts.xlsx', 'xl/comments1.xml')).toMatch(/<author>tc=\{.*<comment ref="B10"/);
  }],
  ['excel-parts.xlsx', "the user's own note on O27, a cell fix converts and the checker flags", () => expect(part('excel-parts.xlsx', 'xl/comments1.xml')).toMatch(/<comment ref="O27"[\s\S]*รวมค่าจ้างเหมา/)],
  ['excel-parts.xlsx', 'custom document properties with a sensitivity label', () => {
    expect(part('excel-parts.xlsx', 'docProps/custom.xml')).toMatch(/name="MSIP_Label_[0-9a-f-]+_Enabled"><vt:lpwstr>true</);
    expect(part('excel-parts.xlsx', 'docMetadata/LabelInfo.xml')).toMatch(/<clbl:label /);
  }],
  ['excel-parts.xlsx', 'a styled table on a hidden sheet', () => {
    expect(part('excel-parts.xlsx', 'xl/tables/table1.xml')).toMatch(/<tableStyleInfo name="TableStyleMedium2"/);
    expect(part('excel-parts.xlsx', 'xl/workbook.xml')).toMatch(/<sheet name="ผู้รับผิดชอบ" sheetId="3" state="hidden"/);
  }],
  ['excel-parts.xlsx', 'defined names: constants (one Thai), a text constant, sheet-scoped, print titles', () => {
    const wb = part('excel-parts.xlsx', 'xl/workbook.xml');
    for (const n of ['<definedName name="VatRate">0.07<', '<definedName name="อัตราภาษี">0.07<', '<definedName name="ReportYear" comment="ปีงบประมาณ">"๒๕๖๖"<', '<definedName name="Budgets" localSheetId="1">']) expect(wb).toContain(n);
  }],
  ['excel-parts.xlsx', "sheet protection (Excel's SHA-512 form), an internal hyperlink, fit to page, header and footer", () => {
    expect(part('excel-parts.xlsx', SUMMARY)).toMatch(/<sheetProtection algorithmName="SHA-512" hashValue="[^"]+" saltValue="[^"]+"/);
    expect(part('excel-parts.xlsx', SUMMARY)).toMatch(/<hyperlink ref="B19" location="'แผนปฏิบัติการ'!A1"/);
    expect(part('excel-parts.xlsx', PLAN)).toMatch(/<sheetPr><pageSetUpPr fitToPage="1"\/><\/sheetPr>.*<pageSetup [^>]*fitToHeight="0"\/><headerFooter>/);
  }],
  ['macro.xlsm', 'a VBA project with its relationship and content types', () => {
    expect(has('macro.xlsm')('xl/vbaProject.bin')).toBe(true);
    expect(part('macro.xlsm', 'xl/_rels/workbook.xml.rels')).toMatch(/relationships\/vbaProject" Target="vbaProject.bin"/);
    expect(part('macro.xlsm', '[Content_Types].xml')).toMatch(/macroEnabled.main\+xml.*Extension="bin" ContentType="application\/vnd.ms-office.vbaProject"/);
    expect(part('macro.xlsm', 'xl/workbook.xml')).toContain('codeName="ThisWorkbook"');
  }],
];

describe('the fidelity workbooks', () => {
  it.each(FEATURES.map(([file, feature, check]) => [`${file}: ${feature}`, check] as const))('%s', (_name, check) => check());

  it.each(FIDELITY_FILES)('%s is a plan that fix, summarize and the marks change', async (file) => {
    const analysis = analyze(await readXlsx(join(FIDELITY_DIR, file), file));
    const fix = fixActions(analysis);
    expect(fix.filter((a) => a.kind === 'set-number').length).toBeGreaterThan(50);
    expect(fix.filter((a) => a.kind === 'set-formula').length).toBeGreaterThan(10);
    expect(planSummaries(analysis, { title: 'x' }).length).toBe(4);
    expect(planMarks(analysis, { notes: true }).filter((a) => a.kind === 'note').length).toBeGreaterThan(5);
  });
});

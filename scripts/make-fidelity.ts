/*
 * Builds the fidelity workbooks in test/fixtures/fidelity/ (see the README there): real plan workbooks, from the
 * Chiang Mai fixture, carrying what a clerk's own file carries, for test/fidelity.test.ts to prove that a copy
 * written by `fix`, `summarize` or the browser keeps all of it.
 *   npx tsx scripts/make-fidelity.ts
 * The two LibreOffice files come from scripts/make-fidelity.py (headless LibreOffice and python3-uno, Debian:
 * apt-get install libreoffice-calc-nogui python3-uno); the others are the fixture with hand-written parts that
 * only Excel writes. The files are committed, so the tests never need LibreOffice's Python to regenerate them.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync, type Unzipped } from 'fflate';
import {
  REL,
  TYPE,
  commentsPart,
  customPropertiesPart,
  labelInfoPart,
  notesVml,
  personsPart,
  tableSheet,
  threadedCommentsPart,
  vbaProjectBin,
  type Note,
  type Person,
  type Thread,
} from './fidelity-parts';

const root = join(__dirname, '..');
const out = join(root, 'test', 'fixtures', 'fidelity');
const plan = join(root, 'test', 'fixtures', 'chiangmai-2566-clean.xlsx');
/** Zip entry dates are fixed, so that rebuilding changes no byte that did not change. */
const MTIME = new Date('2023-01-10T09:00:00Z');

const SUMMARY_SHEET = 'xl/worksheets/sheet1.xml';
const PLAN_SHEET = 'xl/worksheets/sheet2.xml';

const text = (pkg: Unzipped, path: string): string => {
  const part = pkg[path];
  if (!part) throw new Error(`no ${path}`);
  return strFromU8(part);
};
const put = (pkg: Unzipped, path: string, content: string | Uint8Array): void => {
  pkg[path] = typeof content === 'string' ? strToU8(content) : new Uint8Array(content);
};
/** Edits a part's text; the edit must change it (a silent no-op would leave a feature out of the file). */
function edit(pkg: Unzipped, path: string, change: (xml: string) => string): void {
  const before = text(pkg, path);
  const after = change(before);
  if (after === before) throw new Error(`edit of ${path} changed nothing`);
  put(pkg, path, after);
}
const before = (tag: string, insert: string) => (xml: string) => xml.replace(tag, `${insert}${tag}`);
const after = (tag: RegExp, insert: string) => (xml: string) => xml.replace(tag, (m) => `${m}${insert}`);

function override(pkg: Unzipped, part: string, type: string): void {
  edit(pkg, '[Content_Types].xml', before('</Types>', `<Override PartName="${part}" ContentType="${type}"/>`));
}

function relate(pkg: Unzipped, rels: string, id: string, type: string, target: string): void {
  const rel = `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`;
  if (!pkg[rels]) put(pkg, rels, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel}</Relationships>`);
  else edit(pkg, rels, before('</Relationships>', rel));
}

function save(pkg: Unzipped, name: string): void {
  // [Content_Types].xml first, as Office writes it.
  const ordered: Unzipped = { '[Content_Types].xml': pkg['[Content_Types].xml']! };
  for (const [k, v] of Object.entries(pkg)) if (k !== '[Content_Types].xml') ordered[k] = v;
  writeFileSync(join(out, name), zipSync(ordered, { level: 6, mtime: MTIME }));
}

/** Excel's sheet-protection hash (ECMA-376 agile: SHA-512 over salt + UTF-16LE password, then spun). */
function protection(password: string, salt: Buffer, spins: number): string {
  let h = createHash('sha512').update(Buffer.concat([salt, Buffer.from(password, 'utf16le')])).digest();
  for (let i = 0; i < spins; i++) {
    const n = Buffer.alloc(4);
    n.writeUInt32LE(i);
    h = createHash('sha512').update(Buffer.concat([h, n])).digest();
  }
  return `<sheetProtection algorithmName="SHA-512" hashValue="${h.toString('base64')}" saltValue="${salt.toString('base64')}" spinCount="${spins}" sheet="1" objects="1" scenarios="1" formatColumns="0" formatRows="0"/>`;
}

const somchai: Person = { id: '{8C5D3E1A-2B4F-4A6C-9D7E-1F2A3B4C5D6E}', name: 'สมชาย ใจดี' };
const malee: Person = { id: '{1A2B3C4D-5E6F-4A8B-9C0D-E1F2A3B4C5D7}', name: 'มาลี ศรีสุข' };

/** excel-parts.xlsx: what Excel writes and LibreOffice cannot, on the plan as Excel-like writers save it. */
function excelParts(): void {
  const pkg = unzipSync(readFileSync(plan));
  // Plan sheet: fit to one page wide, A4 landscape, header and footer; a threaded comment with a reply and the
  // user's own note on O27, a budget cell that fix converts and the checker flags.
  const threads: Thread[] = [
    {
      cell: 'B10',
      at: { col: 1, row: 9 },
      comments: [
        { id: '{5B3F2A10-7C1D-4E2B-8A9F-0C1D2E3F4A5B}', person: somchai, date: '2023-01-10T09:15:00.00', text: 'โครงการนี้ได้รับอนุมัติแล้วหรือยัง' },
        { id: '{6C4A3B21-8D2E-4F3C-9B0A-1D2E3F4A5B6C}', person: malee, date: '2023-01-11T14:02:00.00', text: 'อนุมัติแล้ว ตามหนังสือลงวันที่ ๙ ม.ค. ๖๖' },
      ],
    },
  ];
  const notes: Note[] = [{ cell: 'O27', at: { col: 14, row: 26 }, author: 'มาลี ศรีสุข', text: 'รวมค่าจ้างเหมาจัดงานแล้ว' }];
  edit(pkg, PLAN_SHEET, after(/<worksheet [^>]*>/, '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>'));
  edit(pkg, PLAN_SHEET, (x) =>
    x.replace(
      /<pageSetup [^>]*\/>/,
      '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/><headerFooter><oddHeader>&amp;C&amp;"TH Sarabun New,Bold"&amp;16แผนปฏิบัติการ จังหวัดเชียงใหม่ ๒๕๖๖</oddHeader><oddFooter>&amp;Lพิมพ์ &amp;D&amp;Rหน้า &amp;P จาก &amp;N</oddFooter></headerFooter><legacyDrawing r:id="rId1"/>',
    ),
  );
  put(pkg, 'xl/comments1.xml', commentsPart(threads, notes));
  put(pkg, 'xl/drawings/vmlDrawing1.vml', notesVml([...threads.map((t) => t.at), ...notes.map((n) => n.at)]));
  put(pkg, 'xl/threadedComments/threadedComment1.xml', threadedCommentsPart(threads));
  put(pkg, 'xl/persons/person.xml', personsPart([somchai, malee]));
  const planRels = 'xl/worksheets/_rels/sheet2.xml.rels';
  relate(pkg, planRels, 'rId1', REL.vml, '../drawings/vmlDrawing1.vml');
  relate(pkg, planRels, 'rId2', REL.comments, '../comments1.xml');
  relate(pkg, planRels, 'rId3', REL.threaded, '../threadedComments/threadedComment1.xml');
  relate(pkg, 'xl/_rels/workbook.xml.rels', 'rId7', REL.person, 'persons/person.xml');
  override(pkg, '/xl/comments1.xml', TYPE.comments);
  override(pkg, '/xl/threadedComments/threadedComment1.xml', TYPE.threaded);
  override(pkg, '/xl/persons/person.xml', TYPE.person);

  // Summary sheet: protected with Excel's SHA-512 hash; "ภาพรวม" links to the plan sheet.
  edit(pkg, SUMMARY_SHEET, after(/<\/sheetData>/, protection('plancheck', Buffer.from('ตรวจแผน-salt-2566').subarray(0, 16), 1000)));
  edit(pkg, SUMMARY_SHEET, after(/<\/mergeCells>/, `<hyperlinks><hyperlink ref="B19" location="'แผนปฏิบัติการ'!A1" display="ภาพรวม"/></hyperlinks>`));

  // A hidden sheet of the people responsible, as a table (ListObject).
  const { sheet, table } = tableSheet([
    ['ชื่อ', 'ตำแหน่ง', 'หน่วยงาน'],
    ['สมชาย ใจดี', 'นักวิเคราะห์นโยบายและแผน', 'สำนักงานจังหวัดเชียงใหม่'],
    ['มาลี ศรีสุข', 'นักจัดการงานทั่วไป', 'สำนักงานจังหวัดเชียงใหม่'],
  ]);
  put(pkg, 'xl/worksheets/sheet3.xml', sheet);
  put(pkg, 'xl/tables/table1.xml', table(1, 'ผู้รับผิดชอบ'));
  relate(pkg, 'xl/worksheets/_rels/sheet3.xml.rels', 'rId1', REL.table, '../tables/table1.xml');
  relate(pkg, 'xl/_rels/workbook.xml.rels', 'rId6', REL.worksheet, 'worksheets/sheet3.xml');
  override(pkg, '/xl/worksheets/sheet3.xml', TYPE.worksheet);
  override(pkg, '/xl/tables/table1.xml', TYPE.table);

  // Names: print titles and a range scoped to the plan sheet, constants (one with a Thai name), a workbook range.
  edit(pkg, 'xl/workbook.xml', before('</sheets>', '<sheet name="ผู้รับผิดชอบ" sheetId="3" state="hidden" r:id="rId6"/>'));
  edit(
    pkg,
    'xl/workbook.xml',
    after(
      /<\/sheets>/,
      `<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="1">แผนปฏิบัติการ!$2:$3</definedName><definedName name="Budgets" localSheetId="1">แผนปฏิบัติการ!$O$10:$O$51</definedName><definedName name="VatRate">0.07</definedName><definedName name="อัตราภาษี">0.07</definedName><definedName name="ReportYear" comment="ปีงบประมาณ">"๒๕๖๖"</definedName><definedName name="AgencyBudgets">สรุปงบประมาณ!$C$4:$D$18</definedName></definedNames>`,
    ),
  );
  edit(pkg, 'docProps/app.xml', (x) =>
    x.replace('<vt:i4>2</vt:i4>', '<vt:i4>3</vt:i4>').replace('<vt:vector size="2" baseType="lpstr">', '<vt:vector size="3" baseType="lpstr">').replace('</vt:lpstr></vt:vector></TitlesOfParts>', '</vt:lpstr><vt:lpstr>ผู้รับผิดชอบ</vt:lpstr></vt:vector></TitlesOfParts>'),
  );

  // Custom document properties: a sensitivity label (MIP) and the office's own.
  const label = { id: '3c7e9a1b-4d2f-4e8a-b6c5-0f1e2d3c4b5a', siteId: '9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d', name: 'ใช้ภายในหน่วยงาน', date: '2023-01-10T09:00:00Z' };
  put(pkg, 'docProps/custom.xml', customPropertiesPart(label, { หน่วยงานเจ้าของ: 'สำนักงานจังหวัดเชียงใหม่', เลขที่หนังสือ: 'ชม ๐๐๑๗.๒/ว ๑๒๓' }));
  put(pkg, 'docMetadata/LabelInfo.xml', labelInfoPart(label));
  relate(pkg, '_rels/.rels', 'rId4', REL.custom, 'docProps/custom.xml');
  relate(pkg, '_rels/.rels', 'rId5', REL.labels, 'docMetadata/LabelInfo.xml');
  override(pkg, '/docProps/custom.xml', TYPE.custom);
  override(pkg, '/docMetadata/LabelInfo.xml', TYPE.labels);
  save(pkg, 'excel-parts.xlsx');
}

/** macro.xlsm: the plan as a macro-enabled workbook with its VBA project. */
function macroWorkbook(): void {
  const pkg = unzipSync(readFileSync(plan));
  put(pkg, 'xl/vbaProject.bin', vbaProjectBin());
  relate(pkg, 'xl/_rels/workbook.xml.rels', 'rId6', REL.vba, 'vbaProject.bin');
  edit(pkg, '[Content_Types].xml', (x) => x.replace(TYPE.workbook, TYPE.macroWorkbook).replace('</Types>', `<Default Extension="bin" ContentType="${TYPE.vba}"/></Types>`));
  edit(pkg, 'xl/workbook.xml', (x) => x.replace('<workbookPr ', '<workbookPr codeName="ThisWorkbook" '));
  edit(pkg, SUMMARY_SHEET, after(/<worksheet [^>]*>/, '<sheetPr codeName="Sheet1"/>'));
  edit(pkg, PLAN_SHEET, after(/<worksheet [^>]*>/, '<sheetPr codeName="Sheet2"/>'));
  save(pkg, 'macro.xlsm');
}

function libreOfficeFiles(): void {
  const work = mkdtempSync(join(tmpdir(), 'plancheck-fidelity-'));
  execFileSync('/usr/bin/python3', [join(__dirname, 'make-fidelity.py'), plan, join(root, 'assets', 'icon-64.png'), work], { stdio: 'inherit', timeout: 300_000 });
  for (const name of ['lo-print.xlsx', 'lo-objects.xlsx']) copyFileSync(join(work, name), join(out, name));
}

mkdirSync(out, { recursive: true });
if (!process.argv.includes('--no-libreoffice')) libreOfficeFiles();
excelParts();
macroWorkbook();

import type { Severity } from '../../domain';

/** How a plan sheet was read, as the pane says it in one line (from the report's sheet entry). */
export interface ReadingText {
  sheet: string;
  family: string;
  numbering: 'agency' | 'indicator' | 'goal' | 'plan' | null;
  numberSource: 'column' | 'name' | 'mixed' | null;
  itemisations: number;
  multiProjectCells: number;
  notUnderstood: number;
  unsure: boolean;
}

const FAMILY_TH: Record<string, string> = { quarterly: 'แบบรายไตรมาส', timeline: 'แบบระยะเวลา (ลูกศร)', features: 'แบบลักษณะสำคัญของงาน', list: 'แบบรายการ' };
const SCHEME_TH = { agency: 'นับต่อหน่วยงาน', indicator: 'นับต่อตัวชี้วัด', goal: 'นับต่อเป้าหมาย', plan: 'ต่อเนื่องทั้งแผน' } as const;
const SCHEME_EN = { agency: 'per agency', indicator: 'per indicator', goal: 'per goal', plan: 'continuously' } as const;

/** Everything the pane says, Thai first. */
export const th = {
  appTitle: 'ตรวจแผน',
  check: 'ตรวจ',
  checking: 'กำลังอ่านแผน…',
  analyzing: 'กำลังตรวจ…',
  applying: 'กำลังทำเครื่องหมาย…',
  readProgress: (pct: number) => `อ่านแล้ว ${pct}%`,
  marks: 'ทำเครื่องหมายในเซลล์',
  notes: 'ใส่คำอธิบายในเซลล์',
  notesUnavailable: 'Excel รุ่นนี้ใส่คำอธิบายในเซลล์ไม่ได้',
  clearMarks: 'ล้างเครื่องหมาย',
  live: 'ตรวจทุกครั้งที่แก้ไข',
  language: 'English',
  severity: { error: 'ผิดพลาด', warning: 'คำเตือน', info: 'ข้อสังเกต' } as Record<Severity, string>,
  counts: 'สรุปผลการตรวจ',
  projects: (n: number, budget: string) => `${n} โครงการ · งบประมาณรวม ${budget} บาท`,
  nothingYet: 'กด "ตรวจ" เพื่อตรวจแผนในสมุดงานนี้',
  noFindings: 'ไม่พบข้อผิดพลาด',
  noneMatch: 'ไม่มีรายการตามตัวกรองที่เลือก',
  filterSeverity: 'ระดับ',
  filterRule: 'ประเภทการตรวจ',
  filterSheet: 'ชีต',
  allSheets: 'ทุกชีต',
  sheet: (name: string, n: number) => `ชีต ${name} (${n})`,
  group: (goal: string | null, indicator: string | null) =>
    indicator ? `ตัวชี้วัดที่ ${indicator}` : goal ? `เป้าหมายที่ ${goal}` : 'ตารางสรุปและอื่น ๆ',
  expectedActual: (expected: string, actual: string) => `ควรเป็น ${expected} · ระบุ ${actual}`,
  groupOf: (n: number, cells: string) => `รวม ${n} แห่ง: ${cells}`,
  reading: (r: ReadingText) =>
    [
      `ชีต ${r.sheet}: ${FAMILY_TH[r.family] ?? r.family}`,
      r.numbering ? `ลำดับที่${SCHEME_TH[r.numbering]}${r.numberSource === 'name' ? ' (ในชื่อโครงการ)' : ''}` : 'ไม่มีลำดับที่',
      r.itemisations > 0 ? `แจกแจงงบใต้โครงการ ${r.itemisations}` : '',
      r.multiProjectCells > 0 ? `หลายโครงการในช่องเดียว ${r.multiProjectCells} แถว` : '',
      r.notUnderstood > 0 ? `อ่านไม่ออก ${r.notUnderstood} แถว` : '',
      r.unsure ? 'อ่านได้ไม่แน่ใจ' : '',
    ].filter((x) => x !== '').join(' · '),
  goTo: (cell: string) => `ไปที่เซลล์ ${cell}`,
  acknowledge: 'รับทราบ',
  acknowledged: 'รับทราบแล้ว',
  reason: 'เหตุผล',
  reasonPlaceholder: 'เช่น ตรวจสอบกับหน่วยงานแล้ว',
  save: 'บันทึก',
  cancel: 'ยกเลิก',
  undoAck: 'ยกเลิกการรับทราบ',
  ackBy: (reason: string, at: string) => `รับทราบ ${at}: ${reason}`,
  showAcked: (n: number) => `แสดงรายการที่รับทราบแล้ว (${n})`,
  error: 'เกิดข้อผิดพลาด',
  liveUpdated: (time: string) => `ตรวจใหม่หลังการแก้ไขเมื่อ ${time}`,
  fixAndSummarize: 'แก้ไขและสรุป',
  numbers: 'แปลงตัวเลข',
  totals: 'เติมผลรวม',
  summarize: 'สร้างสรุป',
  numbersPreview: (n: number) => `จะแปลงตัวเลขที่พิมพ์เป็นข้อความ ${n} ช่องให้เป็นตัวเลข (ยังแสดงเป็นเลขไทยเหมือนเดิม)`,
  totalsPreview: (n: number) => `จะเติมสูตรผลรวม ${n} ช่อง`,
  conflictsTitle: (n: number) => `ยอดที่ระบุไม่ตรงกับผลรวม ${n} ช่อง`,
  overwrite: (n: number) => `แทนที่ยอดที่ไม่ตรงทั้ง ${n} ช่องด้วยสูตร`,
  conflictLine: (cell: string, stated: string, computed: string) => `${cell}: ระบุ ${stated} แต่ผลรวมได้ ${computed}`,
  changeLine: (cell: string, before: string, after: string) => `${cell}: ${before} → ${after}`,
  more: (n: number) => `และอีก ${n} รายการ`,
  confirm: 'ยืนยัน',
  nothingToDo: 'ไม่มีอะไรต้องแก้',
  applied: (what: string) => `${what} เรียบร้อย`,
  sheetsAdded: (names: string) => `เพิ่มชีต ${names} แล้ว`,
  checkFirst: 'กด "ตรวจ" ก่อน',
  openFile: 'เปิดไฟล์ .xlsx',
  dropHere: 'หรือลากไฟล์ .xlsx มาวางที่นี่',
  fileIntro: 'ไม่ได้เปิดใน Excel: เปิดไฟล์แผน (.xlsx) เพื่อตรวจ แก้ไข และสรุป แล้วดาวน์โหลดสำเนา (ไฟล์ต้นฉบับไม่ถูกแก้ไข)',
  opening: (name: string) => `กำลังเปิด ${name}…`,
  openFailed: (name: string, why: string) => `เปิดไฟล์ ${name} ไม่ได้: ${why}`,
  notXlsx: 'ไม่ใช่ไฟล์ .xlsx ที่ถูกต้อง',
  download: 'ดาวน์โหลด',
  downloadHint: (name: string) => `บันทึกสำเนาที่ทำเครื่องหมาย/แก้ไขแล้วเป็น ${name}`,
  openAnother: 'เปิดไฟล์อื่น',
  preview: (sheet: string, cell: string) => `ชีต ${sheet} รอบเซลล์ ${cell}`,
};

export type Strings = typeof th;

export const en: Strings = {
  appTitle: 'PlanCheck',
  check: 'Check',
  checking: 'Reading the plan…',
  analyzing: 'Checking…',
  applying: 'Marking cells…',
  readProgress: (pct: number) => `${pct}% read`,
  marks: 'Mark cells',
  notes: 'Explain in cells',
  notesUnavailable: 'This Excel cannot add explanations to cells',
  clearMarks: 'Clear marks',
  live: 'Re-check on every edit',
  language: 'ไทย',
  severity: { error: 'Errors', warning: 'Warnings', info: 'Infos' },
  counts: 'Result',
  projects: (n: number, budget: string) => `${n} projects · total budget ${budget} baht`,
  nothingYet: 'Press "Check" to check the plan in this workbook',
  noFindings: 'No findings',
  noneMatch: 'No finding matches the filters',
  filterSeverity: 'Severity',
  filterRule: 'Rule',
  filterSheet: 'Sheet',
  allSheets: 'All sheets',
  sheet: (name: string, n: number) => `Sheet ${name} (${n})`,
  group: (goal: string | null, indicator: string | null) =>
    indicator ? `Indicator ${indicator}` : goal ? `Goal ${goal}` : 'Summary tables and other',
  expectedActual: (expected: string, actual: string) => `expected ${expected} · found ${actual}`,
  groupOf: (n: number, cells: string) => `${n} places: ${cells}`,
  reading: (r: ReadingText) =>
    [
      `Sheet ${r.sheet}: ${r.family}`,
      r.numbering ? `numbered ${SCHEME_EN[r.numbering]}${r.numberSource === 'name' ? ' (in the name)' : ''}` : 'not numbered',
      r.itemisations > 0 ? `${r.itemisations} budgets itemised below their project` : '',
      r.multiProjectCells > 0 ? `${r.multiProjectCells} rows listing several projects` : '',
      r.notUnderstood > 0 ? `${r.notUnderstood} rows not understood` : '',
      r.unsure ? 'read with doubt' : '',
    ].filter((x) => x !== '').join(' · '),
  goTo: (cell: string) => `Go to cell ${cell}`,
  acknowledge: 'Acknowledge',
  acknowledged: 'Acknowledged',
  reason: 'Reason',
  reasonPlaceholder: 'e.g. confirmed with the agency',
  save: 'Save',
  cancel: 'Cancel',
  undoAck: 'Withdraw',
  ackBy: (reason: string, at: string) => `Acknowledged ${at}: ${reason}`,
  showAcked: (n: number) => `Show acknowledged (${n})`,
  error: 'Something went wrong',
  liveUpdated: (time: string) => `Re-checked after an edit at ${time}`,
  fixAndSummarize: 'Fix and summarise',
  numbers: 'Convert numbers',
  totals: 'Fill totals',
  summarize: 'Add summaries',
  numbersPreview: (n: number) => `${n} number(s) typed as text will become numbers (still shown in Thai digits)`,
  totalsPreview: (n: number) => `${n} total(s) will become formulas`,
  conflictsTitle: (n: number) => `${n} stated figure(s) disagree with their sums`,
  overwrite: (n: number) => `Replace all ${n} disagreeing figure(s) with formulas`,
  conflictLine: (cell: string, stated: string, computed: string) => `${cell}: states ${stated} but adds up to ${computed}`,
  changeLine: (cell: string, before: string, after: string) => `${cell}: ${before} → ${after}`,
  more: (n: number) => `and ${n} more`,
  confirm: 'Confirm',
  nothingToDo: 'Nothing to fix',
  applied: (what: string) => `${what}: done`,
  sheetsAdded: (names: string) => `Added sheets ${names}`,
  checkFirst: 'Press "Check" first',
  openFile: 'Open an .xlsx file',
  dropHere: 'or drop an .xlsx file here',
  fileIntro: 'Not running in Excel: open a plan (.xlsx) to check, fix and summarise it, then download a copy (the original file is not changed)',
  opening: (name: string) => `Opening ${name}…`,
  openFailed: (name: string, why: string) => `Cannot open ${name}: ${why}`,
  notXlsx: 'not a valid .xlsx file',
  download: 'Download',
  downloadHint: (name: string) => `Save the marked / fixed copy as ${name}`,
  openAnother: 'Open another file',
  preview: (sheet: string, cell: string) => `Sheet ${sheet} around cell ${cell}`,
};

export type Lang = 'th' | 'en';
export const STRINGS: Record<Lang, Strings> = { th, en };

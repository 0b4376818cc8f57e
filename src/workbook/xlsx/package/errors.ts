import type { ReadLimits } from './limits';

/** What a file turned out to be, when it is not a workbook we can read. */
export type ReadErrorKind =
  | 'empty'
  | 'encrypted'
  | 'xls'
  | 'ole'
  | 'ods'
  | 'xlsb'
  | 'not-workbook'
  | 'csv'
  | 'text'
  | 'markup'
  | 'unknown'
  | 'truncated'
  | 'corrupt'
  | 'unsupported'
  | 'too-large';

export interface Localized {
  th: string;
  en: string;
}

/** Which limit a too-large file broke, with the figures to show. */
export interface LimitBreach {
  limit: keyof ReadLimits;
  /** The file's figure, when the reader got that far (a count stops at the limit). */
  actual?: number;
  allowed: number;
  sheet?: string;
}

const NOT_XLSX: Localized = { th: 'ไม่ใช่ไฟล์ .xlsx ที่ถูกต้อง', en: 'not a valid .xlsx file' };
const SAVE_AS: Localized = { th: 'เปิดใน Excel แล้วบันทึกเป็น .xlsx (ไฟล์ > บันทึกเป็น > เวิร์กบุ๊ก Excel)', en: 'open it in Excel and save it as .xlsx (File > Save As > Excel Workbook)' };

/** "Not a valid .xlsx file: <what it is>; <what to do>" in both languages. */
const notXlsx = (th: string, en: string, todo: Localized | null = SAVE_AS): Localized => ({
  th: `${NOT_XLSX.th}: ${th}${todo ? ` — ${todo.th}` : ''}`,
  en: `${NOT_XLSX.en}: ${en}${todo ? ` — ${todo.en}` : ''}`,
});

const MESSAGES: Record<Exclude<ReadErrorKind, 'corrupt' | 'unsupported' | 'too-large'>, Localized> = {
  empty: notXlsx('ไฟล์ว่างเปล่า (0 ไบต์)', 'the file is empty (0 bytes)', {
    th: 'คัดลอกหรือดาวน์โหลดไฟล์ใหม่',
    en: 'copy or download it again',
  }),
  encrypted: {
    th: 'ไฟล์นี้ตั้งรหัสผ่านไว้ จึงอ่านไม่ได้ — เปิดใน Excel เอารหัสผ่านออก (ไฟล์ > ข้อมูล > ป้องกันเวิร์กบุ๊ก > เข้ารหัสด้วยรหัสผ่าน แล้วลบรหัสผ่าน) แล้วบันทึกอีกครั้ง',
    en: 'the file is password-protected, so it cannot be read — open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password, clear it) and save it again',
  },
  xls: notXlsx('เป็นไฟล์ Excel รุ่นเก่า (.xls)', 'it is an old Excel file (.xls)'),
  ole: notXlsx('เป็นไฟล์ Office รุ่นเก่าที่ไม่ใช่เวิร์กบุ๊ก Excel (เช่น .doc)', 'it is an old-format Office file that is not an Excel workbook (e.g. a .doc)', null),
  ods: notXlsx('เป็นไฟล์ OpenDocument (.ods)', 'it is an OpenDocument spreadsheet (.ods)', {
    th: 'เปิดใน LibreOffice Calc หรือ Excel แล้วบันทึกเป็น .xlsx',
    en: 'open it in LibreOffice Calc or Excel and save it as .xlsx',
  }),
  xlsb: notXlsx('เป็นเวิร์กบุ๊กแบบไบนารี (.xlsb)', 'it is a binary workbook (.xlsb)'),
  'not-workbook': notXlsx('เป็นไฟล์ zip แต่ไม่มีเวิร์กบุ๊ก Excel อยู่ข้างใน', 'it is a zip file with no Excel workbook inside', null),
  csv: notXlsx('เป็นไฟล์ข้อความ CSV ไม่ใช่เวิร์กบุ๊ก Excel', 'it is a CSV text file, not an Excel workbook'),
  text: notXlsx('เป็นไฟล์ข้อความธรรมดา ไม่ใช่เวิร์กบุ๊ก Excel', 'it is a plain text file, not an Excel workbook', null),
  markup: notXlsx('เป็นไฟล์ HTML หรือ XML (เช่น หน้าเว็บที่ส่งออกมาในชื่อ Excel)', 'it is an HTML or XML file (e.g. a web page exported under an Excel name)'),
  unknown: notXlsx('ไม่ใช่เวิร์กบุ๊ก Excel', 'it is not an Excel workbook', null),
  truncated: notXlsx('ไฟล์ไม่สมบูรณ์ (ขาดส่วนท้าย อาจดาวน์โหลดหรือคัดลอกไม่ครบ)', 'the file is incomplete (its end is missing: an unfinished download or copy?)', {
    th: 'คัดลอกหรือดาวน์โหลดไฟล์ใหม่',
    en: 'copy or download it again',
  }),
};

const LIMIT_WHAT: Record<keyof ReadLimits, (sheet?: string) => Localized> = {
  inflatedBytes: () => ({ th: 'ขนาดข้อมูลเมื่อคลายการบีบอัด', en: 'the inflated size of its parts' }),
  cellsPerSheet: (sheet) => ({ th: `จำนวนช่องในชีต "${sheet ?? ''}"`, en: `the cells of sheet "${sheet ?? ''}"` }),
  cellsPerWorkbook: () => ({ th: 'จำนวนช่องทั้งเวิร์กบุ๊ก', en: 'the cells of the whole workbook' }),
  sharedStrings: () => ({ th: 'จำนวนข้อความในตารางข้อความที่ใช้ร่วมกัน', en: 'the entries of its shared strings table' }),
  sheets: () => ({ th: 'จำนวนชีต', en: 'the number of sheets' }),
  textRun: () => ({ th: 'ความยาวข้อความระหว่างแท็กในไฟล์', en: 'a run of text between two XML tags' }),
};

const figure = (limit: keyof ReadLimits, n: number): string =>
  limit === 'inflatedBytes' ? `${Math.ceil(n / (1024 * 1024)).toLocaleString('en-US')} MB` : n.toLocaleString('en-US');

function tooLarge(b: LimitBreach): Localized {
  const what = LIMIT_WHAT[b.limit](b.sheet);
  const allowed = figure(b.limit, b.allowed);
  const known = b.actual !== undefined && b.actual > b.allowed ? figure(b.limit, b.actual) : null;
  return {
    th: `ไฟล์ใหญ่เกินกว่าที่ตรวจได้: ${what.th} ${known ?? `มากกว่า ${allowed}`} เกินขีดจำกัด ${allowed} — แยกเป็นหลายไฟล์ หรือลบชีตและแถวที่ไม่ใช้`,
    en: `the workbook is larger than PlanCheck reads: ${what.en} is ${known ?? `more than ${allowed}`}, the limit is ${allowed} — split it, or delete unused sheets and rows`,
  };
}

/**
 * Why a file could not be read, in Thai and English, for the CLI and the pane. `message` is the English text
 * (for logs); show `text[lang]` to people.
 */
export class WorkbookReadError extends Error {
  readonly kind: ReadErrorKind;
  readonly text: Localized;
  readonly breach?: LimitBreach;

  private constructor(kind: ReadErrorKind, text: Localized, breach?: LimitBreach) {
    super(text.en);
    this.name = 'WorkbookReadError';
    this.kind = kind;
    this.text = text;
    if (breach) this.breach = breach;
  }

  static of(kind: Exclude<ReadErrorKind, 'corrupt' | 'unsupported' | 'too-large'>): WorkbookReadError {
    return new WorkbookReadError(kind, MESSAGES[kind]);
  }

  /** A damaged package; `where` names the part or structure (English, technical, shown in both texts). */
  static corrupt(where: string): WorkbookReadError {
    return new WorkbookReadError(
      'corrupt',
      notXlsx(`ไฟล์เสียหาย (${where})`, `the file is damaged (${where})`, {
        th: 'ลองเปิดใน Excel ซึ่งอาจซ่อมไฟล์ได้ แล้วบันทึกอีกครั้ง',
        en: 'try opening it in Excel, which may repair it, and save it again',
      }),
    );
  }

  /** A zip feature this reader does not implement (an unusual compression method, zip encryption). */
  static unsupported(what: string): WorkbookReadError {
    return new WorkbookReadError('unsupported', notXlsx(`ใช้รูปแบบ zip ที่อ่านไม่ได้ (${what})`, `it uses a zip feature PlanCheck cannot read (${what})`));
  }

  static tooLarge(breach: LimitBreach): WorkbookReadError {
    return new WorkbookReadError('too-large', tooLarge(breach), breach);
  }
}

export function isWorkbookReadError(e: unknown): e is WorkbookReadError {
  return e instanceof WorkbookReadError;
}

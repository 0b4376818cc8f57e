import type { Family } from '../domain';
import type { ArgError } from './args';

/** What the command line says to people, Thai and English: one language at a time, never mixed. */
export type Lang = 'th' | 'en';

/** Why a file could not be read or written; `code` is the system's error code for the ones we do not name. */
export type Why =
  | 'missing-file'
  | 'missing-dir'
  | 'not-dir'
  | 'is-dir'
  | 'denied'
  | 'denied-write'
  | 'read-only-fs'
  | 'disk-full'
  | 'quota'
  | 'busy'
  | 'too-many-open'
  | 'name-too-long'
  | 'link-loop'
  | 'cross-device'
  | 'device-error'
  | 'too-big'
  | 'not-xlsx'
  | 'internal';

const FAMILY_TH: Record<Family, string> = {
  quarterly: 'แบบรายไตรมาส',
  timeline: 'แบบระยะเวลาดำเนินการ',
  features: 'แบบมีลักษณะสำคัญของโครงการ',
  list: 'แบบรายการโครงการ',
  'summary-agency': 'ตารางสรุปตามหน่วยงาน',
  'summary-indicator': 'ตารางสรุปตามตัวชี้วัด',
  unrecognized: 'ไม่รู้จักรูปแบบ',
};

const FAMILY_EN: Record<Family, string> = {
  quarterly: 'quarterly',
  timeline: 'timeline',
  features: 'with key features',
  list: 'project list',
  'summary-agency': 'summary by agency',
  'summary-indicator': 'summary by indicator',
  unrecognized: 'layout not recognised',
};

const USAGE_TH = `การใช้งาน:
  plancheck check <ไฟล์.xlsx|โฟลเดอร์|รูปแบบ>... [--summary] [--format text|json] [--lang th|en]
  plancheck fix <ไฟล์.xlsx> -o <ไฟล์ใหม่.xlsx> [--numbers] [--totals] [--overwrite-conflicts] [--keep-formulas] [--force] [--lang th|en]
  plancheck summarize <ไฟล์.xlsx> -o <ไฟล์ใหม่.xlsx> [--force] [--lang th|en]
  plancheck summarize --combine <ไฟล์.xlsx|โฟลเดอร์|รูปแบบ>... -o <ไฟล์ใหม่.xlsx> [--force] [--lang th|en]
  plancheck rules [--lang th|en]

check      ตรวจแผน: ผลรวมรายไตรมาส ยอดรวม ตารางสรุป ลำดับที่ และตัวชี้วัด
           โฟลเดอร์ = ไฟล์ .xlsx และ .xlsm ในโฟลเดอร์นั้น (ไม่รวมโฟลเดอร์ย่อย ไฟล์ล็อก ~$ และสำเนา .ตรวจแล้ว)
           รูปแบบ: * แทนตัวอักษรใด ๆ ในชื่อ, ? แทนหนึ่งตัวอักษร, ** แทนโฟลเดอร์ย่อยทุกชั้น (เช่น "แผน/**/*.xlsx")
           --summary แสดงบรรทัดเดียวต่อไฟล์ (จำนวนผิดพลาด คำเตือน ข้อสังเกต หรือเหตุที่อ่านไม่ได้) และบรรทัดรวม
           --format json พิมพ์รายงานตามโครงสร้างข้อมูล (หลายไฟล์เป็นอาร์เรย์ พิมพ์ทีละไฟล์เมื่อตรวจเสร็จ)
fix        --numbers แปลงตัวเลขที่พิมพ์เป็นข้อความให้เป็นตัวเลข (ยังแสดงเลขไทย)
           --totals  เติมผลรวมเป็นสูตร (ยอดที่ไม่ตรงจะแสดงก่อน และไม่เขียนทับ เว้นแต่ใส่ --overwrite-conflicts)
                     สูตรเดิมที่รวมช่องถูกต้องคงไว้ สูตรที่อ่านช่องผิดจะแทนด้วยสูตรที่ถูก เว้นแต่ใส่ --keep-formulas
summarize  เพิ่มชีตสรุปตามหน่วยงาน ตามตัวชี้วัด รายไตรมาส และผลการตรวจ
           --combine รวมสรุปของหลายไฟล์ (เช่น ทุกหน่วยงานในจังหวัด) เป็นไฟล์ใหม่ไฟล์เดียว พร้อมชีตผลการตรวจที่ระบุไฟล์ต้นทาง
rules      รายการกฎการตรวจทั้งหมด พร้อมระดับความรุนแรง
--catalog  เพิ่มโครงสร้างตัวชี้วัดของช่วงแผนอื่น (ไฟล์ .json) ใช้กับ check, fix และ summarize ได้
-o         ไฟล์ผลลัพธ์ (ไม่มีวันเขียนทับไฟล์ต้นฉบับ) ถ้ามีไฟล์ชื่อนี้อยู่แล้ว ต้องใส่ --force จึงจะแทนที่
--force    แทนที่ไฟล์ผลลัพธ์ที่มีอยู่แล้ว (ไฟล์เดิมคงอยู่ครบจนกว่าไฟล์ใหม่จะเขียนเสร็จ)
--lang     ภาษาของข้อความ: th (ค่าเริ่มต้น) หรือ en
ผลลัพธ์: 0 = สำเร็จ/ไม่มีข้อผิดพลาด, 1 = มีข้อผิดพลาด, 2 = อ่านหรือเขียนไฟล์ไม่ได้ หรือคำสั่งไม่ถูกต้อง`;

const USAGE_EN = `Usage:
  plancheck check <file.xlsx|folder|pattern>... [--summary] [--format text|json] [--lang th|en]
  plancheck fix <file.xlsx> -o <new.xlsx> [--numbers] [--totals] [--overwrite-conflicts] [--keep-formulas] [--force] [--lang th|en]
  plancheck summarize <file.xlsx> -o <new.xlsx> [--force] [--lang th|en]
  plancheck summarize --combine <file.xlsx|folder|pattern>... -o <new.xlsx> [--force] [--lang th|en]
  plancheck rules [--lang th|en]

check      checks quarterly sums, totals, summary tables, numbering and indicators
           a folder = its .xlsx and .xlsm files (not its sub-folders, ~$ lock files, or copies the browser mode downloaded beside their workbook)
           patterns: * any characters in a name, ? one character, ** any sub-folders (e.g. "plans/**/*.xlsx")
           --summary prints one line per file (errors, warnings, infos, or why it cannot be read) and a total
           --format json prints the report schema (an array for several files, each printed as it is checked)
fix        --numbers turns numbers typed as text into numbers (still shown in Thai digits)
           --totals  fills totals with live formulas (disagreeing figures are listed first and kept,
                     unless --overwrite-conflicts); a formula that already totals the right cells is kept,
                     one that reads other cells is rewritten unless --keep-formulas
summarize  adds sheets: per agency, per goal/indicator, per quarter, and the findings
           --combine: one new workbook summarising several (e.g. every agency of a province), findings with their file
rules      lists every rule with its severity
--catalog  adds another plan period's indicator structure (a .json file); for check, fix and summarize
-o         the output file (never the input); an existing file is replaced only with --force
--force    replace an existing output (the old file stays whole until the new one is completely written)
--lang     the language of messages: th (default) or en
Exit code: 0 = done / no errors, 1 = errors found, 2 = a file could not be read or written, or bad usage`;

const th = {
  header: (version: string, file: string) => `ตรวจแผน · PlanCheck ${version} — ${file}`,
  sheet: (name: string, family: string, projects: number) => `ชีต "${name}" (${FAMILY_TH[family as Family] ?? family}, ${projects} โครงการ)`,
  severity: { error: '✖ ผิดพลาด', warning: '⚠ คำเตือน', info: 'ℹ ข้อสังเกต' },
  none: '  ไม่พบข้อผิดพลาด',
  totals: (e: number, w: number, i: number, p: number, b: string) =>
    `สรุป: ผิดพลาด ${e} · คำเตือน ${w} · ข้อสังเกต ${i} · ${p} โครงการ · งบประมาณรวม ${b} บาท`,
  unreadable: (file: string, why: string) => `อ่านไฟล์ "${file}" ไม่ได้: ${why}`,
  unwritable: (file: string, why: string, kept = true) =>
    `เขียนไฟล์ "${file}" ไม่ได้: ${why}${kept ? ' (ไฟล์เดิมที่ชื่อนี้ ถ้ามี ยังอยู่ครบ)' : ''}`,
  why: {
    'missing-file': 'ไม่พบไฟล์',
    'missing-dir': 'ไม่พบโฟลเดอร์ปลายทาง',
    'not-dir': 'ส่วนหนึ่งของเส้นทางเป็นไฟล์ ไม่ใช่โฟลเดอร์',
    'is-dir': 'เป็นโฟลเดอร์ ไม่ใช่ไฟล์',
    denied: 'ไม่มีสิทธิ์เข้าถึง',
    'denied-write': 'ไม่มีสิทธิ์เขียนในโฟลเดอร์นี้ หรือไฟล์เปิดอยู่ในโปรแกรมอื่น',
    'read-only-fs': 'ที่เก็บไฟล์นี้อ่านได้อย่างเดียว',
    'disk-full': 'พื้นที่ดิสก์เต็ม',
    quota: 'ใช้พื้นที่ดิสก์เกินโควตา',
    busy: 'ไฟล์กำลังถูกใช้งานโดยโปรแกรมอื่น',
    'too-many-open': 'เปิดไฟล์พร้อมกันมากเกินไป',
    'name-too-long': 'ชื่อไฟล์หรือเส้นทางยาวเกินไป',
    'link-loop': 'ลิงก์สัญลักษณ์ชี้วนกันเอง',
    'cross-device': 'ย้ายไฟล์ข้ามอุปกรณ์ไม่ได้',
    'device-error': 'อุปกรณ์จัดเก็บอ่านหรือเขียนผิดพลาด',
    'too-big': 'ไฟล์ใหญ่เกินกว่าที่ระบบไฟล์รองรับ',
    'not-xlsx': 'ไม่ใช่ไฟล์ .xlsx ที่ถูกต้อง',
    internal: 'เกิดข้อผิดพลาดภายในโปรแกรม (ตั้งค่า PLANCHECK_DEBUG=1 เพื่อดูรายละเอียด)',
  } satisfies Record<Why, string>,
  systemError: (code: string) => `ระบบไฟล์แจ้งข้อผิดพลาด ${code}`,
  usage: USAGE_TH,
  badArgs: (why: string) => `คำสั่งไม่ถูกต้อง: ${why}`,
  argError: (e: ArgError): string => {
    switch (e.kind) {
      case 'format': return `ค่าของ --format ต้องเป็น text|json (ได้รับ ${e.got === undefined ? 'ค่าว่าง' : `"${e.got}"`})`;
      case 'lang': return `ค่าของ --lang ต้องเป็น th|en (ได้รับ ${e.got === undefined ? 'ค่าว่าง' : `"${e.got}"`})`;
      case 'needs-output': return '-o ต้องตามด้วยชื่อไฟล์';
      case 'needs-catalog': return '--catalog ต้องตามด้วยไฟล์โครงสร้างตัวชี้วัด (.json)';
      case 'unknown-option': return `ไม่รู้จักตัวเลือก ${e.option}`;
      case 'unknown-command': return `ไม่รู้จักคำสั่ง "${e.command}"`;
      case 'no-file': return 'ยังไม่ได้ระบุไฟล์';
    }
  },
  noOutput: 'ต้องระบุไฟล์ผลลัพธ์ด้วย -o <ไฟล์ใหม่.xlsx>',
  sameFile: 'ไฟล์ผลลัพธ์ต้องไม่ใช่ไฟล์ต้นฉบับ (จะไม่เขียนทับไฟล์ต้นฉบับ)',
  exists: (file: string) => `มีไฟล์ "${file}" อยู่แล้ว ใส่ --force ถ้าต้องการแทนที่`,
  oneFile: 'ระบุไฟล์ต้นฉบับได้ไฟล์เดียว',
  cannotBuild: (why: string) => `สร้างไฟล์ผลลัพธ์ไม่ได้: ${why}`,
  numbers: (n: number) => `แปลงตัวเลขที่เป็นข้อความ ${n} ช่อง`,
  formulas: (n: number) => `เติมสูตรผลรวม ${n} ช่อง`,
  conflicts: (n: number, kept: boolean) =>
    `ยอดที่ระบุไม่ตรงกับผลรวม ${n} ช่อง${kept ? ' (คงค่าเดิมไว้ ใช้ --overwrite-conflicts เพื่อแทนด้วยสูตร)' : ' (แทนด้วยสูตรแล้ว)'}`,
  conflict: (where: string, stated: string, computed: string) => `  ${where}: ระบุ ${stated} แต่ผลรวมได้ ${computed}`,
  wrongFormulas: (n: number, kept: boolean) =>
    `สูตรที่อ่านช่องไม่ตรงกับที่ควรรวม ${n} ช่อง${kept ? ' (คงสูตรเดิมไว้ตาม --keep-formulas)' : ' (แทนด้วยสูตรที่ถูกต้อง ใช้ --keep-formulas เพื่อคงสูตรเดิม)'}`,
  wrongFormula: (where: string, current: string, missing: string, extra: string) => `  ${where}: ${current} ขาด ${missing} · เกิน ${extra}`,
  change: (where: string, before: string, after: string) => `  ${where}: ${before} → ${after}`,
  sheets: (names: string[]) => `เพิ่มชีต: ${names.join(', ')}`,
  wrote: (file: string) => `เขียนไฟล์ ${file}`,
  nothing: 'ไม่มีอะไรต้องแก้',
  badCatalog: (file: string, why: string) => `ใช้ไฟล์โครงสร้างตัวชี้วัด "${file}" ไม่ได้: ${why}`,
  catalogInvalid: 'ไม่ใช่ไฟล์ JSON ตามโครงสร้างตัวชี้วัด (period, goals, indicators …)',
  severityName: { error: 'ผิดพลาด', warning: 'คำเตือน', info: 'ข้อสังเกต' } as Record<string, string>,
  progress: (done: number, total: number, bar: string, file: string) => `กำลังตรวจ ${done + 1}/${total} ${bar} ${file}`,
  summaryLine: (file: string, e: number, w: number, i: number) => `${file}  ผิดพลาด ${e} · คำเตือน ${w} · ข้อสังเกต ${i}`,
  summaryUnreadable: (file: string, why: string) => `${file}  อ่านไม่ได้: ${why}`,
  summaryTotal: (files: number, e: number, w: number, i: number, unreadable: number) =>
    `รวม ${files} ไฟล์  ผิดพลาด ${e} · คำเตือน ${w} · ข้อสังเกต ${i}${unreadable > 0 ? ` · อ่านไม่ได้ ${unreadable} ไฟล์` : ''}`,
  emptyFolder: (dir: string) => `ไม่มีไฟล์ .xlsx หรือ .xlsm ในโฟลเดอร์ "${dir}"`,
  noMatch: (pattern: string) => `ไม่มีไฟล์ที่ตรงกับ "${pattern}"`,
  cannotList: (dir: string, why: string) => `เปิดโฟลเดอร์ "${dir}" ไม่ได้: ${why}`,
  outOfMemory: 'หน่วยความจำไม่พอสำหรับวิเคราะห์ไฟล์นี้พร้อมไฟล์อื่น (ลองตั้งค่า PLANCHECK_WORKERS=0 เพื่อวิเคราะห์ทีละไฟล์)',
};

export type Strings = typeof th;

const en: Strings = {
  header: (version: string, file: string) => `PlanCheck ${version} — ${file}`,
  sheet: (name: string, family: string, projects: number) => `Sheet "${name}" (${FAMILY_EN[family as Family] ?? family}, ${projects} projects)`,
  severity: { error: '✖ error', warning: '⚠ warning', info: 'ℹ info' },
  none: '  No findings',
  totals: (e: number, w: number, i: number, p: number, b: string) =>
    `Summary: ${e} errors · ${w} warnings · ${i} infos · ${p} projects · total budget ${b} baht`,
  unreadable: (file: string, why: string) => `Cannot read "${file}": ${why}`,
  unwritable: (file: string, why: string, kept = true) =>
    `Cannot write "${file}": ${why}${kept ? ' (any earlier file of that name is untouched)' : ''}`,
  why: {
    'missing-file': 'file not found',
    'missing-dir': 'the folder does not exist',
    'not-dir': 'part of the path is a file, not a folder',
    'is-dir': 'it is a folder, not a file',
    denied: 'permission denied',
    'denied-write': 'no permission to write in this folder, or the file is open in another program',
    'read-only-fs': 'this storage is read-only',
    'disk-full': 'the disk is full',
    quota: 'the disk quota is exceeded',
    busy: 'the file is in use by another program',
    'too-many-open': 'too many files are open',
    'name-too-long': 'the file name or path is too long',
    'link-loop': 'symbolic links point at each other in a loop',
    'cross-device': 'a file cannot be moved across devices',
    'device-error': 'the storage device failed to read or write',
    'too-big': 'the file is larger than the file system allows',
    'not-xlsx': 'not a valid .xlsx file',
    internal: 'an internal error (set PLANCHECK_DEBUG=1 to see the details)',
  } satisfies Record<Why, string>,
  systemError: (code: string) => `the file system reported ${code}`,
  usage: USAGE_EN,
  badArgs: (why: string) => `Invalid arguments: ${why}`,
  argError: (e: ArgError): string => {
    switch (e.kind) {
      case 'format': return `--format must be text|json (got ${e.got === undefined ? 'nothing' : `"${e.got}"`})`;
      case 'lang': return `--lang must be th|en (got ${e.got === undefined ? 'nothing' : `"${e.got}"`})`;
      case 'needs-output': return '-o needs a file name';
      case 'needs-catalog': return '--catalog needs an indicator-structure file (.json)';
      case 'unknown-option': return `unknown option ${e.option}`;
      case 'unknown-command': return `unknown command "${e.command}"`;
      case 'no-file': return 'no file given';
    }
  },
  noOutput: 'an output file is required: -o <new.xlsx>',
  sameFile: 'the output must not be the input file (the input is never overwritten)',
  exists: (file: string) => `"${file}" already exists; add --force to replace it`,
  oneFile: 'give one input file',
  cannotBuild: (why: string) => `Cannot build the output: ${why}`,
  numbers: (n: number) => `${n} number(s) typed as text converted`,
  formulas: (n: number) => `${n} total(s) filled with formulas`,
  conflicts: (n: number, kept: boolean) =>
    `${n} stated figure(s) disagree with their sums${kept ? ' (kept; use --overwrite-conflicts to replace them with formulas)' : ' (replaced with formulas)'}`,
  conflict: (where: string, stated: string, computed: string) => `  ${where}: states ${stated} but adds up to ${computed}`,
  wrongFormulas: (n: number, kept: boolean) =>
    `${n} formula(s) read other cells than they should${kept ? ' (kept, as --keep-formulas asks)' : ' (replaced with the right formula; use --keep-formulas to keep them)'}`,
  wrongFormula: (where: string, current: string, missing: string, extra: string) => `  ${where}: ${current} missing ${missing}; extra ${extra}`,
  change: (where: string, before: string, after: string) => `  ${where}: ${before} → ${after}`,
  sheets: (names: string[]) => `Sheets added: ${names.join(', ')}`,
  wrote: (file: string) => `Wrote ${file}`,
  nothing: 'Nothing to fix',
  badCatalog: (file: string, why: string) => `Cannot use the indicator-structure file "${file}": ${why}`,
  catalogInvalid: 'not a JSON file of the indicator structure (period, goals, indicators …)',
  severityName: { error: 'error', warning: 'warning', info: 'info' } as Record<string, string>,
  progress: (done: number, total: number, bar: string, file: string) => `Checking ${done + 1}/${total} ${bar} ${file}`,
  summaryLine: (file: string, e: number, w: number, i: number) => `${file}  ${e} errors · ${w} warnings · ${i} infos`,
  summaryUnreadable: (file: string, why: string) => `${file}  cannot be read: ${why}`,
  summaryTotal: (files: number, e: number, w: number, i: number, unreadable: number) =>
    `Total ${files} file${files === 1 ? '' : 's'}  ${e} errors · ${w} warnings · ${i} infos${unreadable > 0 ? ` · ${unreadable} unreadable` : ''}`,
  emptyFolder: (dir: string) => `no .xlsx or .xlsm file in the folder "${dir}"`,
  noMatch: (pattern: string) => `no file matches "${pattern}"`,
  cannotList: (dir: string, why: string) => `cannot list the folder "${dir}": ${why}`,
  outOfMemory: 'not enough memory to analyse this file alongside others (set PLANCHECK_WORKERS=0 to analyse one file at a time)',
};

export const T: Record<Lang, Strings> = { th, en };

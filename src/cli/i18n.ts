/** What the command line says to people, Thai and English. */
export type Lang = 'th' | 'en';

export const T = {
  th: {
    sheet: (name: string, family: string, projects: number) => `ชีต "${name}" (${family}, ${projects} โครงการ)`,
    severity: { error: '✖ ผิดพลาด', warning: '⚠ คำเตือน', info: 'ℹ ข้อสังเกต' },
    none: '  ไม่พบข้อผิดพลาด',
    totals: (e: number, w: number, i: number, p: number, b: string) =>
      `สรุป: ผิดพลาด ${e} · คำเตือน ${w} · ข้อสังเกต ${i} · ${p} โครงการ · งบประมาณรวม ${b} บาท`,
    unreadable: (file: string, why: string) => `อ่านไฟล์ "${file}" ไม่ได้: ${why}`,
    notXlsx: 'ไม่ใช่ไฟล์ .xlsx ที่ถูกต้อง',
    missing: 'ไม่พบไฟล์',
    usage: `การใช้งาน:
  plancheck check <ไฟล์.xlsx>... [--format text|json] [--lang th|en]
  plancheck fix <ไฟล์.xlsx> -o <ไฟล์ใหม่.xlsx> [--numbers] [--totals] [--overwrite-conflicts]
  plancheck summarize <ไฟล์.xlsx> -o <ไฟล์ใหม่.xlsx>

check      ตรวจแผน: ผลรวมรายไตรมาส ยอดรวม ตารางสรุป ลำดับที่ และตัวชี้วัด
fix        --numbers แปลงตัวเลขที่พิมพ์เป็นข้อความให้เป็นตัวเลข (ยังแสดงเลขไทย)
           --totals  เติมผลรวมเป็นสูตร (ยอดที่ไม่ตรงจะแสดงก่อน และไม่เขียนทับ เว้นแต่ใส่ --overwrite-conflicts)
summarize  เพิ่มชีตสรุปตามหน่วยงาน ตามตัวชี้วัด รายไตรมาส และผลการตรวจ
ไม่เขียนทับไฟล์ต้นฉบับ ผลลัพธ์: 0 = สำเร็จ/ไม่มีข้อผิดพลาด, 1 = มีข้อผิดพลาด, 2 = อ่านไฟล์ไม่ได้หรือคำสั่งไม่ถูกต้อง`,
    badArgs: (why: string) => `คำสั่งไม่ถูกต้อง: ${why}`,
    noOutput: 'ต้องระบุไฟล์ผลลัพธ์ด้วย -o <ไฟล์ใหม่.xlsx>',
    sameFile: 'ไฟล์ผลลัพธ์ต้องไม่ใช่ไฟล์ต้นฉบับ (จะไม่เขียนทับไฟล์ต้นฉบับ)',
    oneFile: 'ระบุไฟล์ต้นฉบับได้ไฟล์เดียว',
    numbers: (n: number) => `แปลงตัวเลขที่เป็นข้อความ ${n} ช่อง`,
    formulas: (n: number) => `เติมสูตรผลรวม ${n} ช่อง`,
    conflicts: (n: number, kept: boolean) =>
      `ยอดที่ระบุไม่ตรงกับผลรวม ${n} ช่อง${kept ? ' (คงค่าเดิมไว้ ใช้ --overwrite-conflicts เพื่อแทนด้วยสูตร)' : ' (แทนด้วยสูตรแล้ว)'}`,
    conflict: (where: string, stated: string, computed: string) => `  ${where}: ระบุ ${stated} แต่ผลรวมได้ ${computed}`,
    change: (where: string, before: string, after: string) => `  ${where}: ${before} → ${after}`,
    sheets: (names: string[]) => `เพิ่มชีต: ${names.join(', ')}`,
    wrote: (file: string) => `เขียนไฟล์ ${file}`,
    nothing: 'ไม่มีอะไรต้องแก้',
  },
  en: {
    sheet: (name: string, family: string, projects: number) => `Sheet "${name}" (${family}, ${projects} projects)`,
    severity: { error: '✖ error', warning: '⚠ warning', info: 'ℹ info' },
    none: '  No findings',
    totals: (e: number, w: number, i: number, p: number, b: string) =>
      `Summary: ${e} errors · ${w} warnings · ${i} infos · ${p} projects · total budget ${b} baht`,
    unreadable: (file: string, why: string) => `Cannot read "${file}": ${why}`,
    notXlsx: 'not a valid .xlsx file',
    missing: 'file not found',
    usage: `Usage:
  plancheck check <file.xlsx>... [--format text|json] [--lang th|en]
  plancheck fix <file.xlsx> -o <new.xlsx> [--numbers] [--totals] [--overwrite-conflicts]
  plancheck summarize <file.xlsx> -o <new.xlsx>

check      checks quarterly sums, totals, summary tables, numbering and indicators
fix        --numbers turns numbers typed as text into numbers (still shown in Thai digits)
           --totals  fills totals with live formulas (disagreeing figures are listed first and kept,
                     unless --overwrite-conflicts)
summarize  adds sheets: per agency, per goal/indicator, per quarter, and the findings
The input file is never overwritten. Exit code: 0 = done / no errors, 1 = errors found, 2 = unreadable input or bad usage`,
    badArgs: (why: string) => `Invalid arguments: ${why}`,
    noOutput: 'an output file is required: -o <new.xlsx>',
    sameFile: 'the output must not be the input file (the input is never overwritten)',
    oneFile: 'give one input file',
    numbers: (n: number) => `${n} number(s) typed as text converted`,
    formulas: (n: number) => `${n} total(s) filled with formulas`,
    conflicts: (n: number, kept: boolean) =>
      `${n} stated figure(s) disagree with their sums${kept ? ' (kept; use --overwrite-conflicts to replace them with formulas)' : ' (replaced with formulas)'}`,
    conflict: (where: string, stated: string, computed: string) => `  ${where}: states ${stated} but adds up to ${computed}`,
    change: (where: string, before: string, after: string) => `  ${where}: ${before} → ${after}`,
    sheets: (names: string[]) => `Sheets added: ${names.join(', ')}`,
    wrote: (file: string) => `Wrote ${file}`,
    nothing: 'Nothing to fix',
  },
} as const;

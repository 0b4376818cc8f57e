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

ตรวจแผนปฏิบัติการป้องกันและปราบปรามการทุจริต: ผลรวมรายไตรมาส ยอดรวม ตารางสรุป ลำดับที่ และตัวชี้วัด
ผลลัพธ์: 0 = ไม่มีข้อผิดพลาด, 1 = มีข้อผิดพลาด, 2 = อ่านไฟล์ไม่ได้`,
    badArgs: (why: string) => `คำสั่งไม่ถูกต้อง: ${why}`,
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

Checks Thai provincial anti-corruption action plans: quarterly sums, totals, summary tables, numbering, indicators.
Exit code: 0 = no errors, 1 = errors found, 2 = a file could not be read`,
    badArgs: (why: string) => `Invalid arguments: ${why}`,
  },
} as const;

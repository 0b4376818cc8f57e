/** Why a workbook could not be patched, in Thai and English; `detail` names the part, cell or value. */
const MESSAGES = {
  notZip: { th: 'ไม่ใช่ไฟล์ .xlsx ที่ถูกต้อง (อ่านโครงสร้าง zip ไม่ได้)', en: 'not a valid .xlsx file (unreadable zip structure)' },
  zip64: { th: 'ไฟล์ใหญ่เกิน 4 GB (zip64) ยังไม่รองรับการเขียน', en: 'files over 4 GB (zip64) cannot be written yet' },
  encrypted: { th: 'ไฟล์ถูกเข้ารหัส', en: 'the file is encrypted' },
  tooLarge: { th: 'ส่วนของไฟล์ใหญ่เกินไป', en: 'a part of the file is too large' },
  corrupt: { th: 'ไฟล์เสียหาย', en: 'the file is damaged' },
  method: { th: 'ไฟล์ใช้วิธีบีบอัดที่ไม่รองรับ', en: 'the file uses an unsupported compression method' },
  noWorkbook: { th: 'ไม่พบส่วน workbook ในไฟล์', en: 'the file has no workbook part' },
  noSheet: { th: 'ไม่พบชีต', en: 'no such sheet' },
  badCell: { th: 'ที่อยู่เซลล์ไม่ถูกต้อง', en: 'not a cell address' },
  notFinite: { th: 'ค่าที่จะเขียนไม่ใช่ตัวเลขที่มีขอบเขต (NaN หรือ Infinity) จึงไม่เขียนลงไฟล์', en: 'the value to write is not a finite number (NaN or Infinity) and is not written' },
  arrayFormula: { th: 'เซลล์อยู่ในสูตรอาร์เรย์ จึงแก้ทีละเซลล์ไม่ได้', en: 'the cell is part of an array formula and cannot be changed on its own' },
  badXml: { th: 'XML ในไฟล์ไม่ถูกต้อง', en: 'malformed XML in the file' },
  recordSheet: { th: 'มีชีตชื่อ _plancheck ของผู้ใช้อยู่แล้ว จึงบันทึกข้อมูลของตรวจแผนไม่ได้', en: 'a visible sheet named _plancheck exists, so PlanCheck cannot keep its record' },
} as const;

export type PatchErrorCode = keyof typeof MESSAGES;

export class PatchError extends Error {
  readonly th: string;
  readonly en: string;

  constructor(
    readonly code: PatchErrorCode,
    readonly detail?: string,
  ) {
    const m = MESSAGES[code];
    const tail = detail ? ` (${detail})` : '';
    super(`${m.th}${tail} / ${m.en}${tail}`);
    this.name = 'PatchError';
    this.th = `${m.th}${tail}`;
    this.en = `${m.en}${tail}`;
  }
}

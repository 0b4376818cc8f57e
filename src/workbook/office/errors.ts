import type { Text } from '../../domain';

/**
 * A situation in the open workbook that stops or limits PlanCheck, told to the user in Thai and English.
 * Raw office.js errors are in English and name API objects; the pane shows `text` instead.
 */
export class HostProblem extends Error {
  constructor(
    readonly code: HostProblemCode,
    readonly text: Text,
  ) {
    super(text.en);
    this.name = 'HostProblem';
  }
}

export type HostProblemCode = 'read-only' | 'protected' | 'co-authoring' | 'cell-edit-mode' | 'used-range-too-large' | 'manual-calculation';

const n = (x: number): string => x.toLocaleString('en-US');

export const problems = {
  readOnly: (): HostProblem =>
    new HostProblem('read-only', {
      th: 'สมุดงานนี้เปิดแบบอ่านอย่างเดียว ตรวจแผนจึงเขียนเครื่องหมายหรือแก้ไขไม่ได้ — เลือก "แก้ไขสมุดงาน" (Edit Workbook) แล้วลองอีกครั้ง',
      en: 'This workbook is open read-only, so PlanCheck cannot write marks or fixes. Choose "Edit Workbook" and try again.',
    }),
  protectedSheets: (sheets: string[]): HostProblem =>
    new HostProblem('protected', {
      th: `แผ่นงานที่ป้องกันไว้: ${sheets.join(', ')} — ตรวจแผนเขียนลงแผ่นงานเหล่านี้ไม่ได้ ยกเลิกการป้องกันแผ่นงาน (รีวิว › ยกเลิกการป้องกันแผ่นงาน) แล้วลองอีกครั้ง`,
      en: `Protected sheets: ${sheets.join(', ')}. PlanCheck cannot write to them; unprotect them (Review › Unprotect Sheet) and try again.`,
    }),
  accessDenied: (): HostProblem =>
    new HostProblem('protected', {
      th: 'Excel ไม่ยอมให้เขียน: แผ่นงานอาจถูกป้องกันไว้ หรือสมุดงานเปิดแบบอ่านอย่างเดียว — ยกเลิกการป้องกันหรือเลือก "แก้ไขสมุดงาน" แล้วลองอีกครั้ง',
      en: 'Excel refused the write: a sheet may be protected or the workbook open read-only. Unprotect it or choose "Edit Workbook", then try again.',
    }),
  coAuthoring: (): HostProblem =>
    new HostProblem('co-authoring', {
      th: 'มีผู้อื่นแก้ไขสมุดงานนี้พร้อมกัน การเขียนครั้งนี้ชนกับการแก้ไขของผู้อื่น — รอสักครู่แล้วลองอีกครั้ง',
      en: 'Someone else is editing this workbook at the same time and this write collided with their edit. Wait a moment and try again.',
    }),
  cellEditMode: (): HostProblem =>
    new HostProblem('cell-edit-mode', {
      th: 'Excel กำลังอยู่ในโหมดแก้ไขเซลล์ — กด Enter หรือ Esc ให้เสร็จการพิมพ์ในเซลล์ แล้วลองอีกครั้ง',
      en: 'Excel is in cell edit mode. Press Enter or Esc to finish typing in the cell, then try again.',
    }),
  usedRangeTooLarge: (sheet: string, used: string, cells: number, limit: number): HostProblem =>
    new HostProblem('used-range-too-large', {
      th: `ไม่ได้ตรวจแผ่นงาน "${sheet}": ช่วงที่ใช้ (${used}) มี ${n(cells)} เซลล์ เกินขีดจำกัด ${n(limit)} เซลล์ของ Excel — ลบข้อมูลที่อยู่ไกลออกไปที่มุมของช่วงนี้ แล้วตรวจอีกครั้ง`,
      en: `Sheet "${sheet}" was not checked: its used range (${used}) has ${n(cells)} cells, over Excel's limit of ${n(limit)}. Delete the stray content at the far corner of that range and check again.`,
    }),
  manualCalculation: (): HostProblem =>
    new HostProblem('manual-calculation', {
      th: 'Excel ตั้งการคำนวณเป็นแบบด้วยตนเอง ผลรวมที่แสดงอาจยังไม่ได้คำนวณใหม่ — กด F9 (หรือ สูตร › ตัวเลือกการคำนวณ › อัตโนมัติ) แล้วตรวจอีกครั้ง',
      en: 'Excel is set to manual calculation, so the totals shown may be out of date. Press F9 (or Formulas › Calculation Options › Automatic) and check again.',
    }),
};

const codeOf = (e: unknown): string => String((e as { code?: unknown }).code ?? '');
const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** A payload error: the request or response was too large for one round trip. */
export function isPayloadError(e: unknown): boolean {
  return /PayloadSizeLimitExceeded|payload size/i.test(`${codeOf(e)} ${messageOf(e)}`);
}

/**
 * An error that may be an oversized response in disguise: Excel on the web reports some responses over its limit as
 * "GeneralException: An internal error has occurred." instead of a payload error, so both are retried in chunks.
 */
export function mayBeOversized(e: unknown): boolean {
  return isPayloadError(e) || /GeneralException|internal error/i.test(`${codeOf(e)} ${messageOf(e)}`);
}

/**
 * The user's situation behind a raw office.js error, when it has one; otherwise the error itself. AccessDenied on
 * a write means a protected sheet or a read-only workbook (the caller checks which before writing); Conflict is
 * a co-author's edit.
 */
export function explainWriteError(e: unknown): unknown {
  if (e instanceof HostProblem) return e;
  const code = codeOf(e);
  const text = `${code} ${messageOf(e)}`;
  if (/InvalidOperationInCellEditMode/i.test(text)) return problems.cellEditMode();
  if (/Conflict|coauthor/i.test(code) || /co-?author/i.test(text)) return problems.coAuthoring();
  if (/AccessDenied/i.test(text)) return problems.accessDenied();
  return e;
}

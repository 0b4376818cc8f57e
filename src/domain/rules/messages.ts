import { money } from './finding';

/** Every finding's wording, Thai and English, in one place. */
type Msg = { th: string; en: string };
const q = (n: number): string => `ไตรมาส ${n}`;
const projects = (n: number): string => `${n} project${n === 1 ? '' : 's'}`;

export const M = {
  rowBudgetSum: (sum: number, total: number): Msg => ({
    th: `งบประมาณรายไตรมาสรวมกันได้ ${money(sum)} บาท แต่งบประมาณรวมระบุ ${money(total)} บาท`,
    en: `Quarterly budgets add up to ${money(sum)} baht but the total budget says ${money(total)} baht`,
  }),
  rowBudgetNotSplit: (total: number): Msg => ({
    th: `งบประมาณรวม ${money(total)} บาท แต่ไม่ได้ระบุงบประมาณรายไตรมาส`,
    en: `Total budget ${money(total)} baht is not split into quarters`,
  }),
  rowTargetSum: (sum: number, total: number, unit: string | null): Msg => ({
    th: `เป้าหมายรายไตรมาสรวมกันได้ ${money(sum)}${unit ? ` ${unit}` : ''} แต่เป้าหมายรวมระบุ ${money(total)}${unit ? ` ${unit}` : ''}`,
    en: `Quarterly targets add up to ${money(sum)}${unit ? ` ${unit}` : ''} but the total target says ${money(total)}${unit ? ` ${unit}` : ''}`,
  }),
  rowTargetPercent: (quarter: number, total: number): Msg => ({
    th: `เป้าหมายรายไตรมาสล่าสุดคือร้อยละ ${quarter} แต่เป้าหมายรวมระบุร้อยละ ${total}`,
    en: `The latest quarterly target is ${quarter}% but the total target says ${total}%`,
  }),
  targetUnitMissing: (unit: string): Msg => ({
    th: `เป้าหมายรวมไม่มีหน่วยนับ (รายไตรมาสใช้ "${unit}")`,
    en: `The total target has no unit (the quarters use "${unit}")`,
  }),
  noBudgetWithAmount: (amount: number): Msg => ({
    th: `ประเภทงบประมาณระบุ "ไม่ใช้งบประมาณ" แต่มีจำนวนเงิน ${money(amount)} บาท`,
    en: `Budget type says "no budget" (ไม่ใช้งบประมาณ) but the row carries ${money(amount)} baht`,
  }),
  budgetTypeAmount: (inType: number, total: number): Msg => ({
    th: `ช่องประเภทงบประมาณระบุ ${money(inType)} บาท แต่งบประมาณรวมคือ ${money(total)} บาท`,
    en: `The budget type cell mentions ${money(inType)} baht but the total budget is ${money(total)} baht`,
  }),
  subtotal: (what: string, whatEn: string, expected: number, stated: number): Msg => ({
    th: `ยอดรวม${what} ระบุ ${money(stated)} บาท แต่รวมจากรายการได้ ${money(expected)} บาท`,
    en: `The ${whatEn} total states ${money(stated)} baht but its rows add up to ${money(expected)} baht`,
  }),
  count: (expected: number, stated: number): Msg => ({
    th: `ระบุจำนวน ${stated} โครงการ/กิจกรรม แต่นับได้ ${expected} โครงการ/กิจกรรม`,
    en: `States ${projects(stated)} but ${expected} ${expected === 1 ? 'is' : 'are'} listed`,
  }),
  itemisation: (parent: number, children: number): Msg => ({
    th: `งบประมาณโครงการ ${money(parent)} บาท ไม่เท่ากับผลรวมกิจกรรมย่อยด้านล่าง ${money(children)} บาท`,
    en: `Project budget ${money(parent)} baht differs from its sub-activities below, which add up to ${money(children)} baht`,
  }),
  summaryTotal: (stated: number, sum: number, isCount: boolean): Msg =>
    isCount
      ? { th: `ยอดรวมในตารางสรุประบุ ${stated} โครงการ แต่แถวในตารางรวมกันได้ ${sum}`, en: `The summary total states ${projects(stated)} but its rows add up to ${sum}` }
      : { th: `ยอดรวมในตารางสรุประบุ ${money(stated)} บาท แต่แถวในตารางรวมกันได้ ${money(sum)} บาท`, en: `The summary total states ${money(stated)} baht but its own rows add up to ${money(sum)} baht` },
  summaryAgency: (agency: string, stated: number, detail: number, column: string, columnEn: string): Msg => ({
    th: `สรุป${column} ของ "${agency}" ระบุ ${money(stated)} บาท แต่โครงการของหน่วยงานนี้ในแผนรวมกันได้ ${money(detail)} บาท`,
    en: `Summary (${columnEn}) for "${agency}" states ${money(stated)} baht but this agency's project rows total ${money(detail)} baht`,
  }),
  summaryAgencyLoose: (agency: string, stated: number, detail: number, matched: string): Msg => ({
    th: `สรุปของ "${agency}" ระบุ ${money(stated)} บาท แต่โครงการของหน่วยงานที่ชื่อใกล้เคียง (${matched}) รวมกันได้ ${money(detail)} บาท`,
    en: `Summary for "${agency}" states ${money(stated)} baht but rows of a similarly named agency (${matched}) total ${money(detail)} baht`,
  }),
  summaryAgencyNoRows: (agency: string, stated: number): Msg => ({
    th: `สรุประบุงบประมาณของ "${agency}" ${money(stated)} บาท แต่ไม่พบโครงการของหน่วยงานนี้ในแผน`,
    en: `Summary gives "${agency}" ${money(stated)} baht but the plan has no project row for this agency`,
  }),
  agencyNotInSummary: (agency: string, amount: number): Msg => ({
    th: `หน่วยงาน "${agency}" มีงบประมาณ ${money(amount)} บาท แต่ไม่มีในตารางสรุปงบประมาณ`,
    en: `Agency "${agency}" has ${money(amount)} baht of projects but is not in the budget summary`,
  }),
  summaryIndicator: (scope: string, scopeEn: string, stated: number, detail: number, isCount: boolean): Msg =>
    isCount
      ? { th: `สรุป${scope} ระบุ ${stated} โครงการ แต่ในแผนมี ${detail} โครงการ`, en: `Summary for ${scopeEn} states ${projects(stated)} but the plan lists ${detail}` }
      : { th: `สรุป${scope} ระบุ ${money(stated)} บาท แต่โครงการในแผนรวมกันได้ ${money(detail)} บาท`, en: `Summary for ${scopeEn} states ${money(stated)} baht but the plan's project rows total ${money(detail)} baht` },
  numberingDuplicate: (n: number, firstRow: number): Msg => ({
    th: `ลำดับที่ ${n} ซ้ำกับแถว ${firstRow}`,
    en: `Project number ${n} is used again (first at row ${firstRow})`,
  }),
  numberingGap: (expected: number, found: number): Msg => ({
    th: `ลำดับที่ข้าม: ควรเป็น ${expected} แต่พบ ${found}`,
    en: `Numbering skips: expected ${expected}, found ${found}`,
  }),
  duplicateRow: (firstRow: number): Msg => ({
    th: `แถวนี้ซ้ำกับแถว ${firstRow} ทุกช่อง (ยกเว้นลำดับที่)`,
    en: `This row repeats row ${firstRow} in every cell except the number`,
  }),
  indicatorUnknown: (code: string): Msg => ({
    th: `ไม่มีตัวชี้วัดที่ ${code} ในแผนระดับชาติ`,
    en: `Indicator ${code} does not exist in the national plan`,
  }),
  indicatorDrift: (code: string, canonical: string): Msg => ({
    th: `ข้อความตัวชี้วัดที่ ${code} ไม่ตรงกับแผนระดับชาติ: "${canonical}"`,
    en: `The wording of indicator ${code} differs from the national plan: "${canonical}"`,
  }),
  indicatorAmbiguous: (codes: string[]): Msg => ({
    th: `มีหัวข้อตัวชี้วัด ${codes.join(', ')} ต่อกันโดยไม่มีโครงการคั่น โครงการด้านล่างจึงระบุตัวชี้วัดไม่ได้`,
    en: `Indicator headings ${codes.join(', ')} are stacked over one table; the projects below cannot be attributed to one indicator`,
  }),
  missingIndicatorHeading: (): Msg => ({
    th: `โครงการนี้ไม่มีหัวข้อตัวชี้วัดกำกับ`,
    en: `These projects have no indicator heading above them`,
  }),
  missingGoalHeading: (goal: string, code: string): Msg => ({
    th: `ไม่มีหัวข้อเป้าหมายที่ ${goal} ก่อนตัวชี้วัดที่ ${code}`,
    en: `No heading for goal ${goal} before indicator ${code}`,
  }),
  rowShifted: (): Msg => ({
    th: `ข้อมูลในแถวนี้เลื่อนไปทางซ้ายหนึ่งคอลัมน์ (งบประมาณอยู่ในคอลัมน์ตัวชี้วัด)`,
    en: `This row is shifted one column to the left (the budget sits in the indicator column)`,
  }),
  sheetUnrecognized: (): Msg => ({
    th: `ไม่พบหัวตารางแผนปฏิบัติการหรือตารางสรุปที่รู้จักในชีตนี้ จึงไม่ได้ตรวจ`,
    en: `No known plan or summary table header was found on this sheet, so it was not checked`,
  }),
  timelineConflict: (arrow: number[], months: number[], deadline: boolean): Msg => ({
    th: deadline
      ? `ลูกศรเริ่มใน${q(arrow[0] ?? 1)} หลังกำหนดเสร็จ (${q(months[0] ?? 1)})`
      : `ลูกศรอยู่ใน${arrow.map(q).join(', ')} แต่เดือนที่ระบุอยู่ใน${months.map(q).join(', ')}`,
    en: deadline
      ? `The arrow starts in Q${arrow[0]} after its deadline in Q${months[0]}`
      : `The arrow covers Q${arrow.join(', Q')} but the months named fall in Q${months.join(', Q')}`,
  }),
  numberAsText: (count: number): Msg => ({
    th: `ตัวเลข ${money(count)} ช่องในชีตนี้พิมพ์เป็นข้อความ (เลขไทย) สูตร SUM จะไม่นับ`,
    en: `${money(count)} figure(s) on this sheet are typed as text (Thai digits); SUM skips them`,
  }),
  noBudgetSpelling: (): Msg => ({
    th: `สะกด "ไม่ใช่ งบประมาณ" ควรเป็น "ไม่ใช้งบประมาณ"`,
    en: `"ไม่ใช่ งบประมาณ" is misspelt; it should read "ไม่ใช้งบประมาณ" (no budget)`,
  }),
  provinceMismatch: (other: string, main: string): Msg => ({
    th: `ระบุจังหวัด${other} แต่แผนนี้เป็นของจังหวัด${main}`,
    en: `Names ${other} province, but this is ${main} province's plan`,
  }),
  amountUnreadable: (text: string): Msg => ({
    th: `อ่านจำนวนเงินไม่ได้: "${text}"`,
    en: `Cannot read this amount: "${text}"`,
  }),
};

export const SCOPE = {
  indicator: (code: string): { th: string; en: string } => ({ th: `ตัวชี้วัดที่ ${code}`, en: `indicator ${code}` }),
  goal: (code: string): { th: string; en: string } => ({ th: `เป้าหมายที่ ${code}`, en: `goal ${code}` }),
  plan: { th: 'ทั้งแผน', en: 'the whole plan' },
  column: {
    integrated: { th: 'งบบูรณาการ', en: 'integrated budget' },
    own: { th: 'งบของส่วนราชการ', en: "agencies' own budget" },
    total: { th: 'งบประมาณรวม', en: 'total budget' },
    any: { th: 'งบประมาณ', en: 'budget' },
  },
};

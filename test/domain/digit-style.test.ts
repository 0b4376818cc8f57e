import { digitStyle, isThaiDigitFormat, type SheetSnapshot, type WorkbookSnapshot } from '../../src/domain';
import { inDigits } from '../../src/domain/actions/digit-style';

const sheet = (name: string, values: SheetSnapshot['values'], numberFormats?: SheetSnapshot['numberFormats'], extra: Partial<SheetSnapshot> = {}): SheetSnapshot => ({
  name,
  origin: { row: 1, column: 1 },
  values,
  ...(numberFormats ? { numberFormats } : {}),
  merges: [],
  ...extra,
});
const book = (...sheets: SheetSnapshot[]): WorkbookSnapshot => ({ file: 'x.xlsx', sheets }) as WorkbookSnapshot;

describe('the plan\'s digit style, by evidence', () => {
  it('Thai-digit text and numbers shown with a Thai-digit format vote Thai', () => {
    expect(digitStyle(book(sheet('แผน', [['๑,๒๐๐', 1200, 5]], [[null, '[$-D00041E]#,##0', '[$-D07041E]0']])))).toBe('thai');
  });

  it('Arabic-digit text and numbers in a plain format vote Arabic', () => {
    expect(digitStyle(book(sheet('แผน', [['1,200 บาท', 1200, 5, '๑']], [[null, '#,##0', 'General', null]])))).toBe('arabic');
  });

  it('a workbook without digits, or a tie, is Thai (the norm)', () => {
    expect(digitStyle(book(sheet('แผน', [['โครงการ']])))).toBe('thai');
    expect(digitStyle(book(sheet('แผน', [['๑', '1']])))).toBe('thai');
  });

  it('our own generated sheets and very hidden sheets do not vote', () => {
    const ours = sheet('สรุปรายไตรมาส', [['สรุปรายไตรมาส จังหวัด', '1', '2', '3']], undefined, { generated: true });
    const record = sheet('_plancheck', [['1', '2', '3']], undefined, { visibility: 'veryHidden' });
    expect(digitStyle(book(sheet('แผน', [['๑']]), ours, record))).toBe('thai');
  });

  it('knows the Thai-digit formats of Excel and LibreOffice', () => {
    for (const f of ['[$-D00041E]#,##0', '[$-D07041E]0', '[$-0D000000]#,##0', '[$-th-TH,D07]0', '[NatNum1][$-41E]0']) expect({ f, thai: isThaiDigitFormat(f) }).toEqual({ f, thai: true });
    for (const f of ['#,##0', 'General', '[$-41E]#,##0', '[$-1010409]0', '@']) expect({ f, thai: isThaiDigitFormat(f) }).toEqual({ f, thai: false });
  });
});

describe('text in one digit style', () => {
  it('turns every digit but cell addresses and sheet names', () => {
    expect(inDigits('ตัวเลข 7 ช่อง ที่ C4 และ $O$27 ในชีต แผน 2566', 'thai', ['แผน 2566'])).toBe('ตัวเลข ๗ ช่อง ที่ C4 และ $O$27 ในชีต แผน 2566');
    expect(inDigits('เป้าหมายที่ ๑ ตัวชี้วัด ๑.๒ ปี ๒๕๖๖', 'arabic')).toBe('เป้าหมายที่ 1 ตัวชี้วัด 1.2 ปี 2566');
  });
});

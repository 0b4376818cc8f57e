import { initialState, reducer, type PaneEvent, type PaneState } from '../../../src/taskpane/state/reducer';
import { hostWarnings } from '../../../src/taskpane/state/warnings';

const run = (events: PaneEvent[], from: PaneState = initialState()): PaneState => events.reduce(reducer, from);
const report = {
  skipped: [
    { sheet: 'แผน', cell: 'O27', reason: 'user-note' as const },
    { sheet: 'แผน', cell: 'O30', reason: 'user-comment' as const },
    { sheet: 'แผน', cell: 'B8', reason: 'replies' as const },
  ],
  uncleared: ['สรุป'],
  protectedSheets: ['ลับ'],
};

describe('what the host could not do, in the pane', () => {
  it('says where an explanation was skipped and why, one language at a time', () => {
    const th = run([{ type: 'host-reported', report }]);
    expect(hostWarnings(th)).toEqual([
      'ไม่ได้ใส่คำอธิบายที่ ชีต แผน เซลล์ O27, O30 เพราะมีบันทึกหรือข้อคิดเห็นของผู้ใช้อยู่แล้ว',
      'คงข้อคิดเห็นเดิมของตรวจแผนไว้ที่ ชีต แผน เซลล์ B8 เพราะมีผู้ตอบกลับแล้ว',
      'ไม่ได้ทำเครื่องหมายในชีตที่ป้องกันไว้: ลับ',
      'ลบเครื่องหมายเดิมในชีต สรุป ไม่หมด จะลองอีกครั้งเมื่อล้างเครื่องหมายครั้งต่อไป',
    ]);
    const en = reducer(th, { type: 'lang-changed', lang: 'en' });
    expect(hostWarnings(en)[0]).toBe("No explanation written at sheet แผน cell O27, O30: the user's note or comment is there");
    // No Thai in English mode but the sheet names themselves.
    expect(hostWarnings(en).join(' ').replace(/แผน|สรุป|ลับ/g, '')).not.toMatch(/[\u0E00-\u0E7F]/);
  });

  it('names five cells and counts the rest', () => {
    const many = Array.from({ length: 8 }, (_, i) => ({ sheet: 'แผน', cell: `O${i + 1}`, reason: 'user-note' as const }));
    const s = run([{ type: 'host-reported', report: { skipped: many, uncleared: [], protectedSheets: [] } }]);
    expect(hostWarnings(s)).toEqual(['ไม่ได้ใส่คำอธิบายที่ ชีต แผน เซลล์ O1, O2, O3, O4, O5 และอีก 3 รายการ เพราะมีบันทึกหรือข้อคิดเห็นของผู้ใช้อยู่แล้ว']);
  });

  it('shows the read\'s notices (manual calculation) in the chosen language, and a new check replaces them', () => {
    const notice = { th: 'Excel ตั้งการคำนวณเป็นแบบด้วยตนเอง', en: 'Excel is set to manual calculation' };
    const s = run([{ type: 'analysed', snapshot: { sheets: [] }, analysis: null as never, acks: { v: 1, items: {} }, notices: [notice] }]);
    expect(hostWarnings(s)).toEqual([notice.th]);
    expect(hostWarnings({ ...s, lang: 'en' })).toEqual([notice.en]);
    expect(hostWarnings(run([{ type: 'analysed', snapshot: { sheets: [] }, analysis: null as never, acks: { v: 1, items: {} } }], s))).toEqual([]);
  });
});

import { recogniseHeader } from '../../src/domain/parse/families';
import { headerRole } from '../../src/domain/vocabulary';
import { compareKey } from '../../src/domain/thai';
import { Grid } from '../../src/domain/base/grid';
import { QUARTERLY_HEADER, QUARTERLY_MERGES, sheet } from '../helpers/synthetic';

describe('header recognition', () => {
  it('maps the quarterly two-row header with merged quarter labels', () => {
    const m = recogniseHeader(new Grid(sheet('s', QUARTERLY_HEADER, QUARTERLY_MERGES)), 1);
    expect(m).toMatchObject({ family: 'quarterly', headerRows: [1, 2], number: 1, name: 2, budgetType: 3, kpi: 4, agency: 5, totalTarget: 14, budget: 15 });
    expect(m?.quarterTarget).toEqual([6, 8, 10, 12]);
    expect(m?.quarterBudget).toEqual([7, 9, 11, 13]);
  });

  it('carries group labels from the left when merges are unknown, and finds the header on any row', () => {
    const values = [['ชื่อแผน'], [], ...QUARTERLY_HEADER];
    const m = recogniseHeader(new Grid(sheet('s', values)), 3);
    expect(m?.quarterBudget).toEqual([7, 9, 11, 13]);
    expect(recogniseHeader(new Grid(sheet('s', values)), 1)).toBeNull();
  });

  it('accepts wrapped labels ("ประเภทของ งบประมาณ" in the second row, "งบประมาณ รวม") and a blank row between', () => {
    const row1 = [...QUARTERLY_HEADER[0]!];
    row1[2] = null;
    const row2 = [...QUARTERLY_HEADER[1]!];
    row2[2] = 'ประเภทของ งบประมาณ';
    row2[14] = 'งบประมาณ รวม';
    const m = recogniseHeader(new Grid(sheet('s', [row1, [], row2])), 1);
    expect(m).toMatchObject({ family: 'quarterly', headerRows: [1, 3], budgetType: 3, budget: 15 });
  });

  it('recognises the timeline, features and summary families', () => {
    const timeline = recogniseHeader(new Grid(sheet('s', [
      ['โครงการ/กิจกรรม', 'วิธีการดำเนินงาน', 'ตัวชี้วัด', 'งบประมาณ (บาท)', 'ระยะเวลาดำเนินการ', null, null, null, 'หน่วยงาน รับผิดชอบ'],
      [null, null, null, null, 'ไตรมาส ๑', 'ไตรมาส ๒', 'ไตรมาส ๓', 'ไตรมาส ๔', null],
    ], ['E1:H1'])), 1);
    expect(timeline).toMatchObject({ family: 'timeline', timeline: [5, 6, 7, 8], budget: 4, agency: 9 });
    const features = recogniseHeader(new Grid(sheet('s', [['ลักษณะสำคัญของงาน', 'โครงการ/กิจกรรม', 'วิธีการดำเนินงาน', 'ตัวชี้วัด', 'งบประมาณ', 'ระยะเวลา ดำเนินการ', 'หน่วยงานรับผิดชอบ']])), 1);
    expect(features).toMatchObject({ family: 'features', feature: 1, name: 2, budget: 5, period: 6, agency: 7 });
    const byIndicator = recogniseHeader(new Grid(sheet('s', [['เป้าหมายที่', 'ตัวชี้วัดที่', 'จำนวนโครงการ/กิจกรรม', 'งบประมาณ (บาท)']])), 1);
    expect(byIndicator).toMatchObject({ family: 'summary-indicator', goalCol: 1, indicatorCol: 2, count: 3, budget: 4 });
    const byAgency = recogniseHeader(new Grid(sheet('s', [['ที่', 'หน่วยงาน', 'งบประมาณ (บาท)']])), 1);
    expect(byAgency).toMatchObject({ family: 'summary-agency', amountColumns: [{ col: 3, kind: 'any' }] });
  });
});

describe('header synonyms', () => {
  it.each([
    ['กิจกรรม/โครงการ', 'name'], ['แผนงาน/โครงการ/กิจกรรม', 'name'], ['โครงการ', 'name'], ['จำนวนเงิน (บาท)', 'budget'], ['วงเงิน', 'budget'],
    ['งบประมาณ (บาท)', 'budget'], ['หน่วยงานที่รับผิดชอบ', 'agency'], ['ผู้รับผิดชอบ', 'agency'], ['แหล่งงบประมาณ', 'budgetType'], ['จำนวนโครงการ/กิจกรรม', 'count'],
  ])('%s is %s', (label, role) => expect(headerRole(compareKey(label))).toBe(role));
});

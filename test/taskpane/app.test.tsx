/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { join } from 'node:path';
import type { WorkbookSnapshot } from '../../src/domain/snapshot';
import { App } from '../../src/taskpane/App';
import { OfficeHost } from '../../src/workbook/office/host';
import { readXlsx } from '../../src/workbook/xlsx/read';
import { FakeExcel } from '../fakes/fake-excel';

// Each test drives the whole pane (read, analyze, mark) through user events; leave room on a busy 2-core machine.
jest.setTimeout(30_000);

let snapshot: WorkbookSnapshot;
beforeAll(async () => {
  snapshot = await readXlsx(join(__dirname, '..', 'fixtures', 'chiangmai-2566-clean.xlsx'));
});

function setup(apiVersion = '1.18') {
  const fake = FakeExcel.fromSnapshot(snapshot, { apiVersion });
  const host = new OfficeHost(fake.run, fake.isSetSupported);
  const user = userEvent.setup();
  render(<App host={host} now={() => new Date('2026-11-21T10:00:00Z')} />);
  return { fake, host, user };
}

const findingAt = (cell: string) => screen.getAllByTestId('finding').find((el) => el.dataset.cell === cell);

async function checkNow(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: 'ตรวจ' }));
  await waitFor(() => expect(screen.getByTestId('count-error')).toHaveTextContent('ผิดพลาด 6'));
}

describe('the task pane', () => {
  it('checks the workbook, shows counts and Thai findings grouped by sheet and indicator, and marks the cells', async () => {
    const { fake, user } = setup();
    expect(screen.getByText('กด "ตรวจ" เพื่อตรวจแผนในสมุดงานนี้')).toBeTruthy();
    await checkNow(user);
    expect(screen.getByTestId('count-warning')).toHaveTextContent('คำเตือน 10');
    expect(screen.getByText(/38 โครงการ · งบประมาณรวม 3,119,920 บาท/)).toBeTruthy();
    expect(screen.getByRole('heading', { name: /ชีต แผนปฏิบัติการ/ })).toBeTruthy();
    const o27 = findingAt('O27')!;
    expect(o27).toHaveTextContent('งบประมาณรายไตรมาสรวมกันได้ 3,302,400 บาท แต่งบประมาณรวมระบุ 1,651,200 บาท');
    expect(o27).toHaveTextContent('ควรเป็น 3,302,400 · ระบุ 1,651,200');
    expect(within(o27.closest('section')!).getByText('ตัวชี้วัดที่ 1.2')).toBeTruthy();
    await waitFor(() => expect(fake.markedCells()['แผนปฏิบัติการ']).toContain('O27'));
  });

  it('filters by severity and by rule', async () => {
    const { user } = setup();
    await checkNow(user);
    await user.click(screen.getByRole('checkbox', { name: 'ผิดพลาด' }));
    expect(screen.getAllByTestId('finding').some((el) => el.dataset.cell === 'O27')).toBe(false);
    await user.click(screen.getByRole('checkbox', { name: 'ผิดพลาด' }));
    expect(findingAt('B29')).toBeDefined();
    await user.click(screen.getByRole('button', { name: 'ประเภทการตรวจ' }));
    await user.click(screen.getByRole('checkbox', { name: 'แถวซ้ำ (1)' }));
    expect(findingAt('B29')).toBeUndefined();
    expect(findingAt('O27')).toBeDefined();
  });

  it('goes to a finding\'s cell when it is clicked', async () => {
    const { fake, user } = setup();
    await checkNow(user);
    await user.click(within(findingAt('O27')!).getByRole('button', { name: /ไปที่เซลล์ O27/ }));
    await waitFor(() => expect(fake.state.selection).toEqual({ sheet: 'แผนปฏิบัติการ', address: 'O27' }));
  });

  it('acknowledges a finding with a reason: stored in the workbook, no longer open, no longer marked', async () => {
    const { fake, user } = setup();
    await checkNow(user);
    const o27 = findingAt('O27')!;
    await user.click(within(o27).getByRole('button', { name: 'รับทราบ' }));
    await user.type(within(o27).getByRole('textbox', { name: 'เหตุผล' }), 'งบไตรมาส ๔ พิมพ์ซ้ำ แจ้งหน่วยงานแล้ว');
    await user.click(within(o27).getByRole('button', { name: 'บันทึก' }));
    await waitFor(() => expect(screen.getByTestId('count-error')).toHaveTextContent('ผิดพลาด 5'));
    expect(findingAt('O27')).toHaveTextContent('รับทราบ 2026-11-21: งบไตรมาส ๔ พิมพ์ซ้ำ แจ้งหน่วยงานแล้ว');
    await waitFor(() => expect(fake.markedCells()['แผนปฏิบัติการ']).not.toContain('O27'));
    const stored = JSON.parse(String(fake.state.settings.get('plancheck.acks')));
    expect(stored.items['row-budget-sum|แผนปฏิบัติการ|O27'].reason).toBe('งบไตรมาส ๔ พิมพ์ซ้ำ แจ้งหน่วยงานแล้ว');
  });

  it('the next reviewer sees acknowledgements stored in the workbook', async () => {
    const { fake, user } = setup();
    fake.state.settings.set('plancheck.acks', JSON.stringify({ v: 1, items: { 'row-budget-sum|แผนปฏิบัติการ|O27': { reason: 'ตรวจแล้ว', at: '2026-11-01' } } }));
    await user.click(screen.getByRole('button', { name: 'ตรวจ' }));
    await waitFor(() => expect(screen.getByTestId('count-error')).toHaveTextContent('ผิดพลาด 5'));
    expect(findingAt('O27')).toHaveTextContent('รับทราบ 2026-11-01: ตรวจแล้ว');
  });

  it('switches language', async () => {
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'English' }));
    await user.click(screen.getByRole('button', { name: 'Check' }));
    await waitFor(() => expect(screen.getByTestId('count-error')).toHaveTextContent('Errors 6'));
    expect(findingAt('O27')).toHaveTextContent('Quarterly budgets add up to 3,302,400 baht but the total budget says 1,651,200 baht');
    expect(document.documentElement.lang).toBe('en');
  });

  it('clears marks and turns them off; turning them on marks again', async () => {
    const { fake, user } = setup();
    await checkNow(user);
    await waitFor(() => expect(Object.keys(fake.markedCells())).not.toHaveLength(0));
    await user.click(screen.getByRole('button', { name: 'ล้างเครื่องหมาย' }));
    await waitFor(() => expect(fake.markedCells()).toEqual({}));
    expect(screen.getByRole('switch', { name: 'ทำเครื่องหมายในเซลล์' })).not.toBeChecked();
    await user.click(screen.getByRole('switch', { name: 'ทำเครื่องหมายในเซลล์' }));
    await waitFor(() => expect(fake.markedCells()['แผนปฏิบัติการ']).toContain('O27'));
  });

  it('adds explanations only when asked, and says when this Excel cannot', async () => {
    const { fake, user } = setup();
    await checkNow(user);
    expect(fake.state.sheet('แผนปฏิบัติการ')!.notes.size).toBe(0);
    await user.click(screen.getByRole('switch', { name: 'ใส่คำอธิบายในเซลล์' }));
    await waitFor(() => expect(fake.state.sheet('แผนปฏิบัติการ')!.notes.get('O27')).toMatch(/^ตรวจแผน: /));
  });

  it('has no explanations on an Excel without notes or comments', () => {
    setup('1.9');
    expect(screen.getByRole('switch', { name: /ใส่คำอธิบายในเซลล์ \(Excel รุ่นนี้ใส่คำอธิบายในเซลล์ไม่ได้\)/ })).toBeDisabled();
  });

  it('live mode re-checks after the user edits a cell and updates the list and marks', async () => {
    const { fake, user } = setup();
    await checkNow(user);
    await user.click(screen.getByRole('switch', { name: 'ตรวจทุกครั้งที่แก้ไข' }));
    await waitFor(() => expect(fake.state.handlers).toHaveLength(1));
    await act(async () => {
      await fake.edit('แผนปฏิบัติการ', 'M27', '-');
    });
    await waitFor(() => expect(screen.getByTestId('count-error')).toHaveTextContent('ผิดพลาด 5'), { timeout: 3000 });
    expect(findingAt('O27')).toBeUndefined();
    await waitFor(() => expect(fake.markedCells()['แผนปฏิบัติการ']).not.toContain('O27'));
    await user.click(screen.getByRole('switch', { name: 'ตรวจทุกครั้งที่แก้ไข' }));
    await waitFor(() => expect(fake.state.handlers).toHaveLength(0));
  });

  it('shows a clear error when Excel fails', async () => {
    const fake = new FakeExcel();
    const busy = async (): Promise<never> => {
      throw new Error('Excel is busy (GeneralException)');
    };
    render(<App host={new OfficeHost(busy, fake.isSetSupported)} />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'ตรวจ' }));
    await waitFor(() => expect(screen.getByText('เกิดข้อผิดพลาด')).toBeTruthy());
    expect(screen.getByText(/Excel is busy/)).toBeTruthy();
  });
});

describe('fix and summarise in the pane', () => {
  it('แปลงตัวเลข previews the changes, then converts and re-checks', async () => {
    const { fake, user } = setup();
    await checkNow(user);
    await user.click(screen.getByRole('button', { name: 'แปลงตัวเลข' }));
    const preview = screen.getByRole('region', { name: 'แปลงตัวเลข' });
    expect(preview).toHaveTextContent(/จะแปลงตัวเลขที่พิมพ์เป็นข้อความ \d+ ช่อง/);
    expect(preview).toHaveTextContent('แผนปฏิบัติการ!O27: "๑,๖๕๑,๒๐๐ บาท" → 1,651,200');
    expect(fake.state.sheet('แผนปฏิบัติการ')!.cells.get('27,15')).toBe('๑,๖๕๑,๒๐๐ บาท');
    await user.click(within(preview).getByRole('button', { name: 'ยืนยัน' }));
    await waitFor(() => expect(screen.getByText('แปลงตัวเลข เรียบร้อย')).toBeTruthy());
    expect(fake.state.sheet('แผนปฏิบัติการ')!.cells.get('27,15')).toBe(1651200);
    expect(screen.queryByText(/พิมพ์เป็นข้อความ \(เลขไทย\)/)).toBeNull();
  });

  it('เติมผลรวม lists disagreeing totals first and overwrites them only when ticked', async () => {
    const { fake, user } = setup();
    await checkNow(user);
    await user.click(screen.getByRole('button', { name: 'เติมผลรวม' }));
    let preview = screen.getByRole('region', { name: 'เติมผลรวม' });
    expect(preview).toHaveTextContent('ยอดที่ระบุไม่ตรงกับผลรวม 4 ช่อง');
    expect(preview).toHaveTextContent('แผนปฏิบัติการ!O27: ระบุ 1,651,200 แต่ผลรวมได้ 3,302,400');
    await user.click(within(preview).getByRole('button', { name: 'ยืนยัน' }));
    await waitFor(() => expect(screen.getByText('เติมผลรวม เรียบร้อย')).toBeTruthy());
    const plan = fake.state.sheet('แผนปฏิบัติการ')!;
    expect(plan.formulas.get('10,15')).toBe('=SUM(G10,I10,K10,M10)');
    expect(plan.formulas.has('27,15')).toBe(false);
    await user.click(screen.getByRole('button', { name: 'เติมผลรวม' }));
    preview = screen.getByRole('region', { name: 'เติมผลรวม' });
    await user.click(within(preview).getByRole('checkbox', { name: 'แทนที่ยอดที่ไม่ตรงทั้ง 4 ช่องด้วยสูตร' }));
    await user.click(within(preview).getByRole('button', { name: 'ยืนยัน' }));
    await waitFor(() => expect(plan.formulas.get('27,15')).toBe('=SUM(G27,I27,K27,M27)'));
  });

  it('สร้างสรุป adds the Thai summary sheets', async () => {
    const { fake, user } = setup();
    await checkNow(user);
    await user.click(screen.getByRole('button', { name: 'สร้างสรุป' }));
    await waitFor(() => expect(screen.getByText(/เพิ่มชีต สรุปตามหน่วยงาน, สรุปตามตัวชี้วัด, สรุปรายไตรมาส, ผลการตรวจ แล้ว/)).toBeTruthy());
    expect(fake.state.sheet('สรุปตามตัวชี้วัด')!.cells.get('1,1')).toBe('สรุปโครงการและงบประมาณตามเป้าหมายและตัวชี้วัด จังหวัดเชียงใหม่ ปีงบประมาณ พ.ศ. ๒๕๖๖');
  });
});

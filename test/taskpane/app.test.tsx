/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import { join } from 'node:path';
import type { WorkbookSnapshot } from '../../src/domain/snapshot';
import { App } from '../../src/taskpane/App';
import { OfficeHost } from '../../src/workbook/office/host';
import { readXlsx } from '../../src/workbook/xlsx/read';
import { FakeExcel } from '../fakes/fake-excel';

/**
 * Wiring only: that each control reaches its event or effect and that the pane renders what the selectors say.
 * What the pane computes is specified without a DOM in test/taskpane/state/ (reducer, selectors, effects).
 */
jest.setTimeout(30_000);

let snapshot: WorkbookSnapshot;
beforeAll(async () => {
  snapshot = await readXlsx(join(__dirname, '..', 'fixtures', 'chiangmai-2566-clean.xlsx'));
});

// jsdom lays nothing out: give the findings list's box a height and each row of it one, so the virtual list
// renders every row of these short lists (test/e2e/pane-perf.test.ts measures the real thing in Chromium).
const layout: [string, (el: HTMLElement) => number][] = [
  ['clientHeight', (el) => (el.dataset.testid === 'findings-scroll' ? 100_000 : 0)],
  ['offsetHeight', (el) => (el.dataset.index !== undefined ? 50 : 0)],
];
const restore = new Map<string, PropertyDescriptor | undefined>();
beforeAll(() => {
  for (const [prop, size] of layout) {
    restore.set(prop, Object.getOwnPropertyDescriptor(HTMLElement.prototype, prop));
    Object.defineProperty(HTMLElement.prototype, prop, { configurable: true, get: function (this: HTMLElement) { return size(this); } });
  }
});
afterAll(() => {
  for (const [prop, d] of restore) if (d) Object.defineProperty(HTMLElement.prototype, prop, d);
});

const PLAN = 'แผนปฏิบัติการ';

const NOW = (): Date => new Date('2026-11-21T10:00:00Z');

/** `now: null` leaves the pane on its own clock. */
function setup({ apiVersion = '1.18', now = NOW as (() => Date) | null } = {}) {
  const fake = FakeExcel.fromSnapshot(snapshot, { apiVersion });
  const host = new OfficeHost(fake.run, fake.isSetSupported);
  const watch = jest.spyOn(host, 'watch');
  // Fluent's styles make user-event's pointer-events check (getComputedStyle up the tree) the slowest part of a click.
  const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
  const view = render(<App host={host} {...(now ? { now } : {})} />);
  return { fake, host, user, watch, view };
}

// Queried by text and label, not by role: computing roles and accessible names reads the computed style of every
// element, which Fluent's style sheets make slow in jsdom. (The built pane is checked with axe end to end.)
const button = (name: string | RegExp, within: HTMLElement = document.body): HTMLElement => {
  const found = Array.from(within.querySelectorAll('button')).filter((b) => (typeof name === 'string' ? b.textContent === name : name.test(b.textContent ?? '')));
  if (found.length !== 1) throw new Error(`${found.length} buttons named ${String(name)}`);
  return found[0]!;
};
const control = (label: string | RegExp, within: HTMLElement = document.body): HTMLInputElement => {
  const labels = Array.from(within.querySelectorAll('label')).filter((l) => (typeof label === 'string' ? l.textContent === label : label.test(l.textContent ?? '')));
  if (labels.length !== 1) throw new Error(`${labels.length} controls labelled ${String(label)}`);
  return document.getElementById(labels[0]!.htmlFor) as HTMLInputElement;
};
const region = (name: string): HTMLElement | null => document.querySelector(`[role=region][aria-label="${name}"]`);
const findingAt = (cell: string) => screen.queryAllByTestId('finding').find((el) => el.dataset.cell === cell);

async function checkNow(user: ReturnType<typeof userEvent.setup>) {
  await user.click(button('ตรวจ'));
  await waitFor(() => expect(screen.getByTestId('count-error')).toHaveTextContent('ผิดพลาด 6'));
  // The list's rows are drawn a frame after the pane that holds them (components/reveal.ts).
  await waitFor(() => expect(screen.queryAllByTestId('finding').length).toBeGreaterThan(0));
}

describe('the task pane', () => {
  it('checks, shows what the check found, goes to a cell, acknowledges and withdraws', async () => {
    const { fake, user } = setup();
    expect(screen.getByText('กด "ตรวจ" เพื่อตรวจแผนในสมุดงานนี้')).toBeTruthy();
    await checkNow(user);
    expect(screen.getByTestId('count-warning')).toHaveTextContent('คำเตือน 10');
    expect(screen.getByText(/38 โครงการ · งบประมาณรวม 3,119,920 บาท/)).toBeTruthy();
    // Errors lead: every error is listed before the first warning, and the list comes before the fix tools.
    const severities = screen.getAllByTestId('finding').map((li) => (li.textContent ?? '').match(/ผิดพลาด|คำเตือน|ข้อสังเกต/)?.[0]);
    expect(severities.indexOf('คำเตือน')).toBeGreaterThan(severities.lastIndexOf('ผิดพลาด'));
    expect(screen.getAllByTestId('finding')[0]!.compareDocumentPosition(button('แปลงตัวเลข')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    // The per-sheet summary filters the list when clicked, and clears it when clicked again.
    const perSheet = screen.getAllByTestId('sheet-count');
    const plan = perSheet.find((b) => b.getAttribute('data-sheet') === PLAN)!;
    expect(plan).toHaveTextContent(/^แผนปฏิบัติการ: ผิดพลาด \d+ · คำเตือน \d+/);
    await user.click(plan);
    expect(screen.getAllByTestId('finding').every((li) => li.dataset.sheet === PLAN)).toBe(true);
    await user.click(plan);
    const o27 = findingAt('O27')!;
    expect(o27).toHaveTextContent('งบประมาณรายไตรมาสรวมกันได้ 3,302,400 บาท แต่งบประมาณรวมระบุ 1,651,200 บาท');
    expect(o27).toHaveTextContent('ควรเป็น 3,302,400 · ระบุ 1,651,200');
    expect(within(o27).getByText('ตัวชี้วัดที่ 1.2')).toBeTruthy();
    await waitFor(() => expect(fake.markedCells()[PLAN]).toContain('O27'));

    await user.click(button(/ไปที่เซลล์ O27/, o27));
    await waitFor(() => expect(fake.state.selection).toEqual({ sheet: PLAN, address: 'O27' }));

    await user.click(button('รับทราบ', o27));
    await user.type(control('เหตุผล', o27), 'แจ้งหน่วยงานแล้ว');
    await user.click(button('บันทึก', o27));
    await waitFor(() => expect(screen.getByTestId('count-error')).toHaveTextContent('ผิดพลาด 5'));
    expect(findingAt('O27')).toHaveTextContent('รับทราบ 21 พ.ย. 2569: แจ้งหน่วยงานแล้ว');
    await waitFor(() => expect(fake.markedCells()[PLAN]).not.toContain('O27'));
    await user.click(control('แสดงรายการที่รับทราบแล้ว (1)'));
    expect(findingAt('O27')).toBeUndefined();
    await user.click(control('แสดงรายการที่รับทราบแล้ว (1)'));
    await user.click(button('ยกเลิกการรับทราบ', findingAt('O27')!));
    await waitFor(() => expect(screen.getByTestId('count-error')).toHaveTextContent('ผิดพลาด 6'));
  });

  it('is one Tab stop, moved between findings by the arrow keys', async () => {
    const { user } = setup();
    await checkNow(user);
    const stops = () => screen.getAllByTestId('finding').filter((li) => li.querySelector('[data-go]')?.getAttribute('tabindex') === '0');
    const all = screen.getAllByTestId('finding');
    expect(all.length).toBeGreaterThan(2);
    // One finding's controls are in the Tab order: the first; every other finding's are reached by the arrows.
    expect(stops()).toEqual([all[0]]);
    expect(all.slice(1).every((li) => Array.from(li.querySelectorAll('button')).every((b) => b.tabIndex === -1))).toBe(true);
    (all[0]!.querySelector('[data-go]') as HTMLElement).focus();
    await user.keyboard('{ArrowDown}');
    await waitFor(() => expect(document.activeElement?.closest('[data-testid=finding]')).toBe(all[1]));
    expect(stops()).toEqual([all[1]]);
    // Where Tab goes from there (its own action, then past the list) is run in Chromium: test/e2e/preview.test.ts.
    await user.keyboard('{ArrowUp}');
    await waitFor(() => expect(stops()).toEqual([all[0]]));
  });

  it('filters, switches and live mode reach their effects; the live subscription outlives re-renders', async () => {
    // Without a `now`: the pane's own clock must not make it listen again on every render.
    const { fake, user, watch } = setup({ now: null });
    await checkNow(user);
    await user.click(control('ผิดพลาด'));
    expect(findingAt('O27')).toBeUndefined();
    await user.click(control('ผิดพลาด'));
    await user.click(button('ประเภทการตรวจ'));
    await user.click(control('แถวซ้ำ (1)'));
    expect(findingAt('B29')).toBeUndefined();
    expect(findingAt('O27')).toBeDefined();
    await user.selectOptions(control('ชีต') as unknown as HTMLSelectElement, 'สรุปงบประมาณ');
    expect(findingAt('O27')).toBeUndefined();
    expect(findingAt('D19')).toBeDefined();
    await user.selectOptions(control('ชีต') as unknown as HTMLSelectElement, '');

    await user.click(button('ล้างเครื่องหมาย'));
    await waitFor(() => expect(fake.markedCells()).toEqual({}));
    expect(control('ทำเครื่องหมายในเซลล์')).not.toBeChecked();
    await user.click(control('ทำเครื่องหมายในเซลล์'));
    await waitFor(() => expect(fake.markedCells()[PLAN]).toContain('O27'));
    await user.click(control('ใส่คำอธิบายในเซลล์'));
    await waitFor(() => expect(fake.state.sheet(PLAN)!.notes.get('O27')).toMatch(/^ตรวจแผน: /));

    await user.click(control('ตรวจทุกครั้งที่แก้ไข'));
    await waitFor(() => expect(fake.state.handlers).toHaveLength(1));
    await act(async () => {
      await fake.edit(PLAN, 'M27', '-');
    });
    await waitFor(() => expect(screen.getByTestId('count-error')).toHaveTextContent('ผิดพลาด 5'), { timeout: 3000 });
    expect(screen.getByText(/ตรวจใหม่หลังการแก้ไขเมื่อ/)).toBeTruthy();
    await user.click(control('ผิดพลาด'));
    expect(watch).toHaveBeenCalledTimes(1);
    await user.click(control('ตรวจทุกครั้งที่แก้ไข'));
    await waitFor(() => expect(fake.state.handlers).toHaveLength(0));
  });

  it('switches language; offers no explanations on an Excel without notes or comments', async () => {
    const { user } = setup({ apiVersion: '1.9' });
    expect(control(/ใส่คำอธิบายในเซลล์ \(Excel รุ่นนี้ใส่คำอธิบายในเซลล์ไม่ได้\)/)).toBeDisabled();
    await user.click(button('English'));
    expect(button('Check')).toBeTruthy();
    expect(screen.getByText('Press "Check" to check the plan in this workbook')).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
  });

  it('shows a clear error when Excel fails', async () => {
    const fake = new FakeExcel();
    const busy = async (): Promise<never> => {
      throw new Error('Excel is busy (GeneralException)');
    };
    render(<App host={new OfficeHost(busy, fake.isSetSupported)} />);
    await userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never }).click(button('ตรวจ'));
    await waitFor(() => expect(screen.getByText('เกิดข้อผิดพลาด')).toBeTruthy());
    expect(screen.getByText(/Excel is busy/)).toBeTruthy();
  });
});

describe('a workbook of many sheets', () => {
  it('shows the first sheets\' counts and reading lines, the rest on request; a chosen sheet stays shown', async () => {
    const plan = snapshot.sheets.find((x) => x.name === PLAN)!;
    const many = { ...snapshot, sheets: Array.from({ length: 12 }, (_, i) => ({ ...plan, name: `แผน ${i + 1}` })) };
    const fake = FakeExcel.fromSnapshot(many, { apiVersion: '1.18' });
    const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
    render(<App host={new OfficeHost(fake.run, fake.isSetSupported)} now={NOW} />);
    await user.click(button('ตรวจ'));
    await waitFor(() => expect(screen.getAllByTestId('sheet-count')).toHaveLength(8));
    expect(screen.getAllByTestId('sheet-reading')).toHaveLength(5);
    await user.click(button('วิธีอ่านอีก 7 ชีต'));
    expect(screen.getAllByTestId('sheet-reading')).toHaveLength(12);
    await user.click(button('แสดงน้อยลง'));
    expect(screen.getAllByTestId('sheet-reading')).toHaveLength(5);
    // The sheet filter offers every sheet; one chosen there stays among the counts shown, pressed.
    await user.selectOptions(control('ชีต') as unknown as HTMLSelectElement, 'แผน 11');
    const shown = screen.getAllByTestId('sheet-count');
    expect(shown.map((b) => b.dataset.sheet)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 11].map((i) => `แผน ${i}`));
    expect(shown.at(-1)).toHaveAttribute('aria-pressed', 'true');
    await user.click(button('อีก 3 ชีต'));
    expect(screen.getAllByTestId('sheet-count')).toHaveLength(12);
    await user.click(screen.getAllByTestId('sheet-count').find((b) => b.dataset.sheet === 'แผน 12')!);
    await waitFor(() => expect(screen.queryAllByTestId('finding').length).toBeGreaterThan(0));
    expect(screen.getAllByTestId('finding').every((li) => li.dataset.sheet === 'แผน 12')).toBe(true);
  });
});

describe('fix and summarise in the pane', () => {
  it('previews a fix, writes what was previewed, and adds summary sheets', async () => {
    const { fake, user } = setup();
    await checkNow(user);
    await user.click(button('แปลงตัวเลข'));
    await waitFor(() => expect(region('แปลงตัวเลข')).not.toBeNull());
    expect(region('แปลงตัวเลข')!).toHaveTextContent('แผนปฏิบัติการ!O27: "๑,๖๕๑,๒๐๐ บาท" → 1,651,200');
    await user.click(button('ยกเลิก', region('แปลงตัวเลข')!));
    expect(region('แปลงตัวเลข')).toBeNull();

    await user.click(button('เติมผลรวม'));
    await waitFor(() => expect(region('เติมผลรวม')).not.toBeNull());
    const preview = region('เติมผลรวม')!;
    expect(preview).toHaveTextContent('ยอดที่ระบุไม่ตรงกับผลรวม 4 ช่อง');
    expect(preview).toHaveTextContent('แผนปฏิบัติการ!O27: ระบุ 1,651,200 แต่ผลรวมได้ 3,302,400');
    await user.click(control('แทนที่ยอดที่ไม่ตรงทั้ง 4 ช่องด้วยสูตร', preview));
    // The engine plans the new choice; until then the old plan is shown and cannot be confirmed.
    await waitFor(() => expect(button('ยืนยัน', region('เติมผลรวม')!)).toBeEnabled());
    await user.click(button('ยืนยัน', region('เติมผลรวม')!));
    await waitFor(() => expect(screen.getByText('เติมผลรวม เรียบร้อย')).toBeTruthy(), { timeout: 10_000 });
    expect(fake.state.sheet(PLAN)!.formulas.get('27,15')).toBe('=SUM(G27,I27,K27,M27)');

    await user.click(button('สร้างสรุป'));
    await waitFor(() => expect(screen.getByText(/เพิ่มชีต สรุปตามหน่วยงาน, สรุปตามตัวชี้วัด, สรุปรายไตรมาส, ผลการตรวจ แล้ว/)).toBeTruthy());
    expect(fake.state.sheet('สรุปตามตัวชี้วัด')).toBeDefined();
  });
});

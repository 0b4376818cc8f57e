/**
 * Stands in for Microsoft's office.js in the browser end-to-end tests: a FakeExcel seeded with the workbook in
 * `window.__PLANCHECK_WORKBOOK__`, exposed as the `Office` and `Excel` globals the task pane uses.
 */
import type { WorkbookSnapshot } from '../../src/domain/snapshot';
import { FakeExcel } from '../fakes/fake-excel';

declare global {
  interface Window {
    __PLANCHECK_WORKBOOK__?: WorkbookSnapshot;
    __PLANCHECK_API__?: string;
    __fakeExcel?: FakeExcel;
  }
}

const fake = FakeExcel.fromSnapshot(window.__PLANCHECK_WORKBOOK__ ?? { sheets: [] }, { apiVersion: window.__PLANCHECK_API__ ?? '1.18' });
window.__fakeExcel = fake;
const info = { host: 'Excel', platform: 'OfficeOnline' };
Object.assign(window, {
  Office: {
    HostType: { Excel: 'Excel', Word: 'Word' },
    onReady: (callback?: (i: typeof info) => void) => Promise.resolve(info).then((i) => (callback?.(i), i)),
    context: { requirements: { isSetSupported: fake.isSetSupported } },
  },
  Excel: { run: fake.run },
});

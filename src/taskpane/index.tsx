import { createRoot } from 'react-dom/client';
import { OfficeHost } from '../workbook/office/host';
import { App } from './App';
import { FileApp } from './FileApp';

const root = createRoot(document.getElementById('root') as HTMLElement);

/** Inside Excel: the pane checks the open workbook. Elsewhere (a plain browser) it opens an .xlsx file. */
function start(info: { host: Office.HostType | null }): void {
  if (typeof Office !== 'undefined' && info.host === Office.HostType.Excel) {
    const host = new OfficeHost(
      (batch) => Excel.run(batch),
      (name, version) => Office.context.requirements.isSetSupported(name, version),
    );
    // Sheet names are listed while the pane opens, so that a check then reads the workbook in one round trip.
    void host.listSheets().catch(() => undefined);
    root.render(<App host={host} />);
    return;
  }
  root.render(<FileApp />);
}

if (typeof Office === 'undefined') start({ host: null });
else void Office.onReady(start);

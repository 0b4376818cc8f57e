import { createRoot } from 'react-dom/client';
import { OfficeHost } from '../workbook/office/host';
import { App } from './App';
import { handOff } from './boot';
import { FileApp } from './FileApp';

/** Inside Excel: the pane checks the open workbook. Elsewhere (a plain browser) it opens an .xlsx file. */
function start(info: { host: Office.HostType | null }): void {
  const root = createRoot(document.getElementById('root') as HTMLElement);
  if (typeof Office !== 'undefined' && info.host === Office.HostType.Excel) {
    const host = new OfficeHost(
      (batch, options) => (options ? Excel.run(options, batch) : Excel.run(batch)),
      (name, version) => Office.context.requirements.isSetSupported(name, version),
    );
    // Sheet names are listed while the pane opens, so that a check then reads the workbook in one round trip.
    void host.listSheets().catch(() => undefined);
    root.render(<App host={host} />);
    return;
  }
  root.render(<FileApp />);
}

// office.js is loaded only inside Office (boot.js); a plain browser starts the file mode without waiting for the CDN.
void handOff()?.then((office) => {
  if (office === 'loaded' && typeof Office !== 'undefined') void Office.onReady(start);
  else start({ host: null });
});

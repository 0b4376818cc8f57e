import { FluentProvider, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { OfficeHost } from '../workbook/office/host';
import { App } from './App';
import { STRINGS } from './i18n/strings';
import { theme } from './theme';

const root = createRoot(document.getElementById('root') as HTMLElement);

/** Inside Excel: the pane checks the open workbook. Elsewhere it says where to open it. */
function start(info: { host: Office.HostType | null }): void {
  if (info.host === Office.HostType.Excel) {
    const host = new OfficeHost(
      (batch) => Excel.run(batch),
      (name, version) => Office.context.requirements.isSetSupported(name, version),
    );
    root.render(<App host={host} />);
    return;
  }
  root.render(
    <FluentProvider theme={theme}>
      <MessageBar intent="info">
        <MessageBarBody>
          {STRINGS.th.notInExcel}
          <br />
          {STRINGS.en.notInExcel}
        </MessageBarBody>
      </MessageBar>
    </FluentProvider>,
  );
}

if (typeof Office === 'undefined') start({ host: null });
else void Office.onReady(start);

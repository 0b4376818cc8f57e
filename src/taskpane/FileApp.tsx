import { Button, Checkbox, FluentProvider, MessageBar, MessageBarBody, Spinner, Text, makeStyles, shorthands, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { App } from './App';
import { STRINGS, type Lang, type Strings } from './i18n/strings';
import { openFailedText } from './state/selectors';
import { theme } from './theme';
import { openFile, type OpenedFile } from './worker/client';

const useStyles = makeStyles({
  root: { display: 'grid', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM, minWidth: 0, overflowWrap: 'anywhere' },
  drop: {
    display: 'grid',
    gap: tokens.spacingVerticalS,
    justifyItems: 'start',
    padding: tokens.spacingHorizontalL,
    ...shorthands.border('2px', 'dashed', tokens.colorNeutralStroke1),
    ...shorthands.borderRadius(tokens.borderRadiusLarge),
  },
  dragging: { ...shorthands.borderColor(tokens.colorBrandStroke1), backgroundColor: tokens.colorBrandBackground2 },
  bar: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap', flexBasis: '100%', minWidth: 0 },
});

/** Saves bytes as a file in the browser. */
function save(bytes: ArrayBuffer, name: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The pane without Excel: open (pick or drop) an .xlsx, then everything the pane does, and download a copy. */
export function FileApp({ initialLang = 'th' }: { initialLang?: Lang }) {
  const s = useStyles();
  const t = STRINGS[initialLang];
  // The file lives in a Web Worker (reading, analysing and patching run there), so the pane never freezes;
  // the package reader and patcher are in the worker's bundle, not in the Excel pane's.
  const [host, setHost] = useState<OpenedFile | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [withMarks, setWithMarks] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => () => host?.close(), [host]);

  const open = async (file: File): Promise<void> => {
    setError(null);
    setBusy(file.name);
    try {
      setHost(await openFile(await file.arrayBuffer(), file.name));
    } catch (e) {
      setError(openFailedText(file.name, e));
    } finally {
      setBusy(null);
    }
  };
  const onDrop = (e: DragEvent): void => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file) void open(file);
  };

  if (host) {
    // In the pane's own header, so it speaks the pane's language (the language button switches it too).
    const bar = (pt: Strings) => (
      <div className={s.bar}>
        <Button appearance="primary" onClick={() => void host.download({ marks: withMarks }).then((b) => save(b, host.copyName))} title={pt.downloadHint(host.copyName)}>
          {pt.download}
        </Button>
        <Checkbox label={pt.withMarks} checked={withMarks} onChange={(_, d) => setWithMarks(d.checked === true)} />
        <Text size={200}>{host.fileName}</Text>
        <Button
          appearance="subtle"
          onClick={() => {
            // Fixes, summaries and acknowledgements live only in this tab until downloaded.
            if (host.dirty && !window.confirm(pt.discardConfirm)) return;
            setHost(null);
          }}
        >
          {pt.openAnother}
        </Button>
      </div>
    );
    return <App engine={host.engine} initialLang={initialLang} bar={bar} />;
  }
  return (
    <FluentProvider theme={theme}>
      <main className={s.root}>
        <Text as="h1" size={500} weight="semibold">
          {t.appTitle}
        </Text>
        <Text>{t.fileIntro}</Text>
        <div
          className={`${s.drop} ${dragging ? s.dragging : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          data-testid="drop-zone"
        >
          <input
            ref={input}
            type="file"
            accept=".xlsx,.xlsm,.xltx,.xltm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-label={t.openFile}
            style={{ display: 'none' }}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void open(file);
              e.target.value = '';
            }}
          />
          <Button appearance="primary" onClick={() => input.current?.click()} disabled={busy !== null}>
            {t.openFile}
          </Button>
          <Text size={200}>{t.dropHere}</Text>
          {busy && <Spinner size="tiny" label={t.opening(busy)} />}
        </div>
        {error && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody style={{ whiteSpace: 'normal', overflowWrap: 'anywhere', minWidth: 0 }}>{error}</MessageBarBody>
          </MessageBar>
        )}
      </main>
    </FluentProvider>
  );
}

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { digest, judge, type Problem } from './helpers/fidelity';
import { libreOfficeProblems } from './helpers/fidelity-libreoffice';
import { FIDELITY_DIR, FIDELITY_FILES, WRITERS, write, type WriterName, type Written } from './helpers/fidelity-writers';

/**
 * Whose bytes these are: every copy PlanCheck writes of a user's workbook (fix, summarize, the browser's
 * download) keeps every part and cell it was not asked to change, converts cells so that they display as
 * before, and opens and recalculates in LibreOffice. The workbooks are in test/fixtures/fidelity/ (see its
 * README); the judge is test/helpers/fidelity.ts, itself tested in fidelity-judge.test.ts.
 *
 * SKIPPED until the package patcher (issue 9 item 3, branch `patcher`) replaces the exceljs writer: against
 * exceljs every writer fails here (the bug list is in the README of test/fixtures/fidelity/). When the patcher
 * is merged, change `describe.skip` below to `describe` — nothing else.
 */
jest.setTimeout(600_000);


interface Copy extends Written {
  problems: Problem[];
  libreOffice: Problem[];
}

describe('a copy written by PlanCheck keeps what the user did not ask it to change', () => {
  const copies = new Map<string, Copy>();
  const key = (file: string, writer: WriterName): string => `${file} ${writer}`;

  beforeAll(async () => {
    const batch: { label: string; ext: string; bytes: Uint8Array; actions: Written['actions']; key: string }[] = [];
    for (const file of FIDELITY_FILES) {
      const input = join(FIDELITY_DIR, file);
      const original = new Uint8Array(readFileSync(input));
      for (const writer of WRITERS) {
        const w = await write(writer, input);
        const problems = w.bytes ? judge(original, w.bytes, w.actions) : [];
        copies.set(key(file, writer), { ...w, problems, libreOffice: [] });
        if (w.bytes) batch.push({ label: `copy${batch.length}`, ext: extname(file), bytes: w.bytes, actions: w.actions, key: key(file, writer) });
      }
    }
    const opened = libreOfficeProblems(batch, mkdtempSync(join(tmpdir(), 'plancheck-fidelity-lo-')));
    for (const b of batch) copies.get(b.key)!.libreOffice = opened.get(b.label) ?? [];
  });

  describe.each(FIDELITY_FILES)('%s', (file) => {
    it.each(WRITERS)('%s writes a copy', (writer) => {
      expect(copies.get(key(file, writer))!.failure).toBeUndefined();
    });

    it.each(WRITERS)('%s: untouched parts byte for byte, untouched cells as they were, converted cells as they looked', (writer) => {
      const copy = copies.get(key(file, writer))!;
      expect(copy.bytes).toBeDefined();
      expect(digest(copy.problems)).toEqual([]);
    });

    it.each(WRITERS)('%s: LibreOffice opens the copy and recalculates what the actions wrote', (writer) => {
      const copy = copies.get(key(file, writer))!;
      expect(copy.bytes).toBeDefined();
      expect(digest(copy.libreOffice)).toEqual([]);
    });
  });
});

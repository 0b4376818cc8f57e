import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { convert } from '../../scripts/libreoffice';
import type { Action } from '../../src/domain/actions/types';
import { intentOf } from './fidelity-intent';
import { cellsOf, type Problem } from './fidelity-sheet';
import { sharedStrings, sheetsOf, stylesOf, unzip, xmlOf } from './ooxml';

export interface Written {
  /** A file name without extension, unique in the batch (ASCII: it names files on disk). */
  label: string;
  /** ".xlsx" or ".xlsm". */
  ext: string;
  bytes: Uint8Array;
  actions: Action[];
}

/**
 * The judge's last word: LibreOffice opens every written copy and recalculates it on load (a profile set to
 * recalculate, or it would keep the cached results). A copy it cannot open is a failure; so is a converted or
 * filled cell whose recalculated value is not what the action meant. One LibreOffice run for the whole batch.
 */
export function libreOfficeProblems(files: Written[], dir: string): Map<string, Problem[]> {
  const inDir = join(dir, 'in');
  const outDir = join(dir, 'out');
  mkdirSync(inDir, { recursive: true });
  const paths = files.map((f) => {
    const p = join(inDir, `${f.label}${f.ext}`);
    writeFileSync(p, f.bytes);
    return p;
  });
  const result = new Map<string, Problem[]>(files.map((f) => [f.label, []]));
  try {
    convert(paths, outDir, 'xlsx', join(dir, 'profile'));
  } catch (e) {
    for (const f of files) result.get(f.label)!.push({ check: 'libreoffice', where: f.label, detail: `LibreOffice failed: ${(e as Error).message.slice(0, 300)}` });
    return result;
  }
  for (const f of files) {
    const problems = result.get(f.label)!;
    const out = join(outDir, `${f.label}.xlsx`);
    if (!existsSync(out)) {
      problems.push({ check: 'libreoffice', where: f.label, detail: 'LibreOffice could not open the file (no converted copy)' });
      continue;
    }
    recalculated(unzip(readFileSync(out)), f, problems);
  }
  return result;
}

function recalculated(parts: ReturnType<typeof unzip>, f: Written, problems: Problem[]): void {
  const intent = intentOf(f.actions);
  const sheets = sheetsOf(parts);
  const side = { styles: stylesOf(parts), strings: sharedStrings(parts) };
  for (const name of intent.added) if (!sheets.some((s) => s.name === name)) problems.push({ check: 'libreoffice', where: name, detail: 'added sheet missing after LibreOffice opened the file' });
  for (const [sheet, targets] of intent.targets) {
    const part = sheets.find((s) => s.name === sheet)?.part;
    const root = part ? xmlOf(parts, part) : undefined;
    if (!root) {
      problems.push({ check: 'libreoffice', where: sheet, detail: 'sheet missing after LibreOffice opened the file' });
      continue;
    }
    const { cells } = cellsOf({ ...side, root }, [], sheet);
    for (const [ref, a] of targets) {
      const want = a.kind === 'set-number' ? a.value : a.expected;
      const got = cells.get(ref)?.number ?? null;
      if (got === null || Math.abs(got - want) > 0.005) problems.push({ check: 'libreoffice', where: `${sheet}!${ref}`, detail: `recalculated ${cells.get(ref)?.value ?? '(no cell)'}, meant ${want}` });
    }
  }
}

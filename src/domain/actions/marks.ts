import type { Analysis } from '../analyze';
import type { Finding, Severity } from '../rules/finding';
import { NOTE_PREFIXES } from './notes';
import { MARK_STYLES, type Action } from './types';

/** A finding's identity across re-checks, for acknowledgements: the same rule on the same cell. */
export function fingerprint(f: Pick<Finding, 'code' | 'sheet' | 'cell'>): string {
  return `${f.code}|${f.sheet}|${f.cell}`;
}

export interface MarkOptions {
  /** Fingerprints of acknowledged findings: they are not marked. */
  acknowledged?: ReadonlySet<string>;
  /** Severities to mark; infos are hygiene and not marked unless asked. */
  severities?: readonly Severity[];
  /** Add an explanation to each marked cell. */
  notes?: boolean;
  lang?: 'th' | 'en';
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Marks for an analysis: clear ours, then one overlay per sheet and severity over exactly the flagged cells.
 * A cell with several findings gets the mark of the most severe; its note lists every message.
 */
export function planMarks(analysis: Pick<Analysis, 'findings'>, options: MarkOptions = {}): Action[] {
  const severities = new Set(options.severities ?? ['error', 'warning']);
  const lang = options.lang ?? 'th';
  const open = analysis.findings.filter((f) => severities.has(f.severity) && !options.acknowledged?.has(fingerprint(f)));
  const byCell = new Map<string, { sheet: string; cell: string; severity: Severity; messages: string[] }>();
  for (const f of open) {
    // A group of findings (one code, many cells of the sheet) marks every cell of the group.
    for (const cell of f.count ? [f.cell, ...(f.related ?? [])] : [f.cell]) {
      const key = `${f.sheet}\u0000${cell}`;
      const known = byCell.get(key);
      if (!known) byCell.set(key, { sheet: f.sheet, cell, severity: f.severity, messages: [f.message[lang]] });
      else {
        if (RANK[f.severity] < RANK[known.severity]) known.severity = f.severity;
        known.messages.push(f.message[lang]);
      }
    }
  }
  const groups = new Map<string, { sheet: string; severity: Severity; cells: string[] }>();
  for (const c of byCell.values()) {
    const key = `${c.sheet}\u0000${c.severity}`;
    const g = groups.get(key) ?? { sheet: c.sheet, severity: c.severity, cells: [] };
    g.cells.push(c.cell);
    groups.set(key, g);
  }
  const actions: Action[] = [{ kind: 'clear-marks' }];
  for (const g of groups.values()) actions.push({ kind: 'mark', ...g, style: MARK_STYLES[g.severity] });
  if (options.notes) {
    for (const c of byCell.values()) {
      actions.push({ kind: 'note', sheet: c.sheet, cell: c.cell, text: `${NOTE_PREFIXES[lang]}${c.messages.join('\n')}` });
    }
  }
  return actions;
}

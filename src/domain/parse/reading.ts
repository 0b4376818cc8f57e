import type { PlanTable, SheetReading } from '../model';
import { bestNumbering } from './numbering';

/** What the reading of a layout rests on, gathered while its rows are read. */
export interface ReadingEvidence {
  statusRows: number;
  repeatedHeaders: number;
  numbersFromColumn: number;
  numbersFromName: number;
  /** Rows listing several projects whose budget cell does not list one amount per project. */
  listMismatch: number[];
}

/** Below this share of numbered projects in sequence (with enough of them), no numbering scheme fits. */
const MIN_FIT = 0.75;
const MIN_NUMBERED = 5;
/** Rows that fit nothing make the reading unsure from this many, and this share of the project rows. */
const MAX_NOT_UNDERSTOOD = 3;
const MAX_NOT_UNDERSTOOD_SHARE = 0.1;

/** How a complete plan table was read: the numbering that fits best, what was found, what was not understood. */
export function readingOf(table: PlanTable, e: ReadingEvidence): SheetReading {
  const numbered = table.projects.filter((p) => p.number !== null);
  const best = numbered.length > 0 ? bestNumbering(numbered) : null;
  const orphans = table.projects.filter((p) => p.reading === 'orphan').map((p) => p.row);
  const notUnderstood = [...new Set([...orphans, ...e.listMismatch])].sort((a, b) => a - b);
  const rows = new Set(table.projects.map((p) => p.row)).size;
  const listedRows = new Set(table.projects.filter((p) => p.item).map((p) => p.row));
  const badFit = best !== null && numbered.length >= MIN_NUMBERED && best.fit < MIN_FIT;
  const tooMany = notUnderstood.length >= MAX_NOT_UNDERSTOOD && notUnderstood.length >= MAX_NOT_UNDERSTOOD_SHARE * rows;
  return {
    numbering: best?.scheme ?? null,
    numberSource: e.numbersFromColumn > 0 && e.numbersFromName > 0 ? 'mixed' : e.numbersFromColumn > 0 ? 'column' : e.numbersFromName > 0 ? 'name' : null,
    numberingFit: best ? Math.round(best.fit * 1000) / 1000 : 1,
    itemisations: table.projects.filter((p) => p.children.length > 0 && table.projects[p.children[0] as number]?.reading === 'itemisation').length,
    unconfirmedItemisations: table.projects.filter((p) => p.children.length > 0 && table.projects[p.children[0] as number]?.reading === 'itemisation-unconfirmed').length,
    multiProjectCells: listedRows.size,
    inCellBreakdowns: table.projects.filter((p) => p.reading === 'in-cell-breakdown').length,
    statusRows: e.statusRows,
    repeatedHeaders: e.repeatedHeaders,
    carriedAgencies: table.projects.filter((p) => p.agencyCarried).length,
    notUnderstood,
    certainty: badFit || tooMany ? 'unsure' : 'certain',
  };
}

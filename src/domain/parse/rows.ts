import type { ColumnMap, Figure } from '../model';
import { parseAmount, parseInteger, toArabicDigits, type Amount } from '../thai';
import { memoize } from '../thai/memo';
import { isDateFormat } from '../base/formats';
import { TOTAL } from '../vocabulary';
import { address, type CellRef } from '../base/cells';
import { type Grid } from '../base/grid';
import type { CellValue } from '../snapshot';

/**
 * A figure read from a cell that is its own CellRef (`cell` is the figure itself): one object for each of the
 * ~20 figures of a plan row instead of a figure and a cell, the largest part of the plan model (≈ 1.5 MB per 10k
 * rows). A copy with another value (`{ ...figure, value }`) keeps this figure as its cell. The JSON is a plain
 * figure's: `{cell: {row, col, address}, raw, value, formula?}`, and `{row, col, address}` where it stands as a cell.
 */
class CellFigure<T> implements Figure<T>, CellRef {
  readonly cell: CellRef;
  declare formula?: string;

  constructor(
    readonly row: number,
    readonly col: number,
    public raw: CellValue,
    public value: T,
    formula: string | null,
  ) {
    this.cell = this;
    if (formula) this.formula = formula;
  }

  get address(): string {
    return address(this.row, this.col);
  }

  toJSON(key: string): object {
    const cell = { row: this.row, col: this.col, address: this.address };
    if (key === 'cell') return cell;
    return this.formula === undefined ? { cell, raw: this.raw, value: this.value } : { cell, raw: this.raw, value: this.value, formula: this.formula };
  }
}

/** A row read through a column map, optionally one column to the left (a shifted row). */
export class RowReader {
  constructor(
    readonly grid: Grid,
    readonly row: number,
    readonly offset: number,
  ) {}

  private at(col: number | undefined): number | undefined {
    if (col === undefined) return undefined;
    const c = col + this.offset;
    return c >= this.grid.firstCol ? c : undefined;
  }

  text(col: number | undefined): Figure<string> | null {
    const c = this.at(col);
    if (c === undefined || this.grid.isEmpty(this.row, c)) return null;
    return new CellFigure(this.row, c, this.grid.value(this.row, c), this.grid.text(this.row, c), null);
  }

  key(col: number | undefined): string {
    const c = this.at(col);
    return c === undefined ? '' : this.grid.key(this.row, c);
  }

  figure<T>(col: number | undefined, parse: (v: unknown) => T): Figure<T> | null {
    const c = this.at(col);
    if (c === undefined || this.grid.isEmpty(this.row, c)) return null;
    const raw = this.grid.value(this.row, c);
    const formula = this.grid.formula(this.row, c);
    return new CellFigure(this.row, c, raw, parse(raw), formula);
  }

  /** An amount cell; a number shown as a date (its format says so) is no amount, whatever its value. */
  amount(col: number | undefined): Figure<Amount> | null {
    const f = this.figure(col, parseAmount);
    if (f && typeof f.raw === 'number' && isDateFormat(this.grid.numberFormat(f.cell.row, f.cell.col))) {
      return { ...f, value: { kind: 'unreadable', text: `${f.raw} (${this.grid.numberFormat(f.cell.row, f.cell.col)})` } };
    }
    return f;
  }
}

/** "๑๒. โครงการ…" → 12; a list item "๑)" or a code "๑.๑" is not a project number. */
export function leadingNumber(text: string): number | null {
  const m = /^\s*([0-9]{1,3})\s*\.(?![0-9])/.exec(toArabicDigits(text));
  return m ? Number(m[1]) : null;
}

/** A number-column cell: "๑", "๑.", 1. */
export function numberCell(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isInteger(raw) && raw > 0 ? raw : null;
  if (typeof raw !== 'string') return null;
  return numberText(raw);
}

/** Number cells repeat ("๑", "๒", … in every table): read each text once. */
const numberText = memoize((raw: string): number | null =>
  parseInteger(raw.replace(/[.)]\s*$/, '').replace(/(\d),(?=\d{3})/g, '$1').replace(/([๐-๙]),(?=[๐-๙]{3})/g, '$1')),
);

/** Whether a label key opens a total row ("รวม", "ภาพรวม", "รวมจำนวน ๑๘ โครงการ/กิจกรรม"). */
export function isTotalLabel(key: string): boolean {
  if (!TOTAL.opens.test(key)) return false;
  return key.length <= 30 || TOTAL.longLabel.test(key);
}

/** A count stated in a total label: "รวมจำนวน ๑๘ โครงการ/กิจกรรม" → 18. */
export function statedCountIn(key: string): number | null {
  const m = TOTAL.count.exec(key);
  return m ? Number(m[1]) : null;
}

export function columnsOf(map: ColumnMap): number[] {
  const cols = [
    map.number, map.name, map.feature, map.method, map.budgetType, map.kpi, map.agency, map.budget, map.period,
    map.totalTarget, ...map.quarterTarget, ...map.quarterBudget, ...map.timeline,
  ];
  return cols.filter((c): c is number => c !== undefined).sort((a, b) => a - b);
}

/**
 * What the package reader refuses to read, so that a hostile or broken file fails fast with a clear message
 * instead of exhausting memory (the promise: any breach is reported within 20 s and 1.5 GB).
 *
 * Figures for scale: a 50,000-project quarterly plan (15 columns, Thai text) is about 35 MB of sheet XML,
 * 750,000 cells and 200,000 shared strings; the provincial plans this tool checks are a few hundred rows.
 * The streaming XML parser reads about 40 MB/s on the 2-core reference machine, so the inflated-size limit is
 * what bounds the time of the worst file that passes every other check.
 */
export const READ_LIMITS = {
  /**
   * Total bytes the reader inflates: the workbook, its relationships, styles, shared strings and worksheets
   * (other parts, such as images and charts, are never inflated). Checked first against the sizes the zip's
   * central directory declares, then enforced while inflating, where a part that inflates beyond its declared
   * size is refused as damaged (declared sizes can lie). 256 MB is seven times the 50,000-row plan and parses
   * in under 10 s; a zip bomb stops at the directory or at its first lying part.
   */
  inflatedBytes: 256 * 1024 * 1024,
  /**
   * Cells of one sheet's grid: from the sheet's first used column to each row's last cell, counted before the
   * grid is built (so one value in XFD1048576 costs one row, but A1 plus XFD on a million rows is refused).
   * Two million is 2.7 × the 50,000-row plan.
   */
  cellsPerSheet: 2_000_000,
  /** Cells of all sheets together: what keeps the snapshot itself within memory (about 200 bytes a cell). */
  cellsPerWorkbook: 5_000_000,
  /** Entries of the shared strings table: ten times the 50,000-row plan's unique texts. */
  sharedStrings: 2_000_000,
  /** Sheets in the workbook (all kinds): plans have one to twenty. */
  sheets: 500,
  /**
   * Characters between two tags of an XML part. Excel's longest texts (a cell's 32,767 characters, escaped)
   * are far below 4 M; a part that is megabytes of whitespace or text is a bomb, and refusing it early keeps
   * the parser from collecting it into one string.
   */
  textRun: 4 * 1024 * 1024,
} as const;

export type ReadLimits = { -readonly [K in keyof typeof READ_LIMITS]: number };

/** The defaults with a caller's overrides (tests use tiny limits). */
export function limitsWith(overrides: Partial<ReadLimits> = {}): ReadLimits {
  return { ...READ_LIMITS, ...overrides };
}

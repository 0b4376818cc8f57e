/** The port between hosts and the engine: snapshots in (actions out come with the task pane). */
export type { CellValue, DefinedName, SheetSnapshot, WorkbookSnapshot } from '../domain';
export { sheetSnapshotSchema, workbookSnapshotSchema } from '../domain';

/**
 * A typed, stateful fake of the part of office.js (Excel) this add-in uses. Like Excel, it queues every write
 * and load until `context.sync()`, throws on reading a property that was not loaded, counts syncs, estimates
 * request and response sizes in UTF-8 bytes against Excel on the web's 5 MB limits, and raises worksheet
 * change events. It has no Node dependencies, so the browser end-to-end tests bundle it too.
 */
import type { CellValue, WorkbookSnapshot } from '../../src/domain/snapshot';
import { type Area, areaAddress, intersects, parseArea, payloadBytes, splitAreas } from './a1';

export interface FakeCf {
  id: string;
  type: 'Custom' | 'CellValue';
  areas: Area[];
  formula: string;
  fill: string | null;
  font: string | null;
  /** Deleting it throws, as open office-js bugs make some deletes do. */
  deleteFails?: boolean;
  /** Reading its rule throws (office-js #6827: two cellValue rules on one range; #6835: a duplicated rule). */
  readFails?: boolean;
}

export interface FakeSheet {
  id: string;
  name: string;
  cells: Map<string, CellValue>;
  formulas: Map<string, string>;
  numberFormats: Map<string, string>;
  /** The user's own fills, by cell; the add-in must never change them. */
  fills: Map<string, string>;
  merges: string[];
  cfs: FakeCf[];
  /** Loading this sheet's conditional formats throws (office-js #6827, #6835: some rules cannot be read). */
  cfReadFails?: boolean;
  /** Protected (Review › Protect Sheet): every write to it is AccessDenied. */
  protected?: boolean;
  notes: Map<string, string>;
  /** Layout of generated sheets: page setup, print titles, frozen rows, column widths, bold cells, links. */
  layout: {
    orientation?: string;
    paperSize?: string;
    zoom?: unknown;
    printTitleRows?: string;
    frozenRows?: number;
    columnWidths: Map<string, number>;
    bold: Set<string>;
    links: Map<string, string>;
    hiddenColumns: Set<string>;
    /** Row heights set, by row number. */
    rowHeights: Map<number, number>;
    /** What a cell was given beyond its value: font, wrapping, alignment, borders (by A1 address). */
    looks: Map<string, FakeLook>;
  };
}

export interface FakeLook {
  font?: { name?: string; size?: number; bold?: boolean; italic?: boolean };
  wrapText?: boolean;
  horizontal?: string;
  vertical?: string;
  /** Edges drawn around or inside the ranges that covered this cell ("EdgeTop", "InsideHorizontal", …). */
  borders?: string[];
}

export interface FakeComment {
  id: string;
  sheet: string;
  cell: string;
  content: string;
  /** Replies in the thread; deleting the comment deletes them with it. */
  replies?: string[];
}

export interface FakeChangedEvent {
  worksheetId: string;
  address: string;
  changeType: 'RangeEdited' | 'RowInserted' | 'RowDeleted' | 'ColumnInserted' | 'ColumnDeleted';
  source: 'Local';
  /** Absent below ExcelApi 1.14, as in Excel. */
  triggerSource?: 'ThisLocalAddin' | 'Unknown';
}

export class FakeError extends Error {
  constructor(readonly code: string, message: string) {
    super(`${code}: ${message}`);
  }
}

const key = (row: number, col: number): string => `${row},${col}`;
const LIMIT = 5 * 1024 * 1024;

export class FakeWorkbookState {
  sheets: FakeSheet[] = [];
  settings = new Map<string, unknown>();
  comments: FakeComment[] = [];
  selection: { sheet: string; address: string } | null = null;
  activeSheet: string | null = null;
  eventsEnabled = true;
  /** Opened read-only (view mode): every write is AccessDenied. */
  readOnly = false;
  calculationMode: 'Automatic' | 'Manual' = 'Automatic';
  handlers: ((e: FakeChangedEvent) => Promise<void> | void)[] = [];
  private nextId = 1;

  id(prefix: string): string {
    return `${prefix}${this.nextId++}`;
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  addSheet(name: string): FakeSheet {
    const s: FakeSheet = {
      id: this.id('{sheet-'), name, cells: new Map(), formulas: new Map(), numberFormats: new Map(), fills: new Map(), merges: [], cfs: [], notes: new Map(),
      layout: { columnWidths: new Map(), bold: new Set(), links: new Map(), hiddenColumns: new Set(), rowHeights: new Map(), looks: new Map() },
    };
    this.sheets.push(s);
    return s;
  }
}

export interface FakeExcelOptions {
  /** Highest ExcelApi requirement set the fake host supports. */
  apiVersion?: string;
  /** Whether `runtime.enableEvents = false` silences the add-in's own writes (false: they fire, as a host might). */
  honoursEnableEvents?: boolean;
  requestLimit?: number;
  responseLimit?: number;
  /** How an oversized response fails: a payload error, or (as Excel on the web sometimes does) an internal error. */
  oversizedAs?: 'payload' | 'internal';
  /** Merged areas a range may hold before reading them fails (Excel: 512). */
  mergedAreasLimit?: number;
}

/** Excel documents that reading merged areas fails when a range holds more than this many. */
export const MERGED_AREAS_LIMIT = 512;
/** Excel on the web returns no values for a range of more cells than this. */
export const RANGE_CELLS_LIMIT = 5_000_000;

/** The fake host: state, counters, and `run` with the shape of Excel.run. */
export class FakeExcel {
  readonly state = new FakeWorkbookState();
  syncs = 0;
  suspendedScreenUpdates = 0;
  /** Size of every request and response, in bytes, in sync order. */
  readonly payloads: { request: number; response: number; ok: boolean }[] = [];
  readonly apiVersion: string;
  readonly requestLimit: number;
  readonly responseLimit: number;
  readonly oversizedAs: 'payload' | 'internal';
  readonly mergedAreasLimit: number;
  /** The next cell write to a sheet of this name fails, once (a request Excel refuses halfway: what stays?). */
  failWritesTo: string | null = null;
  /** The options of every Excel.run, in order (undefined: none given). */
  readonly runOptions: (Excel.RunOptions | undefined)[] = [];
  readonly honoursEnableEvents: boolean;

  constructor(options: FakeExcelOptions = {}) {
    this.mergedAreasLimit = options.mergedAreasLimit ?? MERGED_AREAS_LIMIT;
    this.oversizedAs = options.oversizedAs ?? 'payload';
    this.apiVersion = options.apiVersion ?? '1.18';
    this.honoursEnableEvents = options.honoursEnableEvents ?? true;
    this.requestLimit = options.requestLimit ?? LIMIT;
    this.responseLimit = options.responseLimit ?? LIMIT;
  }

  static fromSnapshot(snapshot: WorkbookSnapshot, options?: FakeExcelOptions): FakeExcel {
    const fake = new FakeExcel(options);
    for (const s of snapshot.sheets) {
      const sheet = fake.state.addSheet(s.name);
      s.values.forEach((row, i) =>
        row.forEach((v, j) => {
          const r = s.origin.row + i;
          const c = s.origin.column + j;
          if (v !== null && v !== '') sheet.cells.set(key(r, c), v);
          const f = s.formulas?.[i]?.[j];
          if (f) sheet.formulas.set(key(r, c), f);
          const nf = s.numberFormats?.[i]?.[j];
          if (nf && nf !== 'General') sheet.numberFormats.set(key(r, c), nf);
        }),
      );
      sheet.merges = [...s.merges];
    }
    fake.state.activeSheet = fake.state.sheets[0]?.name ?? null;
    return fake;
  }

  isSetSupported = (name: string, version: string): boolean => {
    if (name !== 'ExcelApi') return false;
    const [a, b] = version.split('.').map(Number);
    const [x, y] = this.apiVersion.split('.').map(Number);
    return (x ?? 0) > (a ?? 0) || ((x ?? 0) === (a ?? 0) && (y ?? 0) >= (b ?? 0));
  };

  /**
   * Excel.run: the host's order (batch, options) or Excel's (options, batch), as the browser build is called by the
   * pane; the options are recorded for tests to assert.
   */
  run = async <T>(
    first: ((context: Excel.RequestContext) => Promise<T>) | Excel.RunOptions,
    second?: ((context: Excel.RequestContext) => Promise<T>) | Excel.RunOptions,
  ): Promise<T> => {
    const batch = (typeof first === 'function' ? first : second) as (context: Excel.RequestContext) => Promise<T>;
    const options = (typeof first === 'function' ? second : first) as Excel.RunOptions | undefined;
    this.runOptions.push(options);
    const context = new FakeContext(this);
    return batch(context as unknown as Excel.RequestContext);
  };

  /** The user types into a cell: the value changes and, if events are on, onChanged fires. */
  async edit(sheetName: string, address: string, value: CellValue): Promise<void> {
    const sheet = this.state.sheet(sheetName);
    if (!sheet) throw new FakeError('ItemNotFound', sheetName);
    const a = parseArea(address);
    if (value === null || value === '') sheet.cells.delete(key(a.top, a.left));
    else sheet.cells.set(key(a.top, a.left), value);
    sheet.formulas.delete(key(a.top, a.left));
    await this.fire(sheet, address, 'Unknown');
  }

  /** The user inserts rows above `row`: every row from there moves down, and onChanged says RowInserted. */
  async insertRows(sheetName: string, row: number, count: number): Promise<void> {
    const sheet = this.state.sheet(sheetName);
    if (!sheet) throw new FakeError('ItemNotFound', sheetName);
    for (const m of [sheet.cells, sheet.formulas, sheet.numberFormats] as Map<string, unknown>[]) {
      const moved = [...m.entries()].map(([k, v]) => {
        const [r, c] = k.split(',').map(Number) as [number, number];
        return [r >= row ? key(r + count, c) : k, v] as const;
      });
      m.clear();
      for (const [k, v] of moved) m.set(k, v);
    }
    await this.fire(sheet, `${row}:${row + count - 1}`, 'Unknown', 'RowInserted');
  }

  async fire(sheet: FakeSheet, address: string, triggerSource: 'ThisLocalAddin' | 'Unknown', changeType: FakeChangedEvent['changeType'] = 'RangeEdited'): Promise<void> {
    const ours = triggerSource === 'ThisLocalAddin';
    if (!this.state.eventsEnabled && (!ours || this.honoursEnableEvents)) return;
    const tagged = this.isSetSupported('ExcelApi', '1.14');
    for (const h of [...this.state.handlers]) await h({ worksheetId: sheet.id, address, changeType, source: 'Local', ...(tagged ? { triggerSource } : {}) });
  }

  /** Everything a user sees of a sheet's formatting: fills, number formats, conditional formats, notes. */
  formatsOf(sheetName: string): unknown {
    const s = this.state.sheet(sheetName);
    if (!s) return null;
    return {
      fills: [...s.fills.entries()].sort(),
      numberFormats: [...s.numberFormats.entries()].sort(),
      cfs: s.cfs.map((c) => ({ ...c, id: undefined })),
      notes: [...s.notes.entries()].sort(),
      comments: this.state.comments.filter((c) => c.sheet === sheetName).map((c) => ({ ...c, id: undefined })),
    };
  }

  /** Cells covered by conditional formats whose formula contains `tag`, as A1 addresses per sheet. */
  markedCells(tag = 'plancheck'): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const s of this.state.sheets) {
      const cells = s.cfs.filter((c) => c.formula.includes(tag)).flatMap((c) => c.areas.map(areaAddress));
      if (cells.length) out[s.name] = cells.sort();
    }
    return out;
  }
}

type Step = { bytes: number; run: () => number | void };

/** A request context: a queue of steps that run, in order, at sync. */
export class FakeContext {
  readonly workbook: FakeWorkbookProxy;
  readonly runtime: { enableEvents: boolean };
  private steps: Step[] = [];
  private nullables: { resolve: () => void }[] = [];

  constructor(readonly host: FakeExcel) {
    this.workbook = new FakeWorkbookProxy(this);
    const ctx = this;
    this.runtime = {
      set enableEvents(v: boolean) {
        ctx.queue(16, () => {
          ctx.host.state.eventsEnabled = v;
        });
      },
      get enableEvents(): boolean {
        throw new FakeError('PropertyNotLoaded', 'runtime.enableEvents');
      },
    };
  }

  queue(bytes: number, run: () => number | void): void {
    this.steps.push({ bytes, run });
  }

  /** Throws as Excel does when writing to a protected sheet or a read-only workbook. */
  writable(sheet?: FakeSheet): void {
    if (this.host.state.readOnly) throw new FakeError('AccessDenied', 'the workbook is read-only');
    if (sheet?.protected) throw new FakeError('AccessDenied', `the sheet ${sheet.name} is protected`);
  }

  /** Registers an *OrNullObject proxy, whose isNullObject is known after the next sync. */
  nullable(resolve: () => void): void {
    this.nullables.push({ resolve });
  }

  async sync(): Promise<void> {
    const steps = this.steps;
    const nullables = this.nullables;
    this.steps = [];
    this.nullables = [];
    this.host.syncs++;
    const request = steps.reduce((n, s) => n + s.bytes, 0);
    if (request > this.host.requestLimit) {
      this.host.payloads.push({ request, response: 0, ok: false });
      throw new FakeError('RequestPayloadSizeLimitExceeded', `request of ${request} bytes`);
    }
    let response = 0;
    for (const s of steps) response += s.run() ?? 0;
    for (const n of nullables) n.resolve();
    const ok = response <= this.host.responseLimit;
    this.host.payloads.push({ request, response, ok });
    if (!ok && this.host.oversizedAs === 'internal') throw new FakeError('GeneralException', 'An internal error has occurred.');
    if (!ok) throw new FakeError('ResponsePayloadSizeLimitExceeded', `response of ${response} bytes`);
  }
}

/** Base of every proxy: loaded properties are readable only after a sync. */
abstract class Proxy {
  protected loaded: Record<string, unknown> = {};
  private nullState: boolean | undefined;

  constructor(protected readonly ctx: FakeContext) {}

  protected prop<T>(name: string): T {
    if (!(name in this.loaded)) throw new FakeError('PropertyNotLoaded', `${this.constructor.name}.${name} was not loaded`);
    return this.loaded[name] as T;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw new FakeError('PropertyNotLoaded', `${this.constructor.name}.isNullObject before sync`);
    return this.nullState;
  }

  protected trackNull(exists: () => boolean): void {
    this.ctx.nullable(() => {
      this.nullState = !exists();
    });
  }

  /** As Excel does, decided where the request reaches this object (a write queued after it does not change it). */
  protected trackNullInOrder(exists: () => boolean): void {
    this.ctx.queue(0, () => {
      this.nullState = !exists();
    });
  }

  /** Queues a load; `read` gives the values at sync time. */
  protected queueLoad(read: () => Record<string, unknown> | null): this {
    this.ctx.queue(40, () => {
      const values = read();
      if (values === null) return 0;
      Object.assign(this.loaded, values);
      return payloadBytes(values);
    });
    return this;
  }
}

const propsOf = (p: string | string[] | undefined): string[] =>
  (Array.isArray(p) ? p : (p ?? '').split(',')).map((s) => s.trim()).filter(Boolean);

class FakeWorkbookProxy extends Proxy {
  readonly worksheets: FakeWorksheetCollection;
  readonly settings: FakeSettings;
  readonly comments: FakeComments;
  readonly application: FakeApplication;

  constructor(ctx: FakeContext) {
    super(ctx);
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.settings = new FakeSettings(ctx);
    this.comments = new FakeComments(ctx);
    this.application = new FakeApplication(ctx);
  }

  get readOnly(): boolean {
    return this.prop('readOnly');
  }

  load(props?: string | string[]): this {
    return this.queueLoad(() => (propsOf(props).includes('readOnly') ? { readOnly: this.ctx.host.state.readOnly } : {}));
  }
}

class FakeApplication extends Proxy {
  suspendScreenUpdatingUntilNextSync(): void {
    this.ctx.queue(16, () => {
      this.ctx.host.suspendedScreenUpdates++;
    });
  }

  get calculationMode(): string {
    return this.prop('calculationMode');
  }

  load(props?: string | string[]): this {
    return this.queueLoad(() => (propsOf(props).includes('calculationMode') ? { calculationMode: this.ctx.host.state.calculationMode } : {}));
  }
}

class FakeWorksheetCollection extends Proxy {
  private itemProxies: FakeWorksheet[] = [];

  get items(): FakeWorksheet[] {
    this.prop('items');
    return this.itemProxies;
  }

  load(props?: string | string[]): this {
    return this.queueLoad(() => {
      this.itemProxies = this.ctx.host.state.sheets.map((s) => {
        const w = new FakeWorksheet(this.ctx, () => s);
        w.fill({ name: s.name, id: s.id });
        return w;
      });
      void props;
      return { items: this.ctx.host.state.sheets.map((s) => ({ name: s.name, id: s.id })) };
    });
  }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => {
      const s = this.ctx.host.state.sheet(name);
      if (!s) throw new FakeError('ItemNotFound', `worksheet ${name}`);
      return s;
    });
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    const w = new FakeWorksheet(this.ctx, () => this.ctx.host.state.sheet(name) ?? null);
    return w;
  }

  add(name: string): FakeWorksheet {
    let created: FakeSheet | null = null;
    this.ctx.queue(64, () => {
      this.ctx.writable();
      if (this.ctx.host.state.sheet(name)) throw new FakeError('ItemAlreadyExists', `worksheet ${name}`);
      if (name.length > 31 || /[\\/?*[\]:]/.test(name)) throw new FakeError('InvalidArgument', `worksheet name ${name}`);
      created = this.ctx.host.state.addSheet(name);
    });
    return new FakeWorksheet(this.ctx, () => created);
  }

  readonly onChanged = {
    add: (handler: (e: FakeChangedEvent) => Promise<void> | void) => {
      this.ctx.queue(32, () => {
        this.ctx.host.state.handlers.push(handler);
      });
      const ctx = this.ctx;
      return {
        context: ctx,
        remove: () =>
          ctx.queue(32, () => {
            ctx.host.state.handlers = ctx.host.state.handlers.filter((h) => h !== handler);
          }),
      };
    },
  };
}

class FakeWorksheet extends Proxy {
  constructor(ctx: FakeContext, private readonly target: () => FakeSheet | null) {
    super(ctx);
    this.trackNull(() => {
      try {
        return target() !== null;
      } catch {
        return false;
      }
    });
  }

  fill(values: Record<string, unknown>): void {
    Object.assign(this.loaded, values);
  }

  sheet(): FakeSheet {
    const s = this.target();
    if (!s) throw new FakeError('InvalidObjectPath', 'worksheet is a null object');
    return s;
  }

  get name(): string {
    return this.prop('name');
  }

  get id(): string {
    return this.prop('id');
  }

  load(props?: string | string[]): this {
    return this.queueLoad(() => {
      const s = this.target();
      if (!s) return null;
      const out: Record<string, unknown> = {};
      for (const p of propsOf(props)) if (p === 'name' || p === 'id') out[p] = s[p];
      return out;
    });
  }

  activate(): void {
    this.ctx.queue(32, () => {
      this.ctx.host.state.activeSheet = this.sheet().name;
    });
  }

  delete(): void {
    this.ctx.queue(32, () => {
      const s = this.sheet();
      this.ctx.writable();
      this.ctx.host.state.sheets = this.ctx.host.state.sheets.filter((x) => x !== s);
    });
  }

  set name(v: string) {
    this.ctx.queue(64, () => {
      const s = this.sheet();
      this.ctx.writable(s);
      if (this.ctx.host.state.sheets.some((x) => x !== s && x.name === v)) throw new FakeError('ItemAlreadyExists', `worksheet ${v}`);
      s.name = v;
    });
  }

  get protection(): { protected: boolean; load(p: string): void } {
    const ws = this;
    const p = new (class extends Proxy {
      get protected(): boolean {
        return this.prop('protected');
      }
      load(props: string): this {
        void props;
        return this.queueLoad(() => {
          const s = ws.target();
          return s ? { protected: s.protected === true } : null;
        });
      }
    })(this.ctx);
    return p;
  }

  get pageLayout(): { orientation: string; paperSize: string; zoom: unknown; setPrintTitleRows(rows: string): void } {
    const ctx = this.ctx;
    const sheet = () => this.sheet();
    const set = (k: 'orientation' | 'paperSize' | 'zoom', v: unknown) => ctx.queue(32, () => void ((sheet().layout as Record<string, unknown>)[k] = v));
    return {
      set orientation(v: string) { set('orientation', v); },
      get orientation(): string { throw new FakeError('PropertyNotLoaded', 'pageLayout.orientation'); },
      set paperSize(v: string) { set('paperSize', v); },
      get paperSize(): string { throw new FakeError('PropertyNotLoaded', 'pageLayout.paperSize'); },
      set zoom(v: unknown) { set('zoom', v); },
      get zoom(): unknown { throw new FakeError('PropertyNotLoaded', 'pageLayout.zoom'); },
      setPrintTitleRows: (rows: string) => ctx.queue(32, () => void (sheet().layout.printTitleRows = rows)),
    };
  }

  get freezePanes(): { freezeRows(n: number): void } {
    return { freezeRows: (n: number) => this.ctx.queue(32, () => void (this.sheet().layout.frozenRows = n)) };
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, this, () => (address ? parseArea(address) : { top: 1, left: 1, bottom: 1_048_576, right: 16_384 }));
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.ctx, this, () => ({ top: row + 1, left: col + 1, bottom: row + rows, right: col + cols }));
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    void valuesOnly;
    return new FakeRange(this.ctx, this, () => usedArea(this.sheet()), true);
  }

  getRanges(address: string): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, this, () => splitAreas(address).map(parseArea));
  }

  get notes(): FakeNotes {
    if (!this.ctx.host.isSetSupported('ExcelApi', '1.18')) throw new FakeError('ApiNotFound', 'worksheet.notes needs ExcelApi 1.18');
    return new FakeNotes(this.ctx, this);
  }
}

/**
 * A string written through `values` or `formulas` is read as Excel reads typing: a leading apostrophe makes the
 * rest text; a cell formatted as text ("@") keeps it as text; otherwise "=…" is a formula, "+…"/"-…" followed by
 * more is a formula too (Lotus entry), and a number-like string becomes a number.
 */
function typed(s: FakeSheet, k: string, x: unknown): void {
  s.formulas.delete(k);
  if (x === '') {
    s.cells.delete(k);
    return;
  }
  if (typeof x !== 'string') {
    s.cells.set(k, x as CellValue);
    return;
  }
  if (x.startsWith("'")) {
    s.cells.set(k, x.slice(1));
    return;
  }
  if (s.numberFormats.get(k) === '@') {
    s.cells.set(k, x);
    return;
  }
  if (x.startsWith('=')) s.formulas.set(k, x);
  else if (/^[+-]?\d[\d,]*(\.\d+)?$/.test(x)) s.cells.set(k, Number(x.replace(/,/g, '')));
  else if (/^[+-]./.test(x)) s.formulas.set(k, `=${x}`);
  else s.cells.set(k, x);
}

function usedArea(s: FakeSheet): Area | null {
  let area: Area | null = null;
  for (const k of s.cells.keys()) {
    const [r, c] = k.split(',').map(Number) as [number, number];
    area = area
      ? { top: Math.min(area.top, r), left: Math.min(area.left, c), bottom: Math.max(area.bottom, r), right: Math.max(area.right, c) }
      : { top: r, left: c, bottom: r, right: c };
  }
  return area;
}

const quoteSheet = (name: string): string => (/^[A-Za-z0-9_]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`);

class FakeRange extends Proxy {
  readonly format: {
    fill: { color: string };
    font: { color: string; bold: boolean; set(p: Record<string, unknown>): void };
    wrapText: boolean;
    horizontalAlignment: string;
    verticalAlignment: string;
    columnWidth: number;
    rowHeight: number;
    borders: { getItem(edge: string): { style: string; weight: string; color: string } };
  };

  constructor(ctx: FakeContext, private readonly ws: FakeWorksheet, private readonly area: () => Area | null, nullable = false) {
    super(ctx);
    if (nullable) this.trackNull(() => area() !== null);
    const range = this;
    const unloaded = (p: string) => () => {
      throw new FakeError('PropertyNotLoaded', p);
    };
    const boldCells = (on: boolean) => ctx.queue(48, () => range.eachCell((s, _k, r, c) => (on ? s.layout.bold.add(areaAddress({ top: r, left: c, bottom: r, right: c })) : undefined)));
    // Records what a write gave each cell of the range (generated sheets are small; the first 100 columns do).
    const look = (bytes: number, f: (l: FakeLook) => void) =>
      ctx.queue(bytes, () =>
        range.eachCell((s, _k, r, c) => {
          if (c > 100) return;
          const a1 = areaAddress({ top: r, left: c, bottom: r, right: c });
          const l = s.layout.looks.get(a1) ?? {};
          f(l);
          s.layout.looks.set(a1, l);
        }),
      );
    this.format = {
      fill: {
        set color(v: string) {
          ctx.queue(64, () => {
            ctx.writable(range.ws.sheet());
            range.eachCell((s, k) => s.fills.set(k, v));
          });
        },
        get color(): string {
          return unloaded('format.fill.color')();
        },
      },
      font: {
        set color(v: string) {
          void v;
          ctx.queue(64, () => undefined);
        },
        get color(): string {
          return unloaded('format.font.color')();
        },
        set bold(v: boolean) {
          boldCells(v);
        },
        get bold(): boolean {
          return unloaded('format.font.bold')();
        },
        set(p: Record<string, unknown>) {
          if (p.bold === true) boldCells(true);
          look(48, (l) => void (l.font = { ...l.font, ...(p as FakeLook['font']) }));
        },
      },
      set wrapText(v: boolean) {
        look(16, (l) => void (l.wrapText = v));
      },
      get wrapText(): boolean {
        return unloaded('format.wrapText')();
      },
      set columnWidth(v: number) {
        ctx.queue(32, () => {
          const a = range.area();
          if (a) for (let c = a.left; c <= Math.min(a.right, a.left + 100); c++) range.ws.sheet().layout.columnWidths.set(areaAddress({ top: 1, left: c, bottom: 1, right: c }).replace(/\d+$/, ''), v);
        });
      },
      get columnWidth(): number {
        return unloaded('format.columnWidth')();
      },
      set horizontalAlignment(v: string) {
        look(24, (l) => void (l.horizontal = v));
      },
      get horizontalAlignment(): string {
        return unloaded('format.horizontalAlignment')();
      },
      set verticalAlignment(v: string) {
        look(24, (l) => void (l.vertical = v));
      },
      get verticalAlignment(): string {
        return unloaded('format.verticalAlignment')();
      },
      set rowHeight(v: number) {
        ctx.queue(32, () => {
          const a = range.area();
          if (a) for (let r = a.top; r <= a.bottom; r++) range.ws.sheet().layout.rowHeights.set(r, v);
        });
      },
      get rowHeight(): number {
        return unloaded('format.rowHeight')();
      },
      borders: {
        getItem(edge: string) {
          const drawn = () => look(24, (l) => void (l.borders = [...new Set([...(l.borders ?? []), edge])]));
          return {
            set style(v: string) {
              if (v !== 'None') drawn();
            },
            get style(): string {
              return unloaded('format.borders.style')();
            },
            set weight(v: string) {
              void v;
              ctx.queue(16, () => undefined);
            },
            get weight(): string {
              return unloaded('format.borders.weight')();
            },
            set color(v: string) {
              void v;
              ctx.queue(16, () => undefined);
            },
            get color(): string {
              return unloaded('format.borders.color')();
            },
          };
        },
      },
    };
  }

  set columnHidden(v: boolean) {
    this.ctx.queue(32, () => {
      const a = this.area();
      if (a && v) for (let c = a.left; c <= a.right; c++) this.ws.sheet().layout.hiddenColumns.add(areaAddress({ top: 1, left: c, bottom: 1, right: c }).replace(/\d+$/, ''));
    });
  }

  merge(): void {
    this.ctx.queue(48, () => {
      this.ctx.writable(this.ws.sheet());
      const a = this.area();
      if (a) this.ws.sheet().merges.push(areaAddress(a));
    });
  }

  set hyperlink(v: { documentReference?: string; textToDisplay?: string }) {
    this.ctx.queue(payloadBytes(v), () => {
      const a = this.area();
      if (!a) return;
      const s = this.ws.sheet();
      s.layout.links.set(areaAddress(a), v.documentReference ?? '');
      if (v.textToDisplay !== undefined) s.cells.set(key(a.top, a.left), v.textToDisplay);
    });
  }

  private eachCell(f: (s: FakeSheet, k: string, r: number, c: number) => void): void {
    const a = this.area();
    if (!a) return;
    const s = this.ws.sheet();
    for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) f(s, key(r, c), r, c);
  }

  load(props?: string | string[]): this {
    return this.queueLoad(() => {
      const a = this.area();
      if (!a) return null;
      const s = this.ws.sheet();
      const grid = <T>(f: (r: number, c: number) => T): T[][] =>
        Array.from({ length: a.bottom - a.top + 1 }, (_, i) => Array.from({ length: a.right - a.left + 1 }, (_, j) => f(a.top + i, a.left + j)));
      const out: Record<string, unknown> = {};
      // Excel answers a range over its cell limit without values, and the caller must notice.
      const tooLarge = (a.bottom - a.top + 1) * (a.right - a.left + 1) > RANGE_CELLS_LIMIT;
      const cells = <T>(f: (r: number, c: number) => T): T[][] => (tooLarge ? [] : grid(f));
      for (const p of propsOf(props)) {
        if (p === 'address') out.address = `${quoteSheet(s.name)}!${areaAddress(a)}`;
        else if (p === 'rowIndex') out.rowIndex = a.top - 1;
        else if (p === 'columnIndex') out.columnIndex = a.left - 1;
        else if (p === 'rowCount') out.rowCount = a.bottom - a.top + 1;
        else if (p === 'columnCount') out.columnCount = a.right - a.left + 1;
        else if (p === 'values') out.values = cells((r, c) => s.cells.get(key(r, c)) ?? '');
        else if (p === 'formulas') out.formulas = cells((r, c) => s.formulas.get(key(r, c)) ?? s.cells.get(key(r, c)) ?? '');
        else if (p === 'numberFormat') out.numberFormat = cells((r, c) => s.numberFormats.get(key(r, c)) ?? 'General');
        else throw new FakeError('InvalidArgument', `the fake does not load Range.${p}`);
      }
      return out;
    });
  }

  get values(): unknown[][] {
    return this.prop('values');
  }
  set values(v: unknown[][]) {
    this.write(v, (s, k, x) => {
      if (x === null) return;
      typed(s, k, x);
    });
  }
  get formulas(): unknown[][] {
    return this.prop('formulas');
  }
  set formulas(v: unknown[][]) {
    this.write(v, (s, k, x) => {
      if (x === null) return;
      typed(s, k, x);
    });
  }
  get numberFormat(): unknown[][] {
    return this.prop('numberFormat');
  }
  set numberFormat(v: unknown[][]) {
    this.write(v, (s, k, x) => {
      if (x === null) return;
      if (x === '' || x === 'General') s.numberFormats.delete(k);
      else s.numberFormats.set(k, String(x));
    });
  }

  private write(v: unknown[][], put: (s: FakeSheet, k: string, x: unknown) => void): void {
    this.ctx.queue(payloadBytes(v), () => {
      const a = this.area();
      if (!a) throw new FakeError('InvalidObjectPath', 'range is a null object');
      this.ctx.writable(this.ws.sheet());
      if (this.ws.sheet().name === this.ctx.host.failWritesTo) {
        this.ctx.host.failWritesTo = null;
        throw new FakeError('GeneralException', 'An internal error has occurred.');
      }
      if (v.length !== a.bottom - a.top + 1 || v.some((r) => r.length !== a.right - a.left + 1)) {
        throw new FakeError('InvalidArgument', 'the array does not match the range size');
      }
      const s = this.ws.sheet();
      v.forEach((row, i) => row.forEach((x, j) => put(s, key(a.top + i, a.left + j), x)));
      void this.ctx.host.fire(s, areaAddress(a), 'ThisLocalAddin');
    });
  }

  get address(): string {
    return this.prop('address');
  }
  get rowIndex(): number {
    return this.prop('rowIndex');
  }
  get columnIndex(): number {
    return this.prop('columnIndex');
  }
  get rowCount(): number {
    return this.prop('rowCount');
  }
  get columnCount(): number {
    return this.prop('columnCount');
  }

  /** One row of this range (ExcelApi 1.1). */
  getRow(index: number): FakeRange {
    return new FakeRange(this.ctx, this.ws, () => {
      const a = this.area();
      return a ? { top: a.top + index, left: a.left, bottom: a.top + index, right: a.right } : null;
    });
  }

  /** This range grown or shrunk at its bottom-right corner (ExcelApi 1.2). */
  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return new FakeRange(this.ctx, this.ws, () => {
      const a = this.area();
      return a ? { ...a, bottom: a.bottom + deltaRows, right: a.right + deltaColumns } : null;
    });
  }

  /** The formula cells of this range as column runs (ExcelApi 1.9); a null object when there are none. */
  getSpecialCellsOrNullObject(type: 'Formulas'): FakeRangeAreas {
    if (type !== 'Formulas') throw new FakeError('InvalidArgument', `the fake knows only Formulas special cells, not ${String(type)}`);
    return new FakeRangeAreas(
      this.ctx,
      this.ws,
      () => {
        const a = this.area();
        if (!a) return [];
        const byCol = new Map<number, number[]>();
        for (const k of this.ws.sheet().formulas.keys()) {
          const [r, c] = k.split(',').map(Number) as [number, number];
          if (r < a.top || r > a.bottom || c < a.left || c > a.right) continue;
          const list = byCol.get(c) ?? [];
          list.push(r);
          byCol.set(c, list);
        }
        const out: Area[] = [];
        for (const [c, rows] of [...byCol].sort((x, y) => x[0] - y[0])) {
          rows.sort((x, y) => x - y);
          let top = rows[0] as number;
          for (let i = 1; i <= rows.length; i++) {
            if (i < rows.length && rows[i] === (rows[i - 1] as number) + 1) continue;
            out.push({ top, left: c, bottom: rows[i - 1] as number, right: c });
            if (i < rows.length) top = rows[i] as number;
          }
        }
        return out;
      },
      true,
    );
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    if (!this.ctx.host.isSetSupported('ExcelApi', '1.13')) throw new FakeError('ApiNotFound', 'getMergedAreasOrNullObject needs ExcelApi 1.13');
    return new FakeRangeAreas(
      this.ctx,
      this.ws,
      () => {
        const a = this.area();
        if (!a) return [];
        return this.ws.sheet().merges.map(parseArea).filter((m) => intersects(m, a));
      },
      true,
      this.ctx.host.mergedAreasLimit,
    );
  }

  select(): void {
    this.ctx.queue(32, () => {
      const a = this.area();
      if (a) this.ctx.host.state.selection = { sheet: this.ws.sheet().name, address: areaAddress(a) };
    });
  }

  get conditionalFormats(): FakeConditionalFormats {
    return new FakeConditionalFormats(this.ctx, this.ws, () => {
      const a = this.area();
      return a ? [a] : [];
    });
  }
}

class FakeRangeAreas extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly ws: FakeWorksheet,
    private readonly areas: () => Area[],
    nullable = false,
    private readonly limit = Infinity,
  ) {
    super(ctx);
    if (nullable) this.trackNull(() => areas().length > 0);
  }

  get address(): string {
    return this.prop('address');
  }

  load(props?: string | string[]): this {
    return this.queueLoad(() => {
      const areas = this.areas();
      if (areas.length > this.limit) throw new FakeError('GeneralException', `more than ${this.limit} merged areas`);
      if (areas.length === 0) return null;
      const name = quoteSheet(this.ws.sheet().name);
      return propsOf(props).includes('address') ? { address: areas.map((a) => `${name}!${areaAddress(a)}`).join(',') } : {};
    });
  }

  get conditionalFormats(): FakeConditionalFormats {
    return new FakeConditionalFormats(this.ctx, this.ws, this.areas);
  }
}

class FakeConditionalFormats extends Proxy {
  private itemProxies: FakeConditionalFormat[] = [];

  constructor(ctx: FakeContext, private readonly ws: FakeWorksheet, private readonly areas: () => Area[]) {
    super(ctx);
  }

  get items(): FakeConditionalFormat[] {
    this.prop('items');
    return this.itemProxies;
  }

  add(type: 'Custom'): FakeConditionalFormat {
    let created: FakeCf | null = null;
    this.ctx.queue(128, () => {
      const areas = this.areas();
      this.ctx.writable(this.ws.sheet());
      if (areas.length === 0) throw new FakeError('InvalidArgument', 'conditional format on an empty range');
      created = { id: this.ctx.host.state.id('{cf-'), type, areas, formula: '', fill: null, font: null };
      this.ws.sheet().cfs.push(created);
    });
    return new FakeConditionalFormat(this.ctx, this.ws, () => created);
  }

  /** By id (ExcelApi 1.6): throws ItemNotFound at sync when there is none. */
  getItem(id: string): FakeConditionalFormat {
    return new FakeConditionalFormat(this.ctx, this.ws, () => {
      const cf = this.ws.sheet().cfs.find((c) => c.id === id);
      if (!cf) throw new FakeError('ItemNotFound', `conditional format ${id}`);
      return cf;
    });
  }

  /** By id, or a null object (ExcelApi 1.14). */
  getItemOrNullObject(id: string): FakeConditionalFormat {
    if (!this.ctx.host.isSetSupported('ExcelApi', '1.14')) throw new FakeError('ApiNotFound', 'getItemOrNullObject needs ExcelApi 1.14');
    const p = new FakeConditionalFormat(this.ctx, this.ws, () => this.ws.sheet().cfs.find((c) => c.id === id) ?? null);
    p.nullable();
    return p;
  }

  /**
   * Loads the items, with what `props` names of each: `items/id`, `items/type`, `items/custom/rule/formula` (fails,
   * as Excel does, when any rule in the collection is of another kind: office-js #2180) or
   * `items/customOrNullObject/rule/formula` (a null object for other kinds). Reading a rule fails when one of them
   * is a rule Excel cannot read (office-js #6827, #6835), and on a sheet flagged `cfReadFails` any load fails.
   */
  load(props?: string | string[]): this {
    const wanted = propsOf(props);
    return this.queueLoad(() => {
      const areas = this.areas();
      if (this.ws.sheet().cfReadFails) throw new FakeError('GeneralException', 'An internal error has occurred.');
      const cfs = this.ws.sheet().cfs.filter((cf) => cf.areas.some((a) => areas.some((b) => intersects(a, b))));
      const rules = wanted.some((p) => /^items\/(custom|customOrNullObject|cellValue)\//.test(p));
      if (wanted.some((p) => p.startsWith('items/custom/')) && cfs.some((cf) => cf.type !== 'Custom')) {
        throw new FakeError('InvalidOperation', 'This operation is not permitted for the current object.');
      }
      if (rules && cfs.some((cf) => cf.readFails)) throw new FakeError('GeneralException', 'An internal error has occurred.');
      this.itemProxies = cfs.map((cf) => {
        const p = new FakeConditionalFormat(this.ctx, this.ws, () => cf);
        p.fill(cf, wanted.map((w) => w.replace(/^items\//, '')));
        return p;
      });
      return { items: cfs.map((cf) => ({ id: cf.id, ...(rules ? { formula: cf.formula } : {}) })) };
    });
  }
}

class FakeConditionalFormat extends Proxy {
  readonly custom: { rule: { formula: string }; format: { fill: { color: string }; font: { color: string } } };
  readonly customOrNullObject: { isNullObject: boolean; rule: { formula: string } };

  constructor(ctx: FakeContext, private readonly ws: FakeWorksheet, private readonly target: () => FakeCf | null) {
    super(ctx);
    const set = (f: (cf: FakeCf) => void) =>
      ctx.queue(64, () => {
        const cf = target();
        if (!cf) throw new FakeError('InvalidObjectPath', 'conditional format');
        f(cf);
      });
    const self = this;
    this.custom = {
      rule: {
        set formula(v: string) {
          set((cf) => (cf.formula = v));
        },
        get formula(): string {
          return self.prop('formula');
        },
      },
      format: {
        fill: {
          set color(v: string) {
            set((cf) => (cf.fill = v));
          },
          get color(): string {
            throw new FakeError('PropertyNotLoaded', 'fill.color');
          },
        },
        font: {
          set color(v: string) {
            set((cf) => (cf.font = v));
          },
          get color(): string {
            throw new FakeError('PropertyNotLoaded', 'font.color');
          },
        },
      },
    };
    this.customOrNullObject = {
      get isNullObject(): boolean {
        return !self.prop<boolean>('custom');
      },
      rule: {
        get formula(): string {
          return self.prop('formula');
        },
      },
    };
  }

  /** What a collection load brought of this item: only the properties named. */
  fill(cf: FakeCf, props: string[]): void {
    for (const p of props) {
      if (p === 'id') this.loaded.id = cf.id;
      else if (p === 'type') this.loaded.type = cf.type;
      else if (p.startsWith('custom/rule/formula')) this.loaded.formula = cf.formula;
      else if (p.startsWith('customOrNullObject')) {
        this.loaded.custom = cf.type === 'Custom';
        if (p.endsWith('rule/formula') && cf.type === 'Custom') this.loaded.formula = cf.formula;
      } else throw new FakeError('InvalidArgument', `the fake does not load ConditionalFormat.${p}`);
    }
  }

  nullable(): void {
    this.trackNull(() => this.target() !== null);
  }

  load(props?: string | string[]): this {
    void props;
    return this.queueLoad(() => {
      const cf = this.target();
      return cf ? { id: cf.id, type: cf.type, formula: cf.formula, custom: cf.type === 'Custom' } : null;
    });
  }

  get id(): string {
    return this.prop('id');
  }
  get type(): string {
    return this.prop('type');
  }

  delete(): void {
    this.ctx.queue(32, () => {
      const cf = this.target();
      const s = this.ws.sheet();
      this.ctx.writable(s);
      if (!cf) throw new FakeError('InvalidObjectPath', 'conditional format is a null object');
      if (cf.deleteFails) throw new FakeError('GeneralException', 'An internal error has occurred.');
      s.cfs = s.cfs.filter((x) => x !== cf);
    });
  }
}

/** A note (ExcelApi 1.18), by cell; `content` readable once loaded. */
class FakeNote extends Proxy {
  constructor(ctx: FakeContext, private readonly ws: FakeWorksheet, private readonly cell: () => string | null) {
    super(ctx);
  }

  nullable(): this {
    this.trackNull(() => {
      const c = this.cell();
      return c !== null && this.ws.sheet().notes.has(c);
    });
    return this;
  }

  fill(content: string): this {
    Object.assign(this.loaded, { content });
    return this;
  }

  get content(): string {
    return this.prop('content');
  }

  load(props?: string | string[]): this {
    void props;
    return this.queueLoad(() => {
      const c = this.cell();
      const content = c === null ? undefined : this.ws.sheet().notes.get(c);
      return content === undefined ? null : { content };
    });
  }

  delete(): void {
    this.ctx.queue(32, () => {
      const s = this.ws.sheet();
      this.ctx.writable(s);
      const c = this.cell();
      if (c === null || !s.notes.has(c)) throw new FakeError('ItemNotFound', `note at ${c ?? '?'}`);
      s.notes.delete(c);
    });
  }
}

class FakeNotes extends Proxy {
  private itemProxies: FakeNote[] = [];

  constructor(ctx: FakeContext, private readonly ws: FakeWorksheet) {
    super(ctx);
  }

  get items(): FakeNote[] {
    this.prop('items');
    return this.itemProxies;
  }

  add(cell: string, content: string): void {
    this.ctx.queue(payloadBytes(content) + 32, () => {
      const s = this.ws.sheet();
      this.ctx.writable(s);
      const a = areaAddress(parseArea(cell));
      if (s.notes.has(a)) throw new FakeError('InvalidArgument', `a note already exists at ${a}`);
      if (this.ctx.host.state.comments.some((c) => c.sheet === s.name && c.cell === a)) throw new FakeError('InvalidOperation', `a comment already exists at ${a}`);
      s.notes.set(a, content);
    });
  }

  getItemOrNullObject(cell: string): FakeNote {
    const a = areaAddress(parseArea(cell));
    return new FakeNote(this.ctx, this.ws, () => a).nullable();
  }

  load(props?: string | string[]): this {
    void props;
    return this.queueLoad(() => {
      const s = this.ws.sheet();
      this.itemProxies = [...s.notes.entries()].map(([cell, content]) => new FakeNote(this.ctx, this.ws, () => cell).fill(content));
      return { items: [...s.notes.values()] };
    });
  }
}

/** A threaded comment: content, where it is, its replies; deleting it deletes the thread. */
class FakeCommentProxy extends Proxy {
  readonly replies: { getCount(): { value: number } };

  constructor(ctx: FakeContext, private readonly comment: FakeComment) {
    super(ctx);
    Object.assign(this.loaded, { id: comment.id, content: comment.content });
    this.replies = {
      getCount: () => {
        const result = { value: -1 };
        let known = false;
        ctx.queue(32, () => {
          result.value = comment.replies?.length ?? 0;
          known = true;
          return 8;
        });
        return {
          get value(): number {
            if (!known) throw new FakeError('PropertyNotLoaded', 'replies.getCount() before sync');
            return result.value;
          },
        };
      },
    };
  }

  get id(): string {
    return this.prop('id');
  }

  get content(): string {
    return this.prop('content');
  }

  getLocation(): FakeRange {
    const ws = new FakeWorksheet(this.ctx, () => this.ctx.host.state.sheet(this.comment.sheet) ?? null);
    return new FakeRange(this.ctx, ws, () => parseArea(this.comment.cell));
  }

  delete(): void {
    this.ctx.queue(32, () => {
      const state = this.ctx.host.state;
      this.ctx.writable(state.sheet(this.comment.sheet));
      state.comments = state.comments.filter((x) => x !== this.comment);
    });
  }
}

class FakeComments extends Proxy {
  private itemProxies: FakeCommentProxy[] = [];

  get items(): FakeCommentProxy[] {
    this.prop('items');
    return this.itemProxies;
  }

  add(cellAddress: string, content: string): void {
    if (!this.ctx.host.isSetSupported('ExcelApi', '1.10')) throw new FakeError('ApiNotFound', 'comments need ExcelApi 1.10');
    this.ctx.queue(payloadBytes(content) + 32, () => {
      const sheetName = cellAddress.slice(0, cellAddress.lastIndexOf('!')).replace(/^'|'$/g, '').replace(/''/g, "'");
      const sheet = this.ctx.host.state.sheet(sheetName);
      if (!sheet) throw new FakeError('ItemNotFound', `worksheet ${sheetName}`);
      this.ctx.writable(sheet);
      const cell = areaAddress(parseArea(cellAddress));
      // Excel keeps one thread per cell, and a cell with a note takes no threaded comment.
      if (this.ctx.host.state.comments.some((c) => c.sheet === sheetName && c.cell === cell)) throw new FakeError('InvalidOperation', `a comment already exists at ${cell}`);
      if (sheet.notes.has(cell)) throw new FakeError('InvalidOperation', `a note already exists at ${cell}`);
      this.ctx.host.state.comments.push({ id: this.ctx.host.state.id('{comment-'), sheet: sheetName, cell, content });
    });
  }

  load(props?: string | string[]): this {
    void props;
    return this.queueLoad(() => {
      const state = this.ctx.host.state;
      this.itemProxies = state.comments.map((c) => new FakeCommentProxy(this.ctx, c));
      return { items: state.comments.map((c) => c.content) };
    });
  }
}

class FakeSettings extends Proxy {
  add(key: string, value: unknown): void {
    this.ctx.queue(payloadBytes(value) + 32, () => void this.ctx.host.state.settings.set(key, value));
  }

  getItemOrNullObject(key: string): { value: unknown; isNullObject: boolean; load(p: string): void } {
    const ctx = this.ctx;
    const item = new (class extends Proxy {
      get value(): unknown {
        return this.prop('value');
      }
      load(p: string): this {
        void p;
        return this.queueLoad(() => (ctx.host.state.settings.has(key) ? { value: ctx.host.state.settings.get(key) } : null));
      }
      track(): this {
        this.trackNullInOrder(() => ctx.host.state.settings.has(key));
        return this;
      }
    })(ctx);
    return item.track();
  }
}

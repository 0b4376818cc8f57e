/**
 * A minimal .xlsx writer for the excel-native fixtures: sheets of cells (numbers, text, TRUE/FALSE, formulas with
 * or without a cached value), number formats and merges, written part by part with fflate so that every cached
 * value is exactly what the generator says (no library recalculates or drops them).
 */
import { strToU8, zipSync } from 'fflate';

export type Cached = number | string | boolean | { error: string } | undefined;

export interface Cell {
  value?: number | string | boolean;
  formula?: string;
  /** The formula's cached value; undefined writes no <v> at all (a generator that never calculated). */
  cached?: Cached;
  format?: string;
}

export interface Sheet {
  name: string;
  cells: Map<string, Cell>;
  merges: string[];
  widths?: number[];
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function split(a1: string): { col: string; row: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(a1);
  if (!m) throw new Error(`bad address ${a1}`);
  return { col: m[1] as string, row: Number(m[2]) };
}

const colNumber = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

export function writeXlsx(sheets: Sheet[]): Uint8Array {
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const sst = (s: string): number => {
    let i = stringIndex.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      stringIndex.set(s, i);
    }
    return i;
  };
  const formats: string[] = [];
  const style = (format: string | undefined): number => {
    if (!format) return 0;
    let i = formats.indexOf(format);
    if (i < 0) i = formats.push(format) - 1;
    return i + 1;
  };
  const sheetXml = sheets.map((sh) => {
    const rows = new Map<number, [string, Cell][]>();
    for (const [a, c] of sh.cells) {
      const { row } = split(a);
      const list = rows.get(row) ?? [];
      list.push([a, c]);
      rows.set(row, list);
    }
    const body = [...rows.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([r, cells]) => {
        const cs = cells
          .sort((a, b) => colNumber(split(a[0]).col) - colNumber(split(b[0]).col))
          .map(([a, c]) => {
            const s = style(c.format);
            const sAttr = s ? ` s="${s}"` : '';
            if (c.formula !== undefined) {
              const f = `<f>${esc(c.formula.replace(/^=/, ''))}</f>`;
              const v = c.cached;
              if (v === undefined) return `<c r="${a}"${sAttr}>${f}</c>`;
              if (typeof v === 'number') return `<c r="${a}"${sAttr}>${f}<v>${v}</v></c>`;
              if (typeof v === 'boolean') return `<c r="${a}"${sAttr} t="b">${f}<v>${v ? 1 : 0}</v></c>`;
              if (typeof v === 'string') return `<c r="${a}"${sAttr} t="str">${f}<v>${esc(v)}</v></c>`;
              return `<c r="${a}"${sAttr} t="e">${f}<v>${esc(v.error)}</v></c>`;
            }
            const v = c.value;
            if (v === undefined) return `<c r="${a}"${sAttr}/>`;
            if (typeof v === 'number') return `<c r="${a}"${sAttr}><v>${v}</v></c>`;
            if (typeof v === 'boolean') return `<c r="${a}"${sAttr} t="b"><v>${v ? 1 : 0}</v></c>`;
            return `<c r="${a}"${sAttr} t="s"><v>${sst(v)}</v></c>`;
          })
          .join('');
        return `<row r="${r}">${cs}</row>`;
      })
      .join('');
    const cols = sh.widths ? `<cols>${sh.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>` : '';
    const merges = sh.merges.length ? `<mergeCells count="${sh.merges.length}">${sh.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '';
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${cols}<sheetData>${body}</sheetData>${merges}</worksheet>`;
  });
  const numFmts = formats.map((f, i) => `<numFmt numFmtId="${164 + i}" formatCode="${esc(f)}"/>`).join('');
  const xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>', ...formats.map((_, i) => `<xf numFmtId="${164 + i}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`)];
  const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${formats.length ? `<numFmts count="${formats.length}">${numFmts}</numFmts>` : ''}<fonts count="1"><font><sz val="14"/><name val="TH SarabunPSK"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
  const shared = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join('')}</sst>`;
  const workbook = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets><calcPr calcId="191029"/></workbook>`;
  const wbRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId${sheets.length + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
  const types = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`;
  const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(types),
    '_rels/.rels': strToU8(rels),
    'xl/workbook.xml': strToU8(workbook),
    'xl/_rels/workbook.xml.rels': strToU8(wbRels),
    'xl/styles.xml': strToU8(styles),
    'xl/sharedStrings.xml': strToU8(shared),
  };
  sheetXml.forEach((x, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(x)));
  // A fixed timestamp: the same script run twice writes the same bytes.
  return zipSync(files, { level: 6, mtime: new Date('2023-10-01T00:00:00Z') });
}

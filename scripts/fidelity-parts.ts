/*
 * The package parts of the fidelity workbooks that LibreOffice cannot write, as Excel writes them: threaded
 * comments with their persons list and legacy-note twins, custom document properties carrying a sensitivity
 * label, a table (ListObject), an internal hyperlink, a macro project. Used by scripts/make-fidelity.ts.
 */

export const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  pkgRel: 'http://schemas.openxmlformats.org/package/2006/relationships',
  threaded: 'http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments',
};

export const REL = {
  comments: `${NS.rel}/comments`,
  vml: `${NS.rel}/vmlDrawing`,
  threaded: 'http://schemas.microsoft.com/office/2017/10/relationships/threadedComment',
  person: 'http://schemas.microsoft.com/office/2017/10/relationships/person',
  custom: `${NS.rel}/custom-properties`,
  labels: 'http://schemas.microsoft.com/office/2020/02/relationships/classificationlabels',
  table: `${NS.rel}/table`,
  worksheet: `${NS.rel}/worksheet`,
  vba: 'http://schemas.microsoft.com/office/2006/relationships/vbaProject',
};

export const TYPE = {
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  threaded: 'application/vnd.ms-excel.threadedcomments+xml',
  person: 'application/vnd.ms-excel.person+xml',
  custom: 'application/vnd.openxmlformats-officedocument.custom-properties+xml',
  labels: 'application/vnd.ms-office.classificationlabels+xml',
  table: 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml',
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  vba: 'application/vnd.ms-office.vbaProject',
  macroWorkbook: 'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
  workbook: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
};

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface Person {
  id: string;
  name: string;
}

export interface Thread {
  cell: string;
  /** Column and row, zero-based, for the note's VML anchor. */
  at: { col: number; row: number };
  comments: { id: string; person: Person; date: string; text: string }[];
}

export interface Note {
  cell: string;
  at: { col: number; row: number };
  author: string;
  text: string;
}

export function personsPart(people: Person[]): string {
  const list = people.map((p) => `<person displayName="${esc(p.name)}" id="${p.id}" userId="${esc(p.name)}" providerId="None"/>`).join('');
  return `${XML}<personList xmlns="${NS.threaded}" xmlns:x="${NS.main}">${list}</personList>`;
}

export function threadedCommentsPart(threads: Thread[]): string {
  const items = threads.flatMap((t) =>
    t.comments.map(
      (c, i) =>
        `<threadedComment ref="${t.cell}" dT="${c.date}" personId="${c.person.id}" id="${c.id}"${i > 0 ? ` parentId="${t.comments[0]!.id}"` : ''}><text>${esc(c.text)}</text></threadedComment>`,
    ),
  );
  return `${XML}<ThreadedComments xmlns="${NS.threaded}" xmlns:x="${NS.main}">${items.join('')}</ThreadedComments>`;
}

/** The legacy comments part: Excel writes a plain twin of each thread (for older readers) beside real notes. */
export function commentsPart(threads: Thread[], notes: Note[]): string {
  const authors = [...threads.map((t) => `tc=${t.comments[0]!.id}`), ...new Set(notes.map((n) => n.author))];
  const legacy = (t: Thread): string =>
    '[Threaded comment]\n\nYour version of Excel allows you to read this threaded comment; however, any edits to it will get removed if the file is opened in a newer version of Excel. Learn more: https://go.microsoft.com/fwlink/?linkid=870924\n\nComment:\n    ' +
    t.comments.map((c, i) => `${i > 0 ? 'Reply:\n    ' : ''}${c.text}`).join('\n');
  const list = [
    ...threads.map((t, i) => `<comment ref="${t.cell}" authorId="${i}" shapeId="0" xr:uid="${t.comments[0]!.id}"><text><t>${esc(legacy(t))}</t></text></comment>`),
    ...notes.map(
      (n) =>
        `<comment ref="${n.cell}" authorId="${authors.indexOf(n.author)}" shapeId="0"><text><r><rPr><b/><sz val="9"/><color indexed="81"/><rFont val="Tahoma"/><family val="2"/></rPr><t>${esc(n.author)}:</t></r><r><rPr><sz val="9"/><color indexed="81"/><rFont val="Tahoma"/><family val="2"/></rPr><t xml:space="preserve">\n${esc(n.text)}</t></r></text></comment>`,
    ),
  ];
  return `${XML}<comments xmlns="${NS.main}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="xr" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision"><authors>${authors.map((a) => `<author>${esc(a)}</author>`).join('')}</authors><commentList>${list.join('')}</commentList></comments>`;
}

/** The VML shapes that place each note's box; Excel needs one per legacy comment. */
export function notesVml(anchors: { col: number; row: number }[]): string {
  const shapes = anchors.map(
    (a, i) =>
      `<v:shape id="_x0000_s${1025 + i}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:180pt;height:60pt;z-index:${i + 1};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${a.col + 1}, 15, ${a.row}, 2, ${a.col + 4}, 15, ${a.row + 4}, 16</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${a.row}</x:Row><x:Column>${a.col}</x:Column></x:ClientData></v:shape>`,
  );
  return `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>${shapes.join('')}</xml>`;
}

export interface Label {
  id: string;
  siteId: string;
  name: string;
  date: string;
}

const FMTID = '{D5CDD505-2E9C-101B-9397-08002B2CF9AE}';

/** Custom document properties: the Microsoft Information Protection label Office stamps, and the office's own. */
export function customPropertiesPart(label: Label, own: Record<string, string>): string {
  const key = `MSIP_Label_${label.id}`;
  const props: [string, string][] = [
    [`${key}_Enabled`, 'true'],
    [`${key}_SetDate`, label.date],
    [`${key}_Method`, 'Standard'],
    [`${key}_Name`, label.name],
    [`${key}_SiteId`, label.siteId],
    [`${key}_ActionId`, '5c1f3c52-7b57-4d55-9a59-0b7c1e2b9d11'],
    [`${key}_ContentBits`, '0'],
    ...Object.entries(own),
  ];
  const items = props.map(([name, value], i) => `<property fmtid="${FMTID}" pid="${i + 2}" name="${esc(name)}"><vt:lpwstr>${esc(value)}</vt:lpwstr></property>`);
  return `${XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">${items.join('')}</Properties>`;
}

/** The label part newer Office versions write beside the properties (docMetadata/LabelInfo.xml). */
export function labelInfoPart(label: Label): string {
  return `${XML}<clbl:labelList xmlns:clbl="http://schemas.microsoft.com/office/2020/mipLabelMetadata"><clbl:label id="{${label.id}}" enabled="1" method="Standard" siteId="{${label.siteId}}" contentBits="0" removed="0"/></clbl:labelList>`;
}

/** A plain sheet whose rows hold inline strings, with one table (ListObject) over all of them. */
export function tableSheet(rows: string[][]): { sheet: string; table: (id: number, name: string) => string } {
  const cols = rows[0]!.length;
  const last = `${String.fromCharCode(64 + cols)}${rows.length}`;
  const cells = rows
    .map((r, i) => `<row r="${i + 1}">${r.map((v, j) => `<c r="${String.fromCharCode(65 + j)}${i + 1}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`).join('')}</row>`)
    .join('');
  const sheet = `${XML}<worksheet xmlns="${NS.main}" xmlns:r="${NS.rel}"><dimension ref="A1:${last}"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="24"/><cols><col min="1" max="${cols}" width="28" customWidth="1"/></cols><sheetData>${cells}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>`;
  const table = (id: number, name: string): string =>
    `${XML}<table xmlns="${NS.main}" id="${id}" name="${name}" displayName="${name}" ref="A1:${last}"><autoFilter ref="A1:${last}"/><tableColumns count="${cols}">${rows[0]!.map((h, j) => `<tableColumn id="${j + 1}" name="${esc(h)}"/>`).join('')}</tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`;
  return { sheet, table };
}

/**
 * A stand-in for a VBA project: a compound-file header (the signature Office checks first) and a fixed,
 * seeded body. Nothing may read it; the test is that every byte of it comes back.
 */
export function vbaProjectBin(): Uint8Array {
  const out = new Uint8Array(3072);
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  out.set([0x3e, 0x00, 0x03, 0x00, 0xfe, 0xff, 0x09, 0x00], 24);
  let x = 0x2566;
  for (let i = 512; i < out.length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

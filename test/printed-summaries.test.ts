import { execFileSync } from 'node:child_process';
import { unzipSync, zipSync } from 'fflate';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../src/cli/main';
import { SUMMARY_SHEETS } from '../src/domain';
import { readXlsx } from '../src/workbook/xlsx/read';
import { convert } from '../scripts/libreoffice';

/**
 * The summaries as they print: the CLI's summarised workbooks are printed to PDF by headless LibreOffice and the
 * PDF's text is read back (poppler). What a clerk holds must be in one digit style, and the notes under each title
 * must be there whole, on lines that do not run into each other.
 */
jest.setTimeout(300_000);

const FIXTURES = ['chiangmai-2566-clean', 'narathiwat-2566', 'phetchaburi-2566'];
/** The Chiang Mai plan with every digit of its text in Arabic: a plan written the other way. */
const ARABIC = 'chiangmai-arabic';
const dir = mkdtempSync(join(tmpdir(), 'plancheck-print-'));
const quiet = { stdout: () => undefined, stderr: () => undefined };
/** How each summary's title starts, in SUMMARY_SHEETS order. */
const MARKERS = ['สรุปงบประมาณตามหน่วยงาน', 'สรุปโครงการและงบประมาณตามเป้าหมายและตัวชี้วัด', 'สรุปรายไตรมาส', 'ผลการตรวจแผน'];

/** A copy of a workbook whose texts (shared and inline strings) have their Thai digits in Arabic. */
function arabicTwin(from: string, to: string): void {
  const parts = unzipSync(new Uint8Array(readFileSync(from)));
  for (const [path, bytes] of Object.entries(parts)) {
    if (!/^xl\/(sharedStrings|worksheets\/[^/]+)\.xml$/.test(path)) continue;
    const xml = new TextDecoder().decode(bytes).replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50));
    parts[path] = new TextEncoder().encode(xml);
  }
  writeFileSync(to, zipSync(parts));
}

/** Whitespace and Thai marks above and below the line dropped: pdftotext splits and reorders those. */
const key = (s: string): string => s.replace(/\s+/g, '').replace(/[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]/g, '');
const decode = (s: string): string => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

interface Page {
  text: string;
  lines: { xMin: number; xMax: number; yMin: number; yMax: number; text: string }[];
}
/** The summary sheets' printed pages, by the sheet they print (the summaries are the workbook's last sheets). */
const printed = new Map<string, Map<string, Page[]>>();

function pagesOf(pdf: string): Page[] {
  const html = execFileSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return html.split('<page ').slice(1).map((page) => {
    const lines = [...page.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)].map((m) => ({
      xMin: Number(m[1]),
      yMin: Number(m[2]),
      xMax: Number(m[3]),
      yMax: Number(m[4]),
      text: decode([...(m[5] ?? '').matchAll(/<word [^>]*>([^<]*)<\/word>/g)].map((w) => w[1]).join(' ')),
    }));
    return { text: lines.map((l) => l.text).join('\n'), lines };
  });
}

beforeAll(async () => {
  arabicTwin(join(__dirname, 'fixtures', 'chiangmai-2566-clean.xlsx'), join(dir, `${ARABIC}.xlsx`));
  const outputs: string[] = [];
  for (const name of [...FIXTURES, ARABIC]) {
    const input = FIXTURES.includes(name) ? join(__dirname, 'fixtures', `${name}.xlsx`) : join(dir, `${name}.xlsx`);
    const out = join(dir, `${name}.summary.xlsx`);
    expect(await run(['summarize', input, '-o', out], quiet)).toBe(0);
    outputs.push(out);
  }
  convert(outputs, join(dir, 'pdf'), 'pdf', join(dir, 'profile'));
  for (const name of [...FIXTURES, ARABIC]) {
    const pages = pagesOf(join(dir, 'pdf', `${name}.summary.pdf`));
    const starts = MARKERS.map((m) => pages.findIndex((p) => key(p.text).startsWith(key(m))));
    const bySheet = new Map<string, Page[]>();
    Object.values(SUMMARY_SHEETS).forEach((sheet, i) => bySheet.set(sheet, pages.slice(starts[i], starts[i + 1] ?? pages.length)));
    printed.set(name, bySheet);
  }
});

describe.each(FIXTURES)('%s: the printed summaries', (name) => {
  it('each summary sheet prints, in order, after the plan', () => {
    for (const pages of printed.get(name)!.values()) expect(pages.length).toBeGreaterThan(0);
  });

  it('show Thai digits only, as the plan does (cell addresses in the findings list are Excel\'s names)', () => {
    for (const [sheet, pages] of printed.get(name)!) {
      const text = pages.map((p) => p.text).join('\n');
      expect(text).toMatch(/[๐-๙]/);
      // A cell address ("C4", "O27") is an identifier spelt with Arabic digits; nothing else may be.
      const arabic = text.replace(/(?<![A-Za-z0-9])[A-Z]{1,3}[0-9]+(?![0-9])/g, '').match(/.{0,20}[0-9].{0,20}/g) ?? [];
      expect({ sheet, arabic }).toEqual({ sheet, arabic: [] });
    }
  });

  it('print the title and every note line under it whole, on lines that do not overlap', async () => {
    const snapshot = await readXlsx(join(dir, `${name}.summary.xlsx`));
    for (const [sheet, pages] of printed.get(name)!) {
      const s = snapshot.sheets.find((x) => x.name === sheet)!;
      const first = pages[0]!;
      // The title in A1, the notes in A2… down to the blank row above the header.
      const notes: string[] = [];
      for (let r = 0; typeof s.values[r]?.[0] === 'string' && s.values[r]?.[0] !== ''; r++) notes.push(s.values[r]![0] as string);
      expect(notes.length).toBeGreaterThanOrEqual(2);
      for (const line of notes) expect({ sheet, line, printed: key(first.text).includes(key(line)) }).toEqual({ sheet, line, printed: true });
      // Two printed lines that share some width must not share height, unless they are one line split by pdftotext.
      for (const page of pages) {
        const clash = page.lines.flatMap((a, i) =>
          page.lines.slice(i + 1).filter((b) => Math.abs(a.yMin - b.yMin) > 1 && a.yMin < b.yMax - 0.5 && b.yMin < a.yMax - 0.5 && a.xMin < b.xMax && b.xMin < a.xMax).map((b) => `${a.text} / ${b.text}`),
        );
        expect({ sheet, clash }).toEqual({ sheet, clash: [] });
      }
    }
  });
});

describe('a plan written in Arabic digits', () => {
  it('prints its summaries in Arabic digits, labels and figures alike', () => {
    for (const [sheet, pages] of printed.get(ARABIC)!) {
      const text = pages.map((p) => p.text).join('\n');
      expect(text).toMatch(/[0-9]/);
      expect({ sheet, thai: text.match(/.{0,20}[๐-๙].{0,20}/g) ?? [] }).toEqual({ sheet, thai: [] });
    }
  });
});

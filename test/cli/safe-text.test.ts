import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { run } from '../../src/cli/main';
import { escapeField, escapeJson, escapeTerminal } from '../../src/cli/safe-text';

const CM = join(__dirname, '..', 'fixtures', 'chiangmai-2566-clean.xlsx');
// Anything a terminal could act on: C0 (ESC, BEL), DEL, C1 (CSI U+009B, OSC U+009D), bidi overrides.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('escaping text for a terminal', () => {
  it('makes every control character visible and leaves Thai alone', () => {
    expect(escapeField('\x1b]0;pwned\x07สำนักงาน\x1b[2J')).toBe('\\x1B]0;pwned\\x07สำนักงาน\\x1B[2J');
    expect(escapeField('a\nb\tc\rd\x7f\u009b31m\u202eabc\u2028')).toBe('a\\nb\\tc\\rd\\x7F\\x9B31m\\u202Eabc\\u2028');
    expect(escapeField('ผลรวม ๑๒๐,๐๐๐ บาท — “ok”')).toBe('ผลรวม ๑๒๐,๐๐๐ บาท — “ok”');
  });

  it('an OOXML escape of a control (_x001B_) shows as the control it stands for; other escapes are text', () => {
    expect(escapeField('_x001B_[31mred_x0007_ _x009b_ _x007F_')).toBe('\\x1B[31mred\\x07 \\x9B \\x7F');
    expect(escapeField('_x0041_ _x0E01_ x001B _x001B')).toBe('_x0041_ _x0E01_ x001B _x001B');
  });

  it('the net under the whole output keeps our line breaks', () => {
    expect(escapeTerminal('line one\nline\x1b[2J two\n')).toBe('line one\nline\\x1B[2J two\n');
  });

  it('JSON keeps every value and carries no raw control', () => {
    const value = { text: 'a\x1b[31m\u009b\u202e\u2028ข้อความ\x7f', n: [1, 'x\ny'] };
    const json = escapeJson(JSON.stringify(value, null, 2));
    expect(json).not.toMatch(RAW_CONTROL);
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('a hostile workbook cannot drive the terminal', () => {
  let file: string;
  beforeAll(async () => {
    // The Chiang Mai plan with an agency (quoted in a finding) carrying escape sequences, written the way Excel
    // writes a control character (_x001B_), and a raw C1 CSI and bidi override, which XML allows; and a file name
    // with an ESC in it.
    const zip = await JSZip.loadAsync(fs.readFileSync(CM));
    const strings = await zip.file('xl/sharedStrings.xml')!.async('string');
    const agency = 'สำนักงาน ปลัดกระทรวง อุตสาหกรรม';
    expect(strings).toContain(agency);
    const hostile = '_x001B_]0;pwned_x0007_สำนักงาน ปลัดกระทรวง_x001B_[2J อุตสาหกรรม\u009b31m\u202e';
    zip.file('xl/sharedStrings.xml', strings.replace(agency, hostile));
    const dir = fs.mkdtempSync(join(tmpdir(), 'plancheck-hostile-'));
    file = join(dir, 'plan\x1b[31m.xlsx');
    fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
  });

  async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const code = await run(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
    return { code, out, err };
  }

  it('text output shows the escapes instead of obeying them', async () => {
    const r = await cli('check', file);
    expect(r.code).toBe(1);
    expect(r.out).not.toMatch(RAW_CONTROL);
    expect(r.out).toContain('— plan\\x1B[31m.xlsx');
    expect(r.out).toContain('หน่วยงาน "\\x1B]0;pwned\\x07สำนักงาน ปลัดกระทรวง\\x1B[2J อุตสาหกรรม\\x9B31m\\u202E"');
    // Each finding is still one line: nothing in the cell could break or forge a line.
    expect(r.out.split('\n').filter((l) => l.includes('[agency-not-in-summary]'))).toHaveLength(1);
  });

  it('messages about the file and JSON output are escaped too', async () => {
    const missing = await cli('check', `${file}\x1b[2J.missing`);
    expect(missing.err).not.toMatch(RAW_CONTROL);
    expect(missing.err).toContain('plan\\x1B[31m.xlsx\\x1B[2J.missing');
    const json = await cli('check', file, '--format', 'json');
    expect(json.out).not.toMatch(RAW_CONTROL);
    const report = JSON.parse(json.out) as { file: string; findings: { code: string; message: { th: string } }[] };
    expect(report.file).toBe('plan\x1b[31m.xlsx');
    expect(report.findings.find((f) => f.code === 'agency-not-in-summary')?.message.th).toContain('\u009b31m\u202e');
  });
});

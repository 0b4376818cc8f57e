import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = join(__dirname, '..');

/** Loads webpack.config.js in a child process with HOME set, and reports the dev server's protocol. */
function devServer(home: string): { type: string; stderr: string } {
  const r = spawnSync(process.execPath, ['-e', `
    const c = require(${JSON.stringify(join(ROOT, 'webpack.config.js'))})({}, { mode: 'development' });
    const s = c.devServer.server;
    console.log(typeof s === 'string' ? s : s.type);
  `], { env: { ...process.env, HOME: home, USERPROFILE: home }, encoding: 'utf8' });
  return { type: r.stdout.trim(), stderr: r.stderr };
}

describe('npm run dev-server', () => {
  it('falls back to http with a clear message where no dev certificate exists (Linux, no sudo)', () => {
    const r = devServer(mkdtempSync(join(tmpdir(), 'home-')));
    expect(r.type).toBe('http');
    expect(r.stderr).toContain('plain http');
    expect(r.stderr).toContain('npx office-addin-dev-certs install');
  });

  it('serves https with office-addin-dev-certs\' files when they exist', () => {
    const home = mkdtempSync(join(tmpdir(), 'home-'));
    mkdirSync(join(home, '.office-addin-dev-certs'));
    for (const f of ['localhost.key', 'localhost.crt', 'ca.crt']) writeFileSync(join(home, '.office-addin-dev-certs', f), 'x');
    expect(devServer(home).type).toBe('https');
  });
});

describe('npm start', () => {
  it('says plainly on Linux what to do instead of sideloading', () => {
    if (process.platform !== 'linux') return;
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'start.mjs')], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('There is no Excel on Linux');
    expect(r.stdout).toContain('Upload My Add-in');
  });
});

/** Runs `body` as an ES module next to scripts/start.mjs's exports; prints what `body` logs. */
function withStart(body: string, env: NodeJS.ProcessEnv = process.env): { status: number | null; stdout: string; stderr: string } {
  const url = pathToFileURL(join(ROOT, 'scripts', 'start.mjs')).href;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', `import * as s from ${JSON.stringify(url)};\n${body}`], { encoding: 'utf8', env });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm start: the sideloading command per platform', () => {
  it('on Windows runs npx.cmd through the shell with one quoted command line (Node ≥ 20.12.2 refuses .cmd without a shell)', () => {
    const r = withStart('console.log(JSON.stringify(s.sideloadCommand("win32")));');
    const cmd = JSON.parse(r.stdout) as { command: string; args: string[]; options: { shell?: boolean; cwd: string } };
    expect(cmd.command).toBe('npx.cmd --yes office-addin-debugging@6 start manifest.xml desktop --app excel');
    expect(cmd.args).toEqual([]);
    expect(cmd.options.shell).toBe(true);
    expect(cmd.options.cwd).toBe(ROOT);
  });

  it('on macOS runs npx directly, without a shell; on Linux there is nothing to run', () => {
    const r = withStart('console.log(JSON.stringify([s.sideloadCommand("darwin"), s.sideloadCommand("linux")]));');
    const [mac, linux] = JSON.parse(r.stdout) as [{ command: string; args: string[]; options: { shell?: boolean } }, null];
    expect(mac.command).toBe('npx');
    expect(mac.args).toEqual(['--yes', 'office-addin-debugging@6', 'start', 'manifest.xml', 'desktop', '--app', 'excel']);
    expect(mac.options.shell).toBeUndefined();
    expect(linux).toBeNull();
  });

  it('quotes arguments for cmd.exe and refuses what cmd.exe would expand or cannot quote', () => {
    const good = ['manifest.xml', 'C:\\Users\\Som Chai\\manifest.xml', 'a&b', 'k=v'];
    const bad = ['a"b', '%PATH%', 'x!y!', 'a\nb'];
    const r = withStart(`
      console.log(JSON.stringify(${JSON.stringify(good)}.map(s.quoteForCmd)));
      console.log(JSON.stringify(${JSON.stringify(bad)}.map((a) => { try { return s.quoteForCmd(a); } catch { return 'refused'; } })));
    `);
    const [quoted, refused] = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as string[]);
    expect(quoted).toEqual(['manifest.xml', '"C:\\Users\\Som Chai\\manifest.xml"', '"a&b"', '"k=v"']);
    expect(refused).toEqual(['refused', 'refused', 'refused', 'refused']);
  });

  it('says in Thai and English what failed when Windows refuses the spawn (EINVAL), and exits 1', () => {
    const r = withStart(`
      const error = Object.assign(new Error('spawnSync npx.cmd EINVAL'), { code: 'EINVAL' });
      const code = s.start({ platform: 'win32', spawn: () => ({ error, status: null, signal: null }) });
      console.log('code=' + code);
    `);
    expect(r.stdout.trim()).toBe('code=1');
    expect(r.stderr).toContain('ตรวจแผน: เริ่มคำสั่ง "npx.cmd --yes office-addin-debugging@6');
    expect(r.stderr).toContain('PlanCheck: could not start "npx.cmd --yes office-addin-debugging@6');
    expect(r.stderr).toContain('EINVAL');
    expect(r.stderr).toContain('office-addin-dev-certs install');
  });

  describe('with a real spawn (macOS branch, a stand-in npx on PATH)', () => {
    const bin = mkdtempSync(join(tmpdir(), 'bin-'));
    const env = (npx: string | null): NodeJS.ProcessEnv => {
      const dir = mkdtempSync(join(bin, 'p-'));
      if (npx !== null) {
        writeFileSync(join(dir, 'npx'), `#!/bin/sh\n${npx}\n`);
        chmodSync(join(dir, 'npx'), 0o755);
      }
      return { ...process.env, PATH: dir };
    };
    const run = (e: NodeJS.ProcessEnv) => withStart('process.exitCode = s.start({ platform: "darwin" });', e);
    if (process.platform === 'win32') return;

    it('passes the arguments through and exits 0 when office-addin-debugging succeeds', () => {
      const r = run(env('echo "args: $*"; exit 0'));
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('args: --yes office-addin-debugging@6 start manifest.xml desktop --app excel');
      expect(r.stderr).toBe('');
    });

    it('keeps office-addin-debugging\'s exit code and says so in both languages', () => {
      const r = run(env('exit 7'));
      expect(r.status).toBe(7);
      expect(r.stderr).toContain('จบด้วยรหัส 7');
      expect(r.stderr).toContain('exited with code 7');
    });

    it('explains a missing npx (ENOENT) instead of exiting silently', () => {
      const r = run(env(null));
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('ENOENT');
      expect(r.stderr).toContain('ตรวจแผน: เริ่มคำสั่ง "npx');
      expect(r.stderr).toContain('PlanCheck: could not start "npx');
    });
  });
});

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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

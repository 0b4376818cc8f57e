// npm start: sideload the add-in in desktop Excel (Windows, macOS) with Microsoft's office-addin-debugging.
// On Linux there is no desktop Excel and sideloading cannot work; say what to do instead.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const ARGS = ['--yes', 'office-addin-debugging@6', 'start', 'manifest.xml', 'desktop', '--app', 'excel'];

/**
 * One argument for cmd.exe. Node ≥ 20.12.2 refuses to spawn a .cmd without a shell (EINVAL, CVE-2024-27980), and
 * with `shell: true` it joins the arguments unquoted, so the command line is built here. Inside double quotes cmd.exe
 * takes & | < > ( ) ^ literally; it still expands %VAR% and !VAR! and cannot escape a quote, so those are refused.
 */
export function quoteForCmd(arg) {
  if (/["%!\r\n]/.test(arg)) throw new Error(`cannot pass ${JSON.stringify(arg)} safely to cmd.exe`);
  return /^[\w@./:+\\-]+$/.test(arg) ? arg : `"${arg}"`;
}

/** The command that sideloads on this platform, or null where desktop Excel does not exist. */
export function sideloadCommand(platform) {
  if (platform === 'win32') {
    return { command: ['npx.cmd', ...ARGS].map(quoteForCmd).join(' '), args: [], options: { shell: true, stdio: 'inherit', cwd: ROOT } };
  }
  if (platform === 'darwin') return { command: 'npx', args: ARGS, options: { stdio: 'inherit', cwd: ROOT } };
  return null;
}

const HINTS = [
  '  - ต้องมี Node.js และ npm ใน PATH และเครือข่ายถึง registry ของ npm; ครั้งแรกให้รัน npx office-addin-dev-certs install;',
  '    ติดตั้งด้วยมือแทนได้ (README › Sideloading)',
  '  - Node.js and npm must be on PATH and the npm registry reachable; once, run npx office-addin-dev-certs install;',
  '    or sideload by hand (README › Sideloading)',
].join('\n');

/** What went wrong with the sideloading command, a Thai line then an English line; null when it succeeded. */
export function failureMessage(result, shown) {
  if (result.error) {
    const code = result.error.code ?? 'error';
    return [
      `ตรวจแผน: เริ่มคำสั่ง "${shown}" ไม่ได้ (${code}: ${result.error.message})`,
      `PlanCheck: could not start "${shown}" (${code}: ${result.error.message})`,
      HINTS,
    ].join('\n');
  }
  if (result.signal) {
    return [`ตรวจแผน: คำสั่ง "${shown}" ถูกหยุดด้วยสัญญาณ ${result.signal}`, `PlanCheck: "${shown}" was stopped by signal ${result.signal}`].join('\n');
  }
  if (result.status !== 0) {
    return [
      `ตรวจแผน: คำสั่ง "${shown}" จบด้วยรหัส ${result.status} (ดูข้อความด้านบน)`,
      `PlanCheck: "${shown}" exited with code ${result.status} (see its output above)`,
      HINTS,
    ].join('\n');
  }
  return null;
}

export const LINUX_HELP = `ตรวจแผน · PlanCheck
ไม่มี Excel สำหรับ Linux จึงติดตั้ง (sideload) อัตโนมัติไม่ได้ / There is no Excel on Linux, so the add-in cannot be sideloaded here.

  - Try the pane in a browser:      npm run dev-server   then open http://localhost:3000/taskpane.html
  - Excel on the web:               npm run build (ADDIN_URL=https://your-host), serve dist/ over https,
                                    then in Excel on the web: Home > Add-ins > More add-ins > Upload My Add-in > dist/manifest.xml
  - Windows or macOS:               npm start (sideloads with office-addin-debugging)`;

/** Runs npm start for a platform with an injectable spawn; returns the exit code. */
export function start({ platform, spawn = spawnSync, log = console.log, error = console.error }) {
  const cmd = sideloadCommand(platform);
  if (cmd === null) {
    log(LINUX_HELP);
    return 0;
  }
  const shown = [cmd.command, ...cmd.args].join(' ');
  const result = spawn(cmd.command, cmd.args, cmd.options);
  const message = failureMessage(result, shown);
  if (message === null) return 0;
  error(message);
  return result.status ? result.status : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = start({ platform: process.platform });
}

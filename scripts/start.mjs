// npm start: sideload the add-in in desktop Excel (Windows, macOS) with Microsoft's office-addin-debugging.
// On Linux there is no desktop Excel and sideloading cannot work; say what to do instead.
import { spawnSync } from 'node:child_process';

if (process.platform === 'win32' || process.platform === 'darwin') {
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  const r = spawnSync(npx, ['--yes', 'office-addin-debugging@6', 'start', 'manifest.xml', 'desktop', '--app', 'excel'], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
console.log(`ตรวจแผน · PlanCheck
ไม่มี Excel สำหรับ Linux จึงติดตั้ง (sideload) อัตโนมัติไม่ได้ / There is no Excel on Linux, so the add-in cannot be sideloaded here.

  - Try the pane in a browser:      npm run dev-server   then open http://localhost:3000/taskpane.html
  - Excel on the web:               npm run build (ADDIN_URL=https://your-host), serve dist/ over https,
                                    then in Excel on the web: Home > Add-ins > More add-ins > Upload My Add-in > dist/manifest.xml
  - Windows or macOS:               npm start (sideloads with office-addin-debugging)`);

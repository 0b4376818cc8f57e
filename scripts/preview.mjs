// npm run preview: serves the built pane (dist/) on http://localhost:8080 for use in a plain browser, without
// Excel: outside Office the pane does not request office.js, offers "เปิดไฟล์ .xlsx" at once and works on the file.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';

const root = join(process.cwd(), 'dist');
const port = Number(process.env.PORT ?? 8080);
const types = { '.html': 'text/html; charset=utf-8', '.js': 'application/javascript', '.png': 'image/png', '.xml': 'application/xml', '.txt': 'text/plain' };

if (!existsSync(join(root, 'taskpane.html'))) {
  console.error('dist/ is missing: run npm run build first');
  process.exit(1);
}
createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname)).replace(/^(\.\.[/\\])+/, '');
  let file = join(root, path === '/' ? 'taskpane.html' : path);
  if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory()) file = '';
  if (!file) {
    res.writeHead(404).end('not found');
    return;
  }
  res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
}).listen(port, '127.0.0.1', () => console.log(`ตรวจแผน · PlanCheck: http://localhost:${port}/taskpane.html`));

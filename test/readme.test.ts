import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The README's pictures are files of the repository, PNGs that a browser shows, and the rendered ones are there. */
const ROOT = join(__dirname, '..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const pictures = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)|<img [^>]*src="([^"]+)"/g)].map((m) => (m[1] ?? m[2]) as string);

describe('the README\'s pictures', () => {
  it('are there to show', () => {
    expect(pictures.length).toBeGreaterThanOrEqual(4);
  });

  it.each(pictures)('%s exists in the repository and is a PNG', (path) => {
    expect(path).toMatch(/^docs\/images\/[\w.-]+\.png$/);
    const file = join(ROOT, path);
    expect(existsSync(file)).toBe(true);
    expect([...readFileSync(file).subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });

  it('include every picture scripts/render-summary.ts renders for it', () => {
    const rendered = [...readFileSync(join(ROOT, 'scripts', 'render-summary.ts'), 'utf8').matchAll(/png: '([^']+)'/g)].map((m) => m[1]);
    expect(rendered.length).toBeGreaterThan(0);
    for (const png of rendered) expect(pictures).toContain(png);
  });
});

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Headless LibreOffice with a throwaway profile set to recalculate every formula when it opens a file
 * (OOXMLRecalcMode 0); by default it would keep the cached results and prove nothing.
 */
export function libreOfficeProfile(dir: string): string {
  mkdirSync(join(dir, 'user'), { recursive: true });
  writeFileSync(
    join(dir, 'user', 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  return `file://${dir}`;
}

export function soffice(): string {
  for (const p of ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/lib/libreoffice/program/soffice']) if (existsSync(p)) return p;
  throw new Error('LibreOffice not found: apt-get install libreoffice-calc-nogui');
}

/** Converts files (recalculating them) into `outDir` as `format` ("xlsx", "pdf"). */
export function convert(files: string[], outDir: string, format: string, profileDir: string): void {
  mkdirSync(outDir, { recursive: true });
  execFileSync(soffice(), [`-env:UserInstallation=${libreOfficeProfile(profileDir)}`, '--headless', '--calc', '--convert-to', format, '--outdir', outDir, ...files], {
    stdio: 'pipe',
    timeout: 240_000,
  });
}

#!/usr/bin/env node
'use strict';
// The CLI is compiled to build/ by `npm run build:cli` (run by `npm ci` through "prepare").
// run() turns every error into a message in the user's language; what is caught here is a broken install.
const debug = process.env.PLANCHECK_DEBUG === '1';
const fail = (err) => {
  const en = process.argv.includes('--lang=en') || process.argv.join(' ').includes('--lang en');
  const detail = debug && err && err.stack ? `\n${err.stack}` : '';
  process.stderr.write(
    `plancheck: ${en ? 'the program is not built or is damaged (run npm run build:cli)' : 'โปรแกรมยังไม่ได้สร้างหรือเสียหาย (สั่ง npm run build:cli)'}${detail}\n`,
  );
  process.exitCode = 2;
};
// A reader that stops early (`plancheck check *.xlsx | head`) closes the pipe (EPIPE); nothing more can be said
// there, so stop quietly with 2 rather than with a stack trace.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => process.exit(2));
let run;
try {
  ({ run } = require('../build/cli/main.js'));
} catch (err) {
  fail(err);
}
if (run) {
  run(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    // The progress bar is drawn only on a terminal, never into a pipe or a log.
    isTTY: Boolean(process.stderr.isTTY),
  }).then((code) => {
    process.exitCode = code;
  }, fail);
}

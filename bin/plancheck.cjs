#!/usr/bin/env node
'use strict';
// The CLI is compiled to build/ by `npm run build:cli` (run by `npm ci` through "prepare").
const { run } = require('../build/cli/main.js');
run(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`plancheck: ${err && err.stack ? err.stack : err}\n`);
    process.exitCode = 2;
  },
);

// Preloaded (`node -r`) into a real plancheck process by kill.test.ts: the first write to a temporary output file
// writes half of its bytes, says so on stderr, and then blocks forever, so the test can SIGKILL the process at a
// known point in the middle of writing.
'use strict';
const fs = require('node:fs');

const temps = new Set();
const open = fs.openSync;
fs.openSync = function (path, ...rest) {
  const fd = open.call(this, path, ...rest);
  if (String(path).endsWith('.plancheck-tmp')) temps.add(fd);
  return fd;
};
const write = fs.writeSync;
fs.writeSync = function (fd, data, offset, length, ...rest) {
  if (!temps.has(fd)) return write.call(this, fd, data, offset, length, ...rest);
  const written = write.call(this, fd, data, offset, Math.ceil(length / 2));
  write.call(fs, 2, `STALLED ${written}\n`);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  return written;
};

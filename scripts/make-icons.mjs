// Draws the add-in icons (a white check mark on Excel green) as PNGs: node scripts/make-icons.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const c = Buffer.alloc(4);
  c.writeUInt32BE(crc(td));
  return Buffer.concat([len, td, c]);
};

function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

const dist = (px, py, ax, ay, bx, by) => {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
};

/** Coverage of (x, y) in a unit square: rounded green tile with a white check mark, 4×4 supersampled. */
function sample(u, v) {
  const r = 0.18;
  const cx = Math.min(Math.max(u, r), 1 - r), cy = Math.min(Math.max(v, r), 1 - r);
  const inTile = Math.hypot(u - cx, v - cy) <= r;
  if (!inTile) return null;
  const onCheck = Math.min(dist(u, v, 0.24, 0.52, 0.42, 0.7), dist(u, v, 0.42, 0.7, 0.78, 0.3)) < 0.075;
  return onCheck ? [255, 255, 255] : [33, 115, 70];
}

for (const size of [16, 32, 64, 80, 128]) {
  const buf = png(size, (x, y) => {
    let acc = [0, 0, 0], hits = 0;
    for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) {
      const c = sample((x + (i + 0.5) / 4) / size, (y + (j + 0.5) / 4) / size);
      if (c) { acc = acc.map((a, k) => a + c[k]); hits++; }
    }
    return hits ? [...acc.map((a) => Math.round(a / hits)), Math.round((255 * hits) / 16)] : [0, 0, 0, 0];
  });
  writeFileSync(new URL(`../assets/icon-${size}.png`, import.meta.url), buf);
}
console.log('icons written to assets/');

#!/usr/bin/env node
// Draws resources/icon.png (512×512): a spectrum trace with two emission lines on a dark
// rounded square. Generated rather than drawn by hand so it can be remade at another size.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const N = 512;
const px = new Uint8Array(N * N * 4);

function blend(x, y, [r, g, b], a) {
  if (x < 0 || y < 0 || x >= N || y >= N || a <= 0) return;
  const i = (y * N + x) * 4;
  const k = Math.min(1, a);
  px[i] = px[i] * (1 - k) + r * k;
  px[i + 1] = px[i + 1] * (1 - k) + g * k;
  px[i + 2] = px[i + 2] * (1 - k) + b * k;
  px[i + 3] = Math.max(px[i + 3], 255 * k);
}

// Rounded square background.
const R = 96;
for (let y = 0; y < N; y++) {
  for (let x = 0; x < N; x++) {
    const dx = Math.max(R - x, x - (N - 1 - R), 0);
    const dy = Math.max(R - y, y - (N - 1 - R), 0);
    const d = Math.hypot(dx, dy);
    blend(x, y, [24, 32, 48], Math.min(1, Math.max(0, R - d + 0.5)));
  }
}

// The trace: a smooth continuum, two emission lines, an absorption dip.
const trace = (x) => {
  const t = x / N;
  const continuum = 0.55 - 0.18 * t + 0.05 * Math.sin(t * 9);
  const line = (c, w, h) => h * Math.exp(-((t - c) ** 2) / (2 * w * w));
  return continuum + line(0.38, 0.012, 0.32) + line(0.66, 0.01, 0.22) - line(0.52, 0.015, 0.12);
};
const top = 120;
const height = 300;
for (let x = 56; x < N - 56; x++) {
  const y0 = top + height * (1 - trace(x));
  const y1 = top + height * (1 - trace(x + 1));
  const lo = Math.min(y0, y1) - 6;
  const hi = Math.max(y0, y1) + 6;
  for (let y = Math.floor(lo); y <= Math.ceil(hi); y++) {
    const dist = y < Math.min(y0, y1) ? Math.min(y0, y1) - y : y > Math.max(y0, y1) ? y - Math.max(y0, y1) : 0;
    blend(x, y, [120, 220, 255], 4.5 - dist);
  }
}
// Line markers under the two emission lines.
for (const c of [0.38, 0.66]) {
  const x0 = Math.round(c * N);
  for (let y = 400; y < 440; y++) for (let x = x0 - 3; x <= x0 + 3; x++) blend(x, y, [255, 170, 60], 1);
}

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}
function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}
const raw = Buffer.alloc(N * (N * 4 + 1));
for (let y = 0; y < N; y++) Buffer.from(px.buffer, y * N * 4, N * 4).copy(raw, y * (N * 4 + 1) + 1);
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(N, 0);
ihdr.writeUInt32BE(N, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = new URL('../resources/icon.png', import.meta.url);
writeFileSync(out, png);
console.log(`wrote resources/icon.png (${png.length} bytes)`);

/* Regenerates the add-in icons (icon-16.png … icon-128.png) without any dependency: draws a sheet with a table
 * grid and a check mark, supersampled 4×4 per pixel, and writes PNG with node's zlib. The PNGs are committed;
 * run `node assets/make-icons.js` only to change them. */
const { deflateSync } = require("zlib");
const { writeFileSync } = require("fs");
const { join } = require("path");

const GREEN = [16, 124, 65];
const WHITE = [255, 255, 255];
const GOLD = [255, 185, 0];

/** Colour at a point of the 128-unit design, or null for transparent. Later shapes paint over earlier ones. */
function paint(x, y) {
  let c = null;
  const inRoundRect = (x0, y0, x1, y1, r) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
  if (inRoundRect(4, 4, 124, 124, 16)) c = GREEN;
  if (x >= 20 && x <= 108 && y >= 22 && y <= 106) {
    c = WHITE;
    const line = (v, a) => Math.abs(v - a) <= 3;
    if (line(y, 50) || line(y, 78) || line(x, 50)) c = GREEN;
  }
  if ((x - 96) ** 2 + (y - 96) ** 2 <= 28 * 28) c = GOLD;
  const seg = (ax, ay, bx, by, w) => {
    const dx = bx - ax, dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= w * w;
  };
  if (seg(82, 96, 92, 107, 5) || seg(92, 107, 110, 85, 5)) c = WHITE;
  return c;
}

function crc32(buf) {
  let c, crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(size) {
  const ss = 4;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let py = 0; py < size; py++) {
    raw[py * (size * 4 + 1)] = 0; // filter: none
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < ss; sy++)
        for (let sx = 0; sx < ss; sx++) {
          const c = paint(((px + (sx + 0.5) / ss) * 128) / size, ((py + (sy + 0.5) / ss) * 128) / size);
          if (c) { r += c[0]; g += c[1]; b += c[2]; a++; }
        }
      const o = py * (size * 4 + 1) + 1 + px * 4;
      raw[o] = a ? Math.round(r / a) : 0;
      raw[o + 1] = a ? Math.round(g / a) : 0;
      raw[o + 2] = a ? Math.round(b / a) : 0;
      raw[o + 3] = Math.round((255 * a) / (ss * ss));
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

for (const size of [16, 32, 64, 80, 128]) writeFileSync(join(__dirname, `icon-${size}.png`), png(size));

// node:crypto for wixevents: createHash and createHmac (sha256, sha1), timingSafeEqual, randomUUID, randomBytes,
// randomInt -- what webhook signature checks and id generation use. Other algorithms throw, naming them.
import { Buffer, bytesOf } from "buffer";

const K = [0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1,
  0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d,
  0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
  0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3,
  0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3,
  0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb,
  0xbef9a3f7, 0xc67178f2];

function padded(bytes) {  // message + 0x80 + zeros + 64-bit big-endian bit length
  const len = bytes.length, total = Math.ceil((len + 9) / 64) * 64;
  const out = new Uint8Array(total);
  out.set(bytes);
  out[len] = 0x80;
  const bits = len * 8;
  for (let i = 0; i < 8; i++) out[total - 1 - i] = Math.floor(bits / 2 ** (8 * i)) & 255;
  return out;
}

function words(block, at) {
  const w = new Array(80);
  for (let i = 0; i < 16; i++) w[i] = (block[at + 4 * i] << 24) | (block[at + 4 * i + 1] << 16) | (block[at + 4 * i + 2] << 8) | block[at + 4 * i + 3];
  return w;
}

function out32(h) {
  const out = [];
  for (const x of h) out.push((x >>> 24) & 255, (x >>> 16) & 255, (x >>> 8) & 255, x & 255);
  return out;
}

const rotr = (x, n) => (x >>> n) | (x << (32 - n));

function sha256(bytes) {
  const m = padded(bytes);
  const h = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
  for (let at = 0; at < m.length; at += 64) {
    const w = words(m, at);
    for (let i = 16; i < 64; i++) {
      const s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >>> 3);
      const s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >>> 10);
      w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
    }
    let [a, b, c, d, e, f, g, hh] = h;
    for (let i = 0; i < 64; i++) {
      const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i]) | 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      hh = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
    }
    [a, b, c, d, e, f, g, hh].forEach((x, i) => { h[i] = (h[i] + x) | 0; });
  }
  return out32(h);
}

function sha1(bytes) {
  const m = padded(bytes);
  const h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
  for (let at = 0; at < m.length; at += 64) {
    const w = words(m, at);
    for (let i = 16; i < 80; i++) w[i] = rotr(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 31);
    let [a, b, c, d, e] = h;
    for (let i = 0; i < 80; i++) {
      const [f, k] = i < 20 ? [(b & c) | (~b & d), 0x5a827999] : i < 40 ? [b ^ c ^ d, 0x6ed9eba1]
        : i < 60 ? [(b & c) | (b & d) | (c & d), 0x8f1bbcdc] : [b ^ c ^ d, 0xca62c1d6];
      const t = (rotr(a, 27) + f + e + k + w[i]) | 0;
      e = d; d = c; c = rotr(b, 2); b = a; a = t;
    }
    [a, b, c, d, e].forEach((x, i) => { h[i] = (h[i] + x) | 0; });
  }
  return out32(h);
}

const ALGORITHMS = { sha256, sha1 };

function algorithm(name) {
  const fn = ALGORITHMS[String(name).toLowerCase().replace("-", "")];
  if (!fn) throw new Error(`crypto: digest '${name}' is not available in wixevents (it has ${Object.keys(ALGORITHMS).join(", ")})`);
  return fn;
}

class Digest {
  constructor(fn, key) { this._fn = fn; this._key = key; this._data = []; this._done = false; }
  update(data, encoding) {
    if (this._done) throw new Error("Digest already called");
    this._data.push(...bytesOf(data, encoding));
    return this;
  }
  digest(encoding) {
    this._done = true;
    let out;
    if (this._key === undefined) out = this._fn(this._data);
    else {
      let key = this._key.length > 64 ? this._fn(this._key) : this._key;
      key = key.concat(new Array(64 - key.length).fill(0));
      out = this._fn(key.map((b) => b ^ 0x5c).concat(this._fn(key.map((b) => b ^ 0x36).concat(this._data))));
    }
    const buf = Buffer.from(out);
    return encoding ? buf.toString(encoding) : buf;
  }
}

export function createHash(name) { return new Digest(algorithm(name)); }
export function createHmac(name, key) { return new Digest(algorithm(name), bytesOf(key)); }
export function getHashes() { return Object.keys(ALGORITHMS); }

export function timingSafeEqual(a, b) {
  if (a.length !== b.length) throw new RangeError("Input buffers must have the same byte length");
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}

function randomByte() { return Math.floor(Math.random() * 256); }
export function randomBytes(size) { return Buffer.from(Array.from({ length: size }, randomByte)); }
export function randomInt(min, max) {
  if (max === undefined) { max = min; min = 0; }
  return min + Math.floor(Math.random() * (max - min));
}
export function randomUUID() {
  const b = Array.from({ length: 16 }, randomByte);
  b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export default { createHash, createHmac, getHashes, timingSafeEqual, randomBytes, randomInt, randomUUID };

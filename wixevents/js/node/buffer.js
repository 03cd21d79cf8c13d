// node:buffer for wixevents: Buffer as a Uint8Array with Node's common encodings (utf8, hex, base64, base64url,
// latin1/binary, ascii); enough for webhook signatures and encoding payloads.
const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

function utf8Encode(text) {
  const out = [];
  for (let i = 0; i < text.length; i++) {
    let c = text.codePointAt(i);
    if (c > 0xffff) i++;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

function utf8Decode(bytes) {
  let out = "";
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    let c, n;
    if (b < 0x80) { c = b; n = 1; } else if (b >= 0xf0) { c = b & 7; n = 4; } else if (b >= 0xe0) { c = b & 15; n = 3; }
    else if (b >= 0xc0) { c = b & 31; n = 2; } else { c = 0xfffd; n = 1; }
    for (let k = 1; k < n; k++) c = (c << 6) | ((bytes[i + k] || 0) & 63);
    out += String.fromCodePoint(c);
    i += n;
  }
  return out;
}

function fromBase64(text) {
  const clean = String(text).replace(/-/g, "+").replace(/_/g, "/").replace(/[^A-Za-z0-9+/]/g, "");
  const out = [];
  let bits = 0, value = 0;
  for (const ch of clean) {
    value = (value << 6) | B64.indexOf(ch);
    bits += 6;
    if (bits >= 8) { bits -= 8; out.push((value >> bits) & 255); }
  }
  return out;
}

function toBase64(bytes, url) {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] || 0) << 8) | (bytes[i + 2] || 0);
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63];
    out += i + 1 < bytes.length ? B64[(n >> 6) & 63] : "=";
    out += i + 2 < bytes.length ? B64[n & 63] : "=";
  }
  return url ? out.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "") : out;
}

function encode(text, encoding) {
  switch ((encoding || "utf8").toLowerCase()) {
    case "utf8": case "utf-8": return utf8Encode(String(text));
    case "hex": return (String(text).match(/../g) || []).map((h) => parseInt(h, 16));
    case "base64": case "base64url": return fromBase64(text);
    case "latin1": case "binary": case "ascii": return Array.from(String(text), (c) => c.charCodeAt(0) & 255);
    default: throw new TypeError(`Unknown encoding: ${encoding} (wixevents' Buffer knows utf8, hex, base64, base64url, latin1, ascii)`);
  }
}

export class Buffer extends Uint8Array {
  static from(value, encoding) {
    if (typeof value === "string") return new Buffer(encode(value, encoding));
    if (value instanceof ArrayBuffer) return new Buffer(new Uint8Array(value));
    return new Buffer(Array.from(value));
  }
  static alloc(size, fill = 0) { return new Buffer(size).fill(typeof fill === "number" ? fill : 0); }
  static isBuffer(value) { return value instanceof Buffer; }
  static byteLength(value, encoding) { return typeof value === "string" ? encode(value, encoding).length : value.length; }
  static concat(list) {
    const out = new Buffer(list.reduce((n, b) => n + b.length, 0));
    let at = 0;
    for (const b of list) { out.set(b, at); at += b.length; }
    return out;
  }
  toString(encoding = "utf8", start = 0, end = this.length) {
    const bytes = this.subarray(start, end);
    switch (String(encoding).toLowerCase()) {
      case "utf8": case "utf-8": return utf8Decode(bytes);
      case "hex": return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
      case "base64": return toBase64(bytes, false);
      case "base64url": return toBase64(bytes, true);
      case "latin1": case "binary": case "ascii": return String.fromCharCode(...bytes);
      default: throw new TypeError(`Unknown encoding: ${encoding}`);
    }
  }
  equals(other) { return this.length === other.length && this.every((b, i) => b === other[i]); }
  toJSON() { return { type: "Buffer", data: Array.from(this) }; }
}

export function bytesOf(value, encoding) {  // for crypto: strings are utf8 unless told
  return typeof value === "string" ? encode(value, encoding) : Array.from(value);
}

export default { Buffer };

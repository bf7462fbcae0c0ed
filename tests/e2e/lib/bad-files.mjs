// Bad input files for the browser's bad-file tests, made at test time in a scratch folder (never
// committed): empty, binary junk, 50 MB (sparse: no disk space, never written byte by byte),
// deeply nested JSON, another format version, and content sealed with Debian's `age` tool (so a
// bad record can be sealed, which `qkit seal` refuses). The same kinds as cli/tests/bad_files_*.
import { execFileSync } from 'node:child_process';
import { closeSync, ftruncateSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Size of the "huge" bad file: 50 MB. */
export const HUGE_BYTES = 50 * 1024 * 1024;

/** Writes `bytes` to `dir/name`; returns the path. */
export function put(dir, name, bytes) {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

/** An empty file. */
export function empty(dir, name) {
  return put(dir, name, Buffer.alloc(0));
}

/** 4 KiB of deterministic binary junk (not UTF-8: every byte has its high bit set). */
export function junk(dir, name) {
  let x = 0x9e3779b9;
  const bytes = Buffer.alloc(4096);
  for (let i = 0; i < bytes.length; i += 1) {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    bytes[i] = (x & 0xff) | 0x80;
  }
  return put(dir, name, bytes);
}

/** A 50 MB file made by truncating an empty one (sparse: it reads as NUL bytes). */
export function huge(dir, name) {
  const path = join(dir, name);
  const fd = openSync(path, 'w');
  try { ftruncateSync(fd, HUGE_BYTES); } finally { closeSync(fd); }
  return path;
}

/** JSON nested 100,000 arrays deep where a qkit file's value is expected. */
export function nestedJson(depth = 100_000) {
  return `{"format":1,"id":${'['.repeat(depth)}${']'.repeat(depth)}}`;
}

/** `text` with its top-level `"format": 1` changed to 2 (indented or compact JSON). */
export function format2(text) {
  const out = text.replace('"format": 1,', '"format": 2,').replace('"format":1,', '"format":2,');
  if (out === text) throw new Error('the file has no "format": 1');
  return out;
}

/** Seals `plain` (bytes or text) to `recipient` with the reference `age` tool, into `dir/name`. */
export function ageSeal(dir, name, plain, recipient) {
  const source = put(dir, `${name}.plain`, plain);
  const path = join(dir, name);
  execFileSync('age', ['-r', recipient, '-o', path, source], { stdio: 'ignore' });
  rmSync(source);
  return path;
}

/** A copy of an age file claiming another age format version ("age-encryption.org/v2"). */
export function ageVersion2(from, dir, name) {
  const bytes = readFileSync(from);
  bytes[20] = '2'.charCodeAt(0);
  return put(dir, name, bytes);
}

/** The first half of a file: cut short. */
export function cutShort(from, dir, name) {
  const bytes = readFileSync(from);
  return put(dir, name, bytes.subarray(0, bytes.length >> 1));
}

/**
 * Records, in the page, the size of every Blob/File the page reads whole with `arrayBuffer()`
 * (how qkit reads picked files), in `window.__qkitReads`: proof that a refused file was never
 * read. Call on a context before its pages open.
 */
export async function spyOnFileReads(context) {
  await context.addInitScript(() => {
    window.__qkitReads = [];
    const read = Blob.prototype.arrayBuffer;
    Blob.prototype.arrayBuffer = function arrayBuffer() {
      window.__qkitReads.push(this.size);
      return read.call(this);
    };
  });
}

/** The sizes of the files the page has read whole so far. */
export function fileReads(page) {
  return page.evaluate(() => window.__qkitReads.slice());
}

// Small helpers for the hardening end-to-end tests: a seeded random number generator, the key
// fingerprint qkit shows, and bad input files made at test time (never committed).
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A small seeded PRNG (mulberry32): the same seed gives the same run. Returns a function giving
 * numbers in [0, 1).
 */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The fingerprint qkit shows for a key: SHA-256 of the age1… text, first 8 bytes, in four groups. */
export function fingerprint(recipient) {
  const hex = createHash('sha256').update(recipient).digest('hex').slice(0, 16).toUpperCase();
  return hex.match(/.{4}/g).join('-');
}

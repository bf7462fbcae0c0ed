//! Shared by the hardening property tests: byte-level mutations of real files (bit flips,
//! truncations, insertions, deletions, repeated runs, huge and odd numbers, deep nesting, invalid
//! UTF-8), and the replay of a fuzz target's committed corpus (`fuzz/corpus/<target>/`).

#![allow(dead_code)]

use proptest::prelude::*;
use std::path::PathBuf;

/// One change to a file's bytes. Positions are taken modulo the length.
#[derive(Debug, Clone)]
pub enum Mutation {
    FlipBit {
        at: usize,
        bit: u8,
    },
    Truncate {
        at: usize,
    },
    Insert {
        at: usize,
        bytes: Vec<u8>,
    },
    Delete {
        at: usize,
        len: usize,
    },
    Repeat {
        at: usize,
        len: usize,
        times: usize,
    },
    /// Replaces the first number at or after `at` with an extreme one.
    Number {
        at: usize,
        which: usize,
    },
    /// Opens `depth` arrays or objects at `at` and closes them at the end.
    Nest {
        at: usize,
        depth: usize,
        objects: bool,
    },
    /// Bytes that are never valid UTF-8.
    BadUtf8 {
        at: usize,
    },
}

const NUMBERS: &[&str] = &[
    "0",
    "-1",
    "-0",
    "2147483648",
    "4294967296",
    "-9223372036854775809",
    "18446744073709551616",
    "99999999999999999999999999999",
    "1e400",
    "-1e-400",
    "0.0000000000000000000001",
    "NaN",
    "1.7976931348623157e308",
];

const DEPTHS: &[usize] = &[127, 128, 129, 1_000, 50_000];

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        3 => (any::<usize>(), 0u8..8).prop_map(|(at, bit)| Mutation::FlipBit { at, bit }),
        1 => any::<usize>().prop_map(|at| Mutation::Truncate { at }),
        2 => (any::<usize>(), proptest::collection::vec(any::<u8>(), 1..16))
            .prop_map(|(at, bytes)| Mutation::Insert { at, bytes }),
        2 => (any::<usize>(), 1usize..64).prop_map(|(at, len)| Mutation::Delete { at, len }),
        1 => (any::<usize>(), 1usize..64, 2usize..50)
            .prop_map(|(at, len, times)| Mutation::Repeat { at, len, times }),
        2 => (any::<usize>(), 0..NUMBERS.len()).prop_map(|(at, which)| Mutation::Number { at, which }),
        1 => (any::<usize>(), 0..DEPTHS.len(), any::<bool>())
            .prop_map(|(at, d, objects)| Mutation::Nest { at, depth: DEPTHS[d], objects }),
        1 => any::<usize>().prop_map(|at| Mutation::BadUtf8 { at }),
    ]
}

/// Applies one mutation.
pub fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    let at = |p: usize, len: usize| if len == 0 { 0 } else { p % (len + 1) };
    match m {
        Mutation::FlipBit { at: p, bit } => {
            if !bytes.is_empty() {
                let i = p % bytes.len();
                bytes[i] ^= 1 << bit;
            }
        }
        Mutation::Truncate { at: p } => bytes.truncate(at(*p, bytes.len())),
        Mutation::Insert { at: p, bytes: new } => {
            let i = at(*p, bytes.len());
            bytes.splice(i..i, new.iter().copied());
        }
        Mutation::Delete { at: p, len } => {
            let i = at(*p, bytes.len());
            let end = (i + len).min(bytes.len());
            bytes.drain(i..end);
        }
        Mutation::Repeat { at: p, len, times } => {
            let i = at(*p, bytes.len());
            let end = (i + len).min(bytes.len());
            let run = bytes[i..end].repeat(*times);
            bytes.splice(i..i, run);
        }
        Mutation::Number { at: p, which } => {
            let i = at(*p, bytes.len());
            if let Some(start) = bytes[i..]
                .iter()
                .position(u8::is_ascii_digit)
                .map(|s| s + i)
            {
                let end = bytes[start..]
                    .iter()
                    .position(|b| !b.is_ascii_digit())
                    .map_or(bytes.len(), |e| e + start);
                bytes.splice(start..end, NUMBERS[*which].bytes());
            }
        }
        Mutation::Nest {
            at: p,
            depth,
            objects,
        } => {
            let i = at(*p, bytes.len());
            let (open, close): (&[u8], &[u8]) = if *objects {
                (b"{\"a\":", b"}")
            } else {
                (b"[", b"]")
            };
            bytes.splice(i..i, open.repeat(*depth));
            bytes.extend(close.repeat(*depth));
        }
        Mutation::BadUtf8 { at: p } => {
            let i = at(*p, bytes.len());
            bytes.splice(i..i, [0xff, 0xc3, 0x28, 0xed, 0xa0, 0x80]);
        }
    }
}

/// One of `seeds`, changed by one to five mutations, or (one time in eight) random bytes.
pub fn mutated(seeds: Vec<Vec<u8>>) -> impl Strategy<Value = Vec<u8>> {
    assert!(!seeds.is_empty(), "mutations need a seed");
    let from_seed =
        (0..seeds.len(), proptest::collection::vec(mutation(), 1..6)).prop_map(move |(i, ms)| {
            let mut bytes = seeds[i].clone();
            for m in &ms {
                apply(&mut bytes, m);
            }
            bytes
        });
    prop_oneof![
        7 => from_seed,
        1 => proptest::collection::vec(any::<u8>(), 0..512),
    ]
}

/// `bytes` after a selector byte (the fuzz targets' first byte picks a variant).
pub fn with_selector(selector: u8, bytes: &[u8]) -> Vec<u8> {
    let mut out = vec![selector];
    out.extend_from_slice(bytes);
    out
}

/// The committed corpus of a fuzz target: (file name, bytes), sorted by name.
pub fn corpus(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../fuzz/corpus")
        .join(target);
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|entry| {
            let path = entry.expect("a directory entry").path();
            let name = path
                .file_name()
                .expect("a file name")
                .to_string_lossy()
                .into_owned();
            (name, std::fs::read(&path).expect("a corpus file reads"))
        })
        .collect();
    files.sort();
    assert!(!files.is_empty(), "the {target} corpus is empty");
    files
}

/// Runs `check` on every file of a target's corpus; a panic names the file.
pub fn replay(target: &str, check: fn(&[u8])) {
    for (name, bytes) in corpus(target) {
        let outcome = std::panic::catch_unwind(|| check(&bytes));
        assert!(
            outcome.is_ok(),
            "fuzz/corpus/{target}/{name} fails its check"
        );
    }
}

//! Interop with the reference `age` tool (Debian's `age` 1.1.1): qkit's sealed files open with
//! `age -d`, files from `age -r` open in qkit, and identities pass both ways.

#![cfg(not(target_arch = "wasm32"))]

mod export_common;

use export_common::{age_ok, age_tool, arg, Scratch};
use qkit_export::{
    decrypt, open, seal_bytes, seal_record, Identities, NewIdentity, Recipient, ResultRecord,
    Timestamp,
};
use qkit_questionnaires::Kit;
use rand_chacha::rand_core::SeedableRng;
use rand_chacha::ChaCha20Rng;

const EXAMPLE: &str = include_str!("../../docs/examples/record.json");

fn kit() -> Kit {
    Kit::shipped().expect("the shipped definitions are valid")
}

fn rng(seed: u64) -> ChaCha20Rng {
    ChaCha20Rng::seed_from_u64(seed)
}

/// A qkit identity written to `dir/name` as `qkit keygen` writes it.
fn qkit_identity(dir: &Scratch, name: &str, seed: u64) -> (std::path::PathBuf, Recipient) {
    let id = NewIdentity::generate(&mut rng(seed));
    let path = dir.path(name);
    std::fs::write(&path, id.file_text(Timestamp(0)).as_bytes()).unwrap();
    (path, id.recipient())
}

#[test]
fn a_record_sealed_by_qkit_opens_with_age_d() {
    let dir = Scratch::new("seal-age-d");
    let (key, recipient) = qkit_identity(&dir, "key.txt", 1);
    let record = ResultRecord::from_json(EXAMPLE.as_bytes()).unwrap();
    let sealed = seal_record(&kit(), &record, &[recipient], &mut rng(2)).unwrap();
    let file = dir.path("record.age");
    std::fs::write(&file, &sealed).unwrap();
    let plain = age_ok("age", &["-d", "-i", arg(&key), arg(&file)]);
    assert_eq!(ResultRecord::from_json(&plain).unwrap(), record);
}

#[test]
fn every_recipient_opens_with_age_d_at_every_chunk_boundary() {
    let dir = Scratch::new("chunks-age-d");
    let (key_a, a) = qkit_identity(&dir, "a.txt", 3);
    let (key_b, b) = qkit_identity(&dir, "b.txt", 4);
    const K: usize = 64 * 1024;
    for size in [0, 1, K - 1, K, K + 1, 3 * K + 5] {
        let plain: Vec<u8> = (0..size).map(|i| (i % 253) as u8).collect();
        let sealed = seal_bytes(&plain, &[a.clone(), b.clone()], &mut rng(size as u64)).unwrap();
        let file = dir.path(&format!("{size}.age"));
        std::fs::write(&file, &sealed).unwrap();
        for key in [&key_a, &key_b] {
            assert_eq!(
                age_ok("age", &["-d", "-i", arg(key), arg(&file)]),
                plain,
                "size {size}"
            );
        }
    }
}

#[test]
fn age_d_refuses_a_tampered_qkit_file() {
    let dir = Scratch::new("tampered-age-d");
    let (key, recipient) = qkit_identity(&dir, "key.txt", 5);
    let mut sealed = seal_bytes(b"a record", &[recipient], &mut rng(6)).unwrap();
    let last = sealed.len() - 1;
    sealed[last] ^= 1;
    let file = dir.path("bad.age");
    std::fs::write(&file, &sealed).unwrap();
    assert!(!age_tool("age", &["-d", "-i", arg(&key), arg(&file)], b"")
        .status
        .success());
}

#[test]
fn a_record_encrypted_with_age_r_opens_in_qkit() {
    let dir = Scratch::new("age-r-qkit");
    let id = NewIdentity::generate(&mut rng(7));
    let ids = Identities::parse(&id.secret_text()).unwrap();
    let json = dir.path("record.json");
    std::fs::write(&json, EXAMPLE).unwrap();
    let recipient = id.recipient().to_string();
    for armor in [false, true] {
        let out = dir.path("record.age");
        let mut args = vec!["-r", &recipient, "-o", arg(&out)];
        if armor {
            args.push("-a");
        }
        args.push(arg(&json));
        age_ok("age", &args);
        let bytes = std::fs::read(&out).unwrap();
        let record = open(&bytes, &ids, &kit()).unwrap_or_else(|e| panic!("armor {armor}: {e}"));
        assert_eq!(record, ResultRecord::from_json(EXAMPLE.as_bytes()).unwrap());
        std::fs::remove_file(&out).unwrap();
    }
}

#[test]
fn an_age_keygen_identity_works_in_qkit() {
    let dir = Scratch::new("age-keygen-qkit");
    let key = dir.path("key.txt");
    age_ok("age-keygen", &["-o", arg(&key)]);
    let public = String::from_utf8(age_ok("age-keygen", &["-y", arg(&key)])).unwrap();
    let ids = Identities::parse(&std::fs::read_to_string(&key).unwrap()).unwrap();
    assert_eq!(ids.recipients()[0].to_string(), public.trim());
    let recipient: Recipient = public.parse().unwrap();
    let sealed = seal_bytes(b"for age-keygen's key", &[recipient], &mut rng(8)).unwrap();
    assert_eq!(
        decrypt(&sealed, &ids).unwrap().as_slice(),
        b"for age-keygen's key"
    );
}

#[test]
fn a_qkit_identity_works_in_age() {
    let dir = Scratch::new("qkit-id-age");
    let (key, recipient) = qkit_identity(&dir, "key.txt", 9);
    let public = String::from_utf8(age_ok("age-keygen", &["-y", arg(&key)])).unwrap();
    assert_eq!(public.trim(), recipient.to_string());
    // age encrypts to it with -r and to the identity file with -i (its public key).
    let file = dir.path("x.age");
    age_ok("age", &["-e", "-i", arg(&key), "-o", arg(&file), arg(&key)]);
    let ids = Identities::parse(&std::fs::read_to_string(&key).unwrap()).unwrap();
    let plain = decrypt(&std::fs::read(&file).unwrap(), &ids).unwrap();
    assert_eq!(plain.as_slice(), std::fs::read(&key).unwrap());
}

//! The assessor's analysis zip holds exactly what `qkit export` writes: the same sealed records,
//! opened as the assessor's import opens them (`open_any`, one file at a time, into a
//! `RecordSet`), packed by `zip_files` for every format and language, and unpacked by an
//! independent reader (Python's `zipfile`, which checks every entry's CRC), give the CLI's
//! `--out` folder byte for byte: the same names, no more, no fewer.

mod analysis_common;

use analysis_common::{export, kit, sealed_folder, Scratch};
use qkit_export::analysis::{export_files, zip_files, Format};
use qkit_export::{open_any, Identities, Opened, RecordSet, Timestamp};
use qkit_questionnaires::Lang;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

/// Every file in `dir` by name, with its bytes.
fn folder(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let name = e.file_name().into_string().unwrap();
            (name, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

/// The records of `dir`'s `records/` folder, opened as the assessor's import opens them.
fn imported(dir: &Scratch) -> RecordSet {
    let kit = kit();
    let text = std::fs::read_to_string(dir.path("key.txt")).unwrap();
    let identities = Identities::parse(&text).expect("the test's own identity");
    let mut set = RecordSet::new();
    let mut files: Vec<_> = std::fs::read_dir(dir.path("records"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    for path in files {
        let bytes = std::fs::read(&path).unwrap();
        match open_any(&bytes, &identities, &kit).expect("each record opens") {
            Opened::Record(r) => {
                set.add(&path.display().to_string(), *r);
            }
            Opened::Rescue(_) => panic!("the folder holds records only"),
        }
    }
    set
}

/// Unpacks `zip` into `into` with Python's zipfile, after its CRC check of every entry.
fn unzip(zip: &Path, into: &Path) {
    let script = "import sys, zipfile\n\
                  z = zipfile.ZipFile(sys.argv[1])\n\
                  bad = z.testzip()\n\
                  assert bad is None, 'bad entry: %s' % bad\n\
                  z.extractall(sys.argv[2])\n";
    let run = Command::new("python3")
        .args(["-c", script])
        .arg(zip)
        .arg(into)
        .output()
        .unwrap_or_else(|e| panic!("cannot run python3 ({e}): ./kit needs it too"));
    assert!(
        run.status.success(),
        "python3's zipfile refused {}: {}",
        zip.display(),
        String::from_utf8_lossy(&run.stderr)
    );
}

#[test]
fn the_zip_holds_the_files_qkit_export_writes_byte_for_byte() {
    let dir = sealed_folder("analysis-zip");
    let kit = kit();
    let set = imported(&dir);
    assert_eq!(set.len(), 3);
    for format in Format::ALL {
        for lang in ["en", "cy"] {
            let written = folder(&export(&dir, format.code(), lang));
            let files = export_files(&kit, &set, format, &Lang::parse(lang).unwrap()).files;
            let zip = zip_files(&files, Timestamp(1_796_552_131_000)).expect("zips");
            let zip_path = dir.path(&format!("{}-{lang}.zip", format.code()));
            std::fs::write(&zip_path, &zip).unwrap();
            let unpacked = dir.path(&format!("{}-{lang}-unzipped", format.code()));
            unzip(&zip_path, &unpacked);
            let names: Vec<&String> = written.keys().collect();
            let from_zip = folder(&unpacked);
            assert_eq!(
                from_zip.keys().collect::<Vec<_>>(),
                names,
                "{format:?} {lang}"
            );
            for (name, bytes) in &written {
                assert!(
                    from_zip[name] == *bytes,
                    "{format:?} {lang}: {name} differs from what qkit export wrote"
                );
            }
            println!(
                "{format:?} {lang}: {} file(s), {} bytes unpacked, zip {} bytes",
                written.len(),
                written.values().map(Vec::len).sum::<usize>(),
                zip.len()
            );
        }
    }
}

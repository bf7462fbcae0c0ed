//! Opening a folder of sealed records (`*.age`) into one [`RecordSet`], as `qkit scores` and
//! `qkit export` both do: bad files are reported on stderr with their names and reasons and
//! the rest go on; a rescue file adds its finished sittings like records and lists its
//! unfinished ones (not results: their answers carry no reports) without counting them as
//! problems.

use crate::commands::decrypt::open_file;
use anyhow::{bail, Context};
use qkit_export::{Added, Identities, Opened, RecordSet, ResultRecord};
use qkit_questionnaires::Kit;
use std::path::{Path, PathBuf};

/// The records of a folder, with how many files there were and how many problems.
pub struct Folder {
    pub set: RecordSet,
    pub files: usize,
    pub failed: usize,
}

/// Opens every `.age` file in `dir` (sorted by name) with `identities`, checked against `kit`.
pub fn open_folder(dir: &Path, identities: &Identities, kit: &Kit) -> anyhow::Result<Folder> {
    let files = sealed_files(dir)?;
    let mut failed = 0;
    let mut set = RecordSet::new();
    for path in &files {
        let shown = path.display();
        match open_file(path, identities, kit) {
            Ok(Opened::Record(record)) => add(&mut set, &shown.to_string(), *record),
            Ok(Opened::Rescue(sittings)) => {
                for (i, sitting) in sittings.into_iter().enumerate() {
                    let n = i + 1;
                    match sitting {
                        Err(e) => {
                            eprintln!("qkit: {shown}: sitting {n}: {e}");
                            failed += 1;
                        }
                        Ok(r) if r.is_unfinished() => eprintln!(
                            "{shown}: sitting {n}: \"{}\" {} is unfinished; not scored",
                            r.participant, r.timepoint
                        ),
                        Ok(r) => add(&mut set, &format!("{shown} (sitting {n})"), r),
                    }
                }
            }
            Err(e) => {
                eprintln!("qkit: {shown}: {e:#}");
                failed += 1;
            }
        }
    }
    Ok(Folder {
        set,
        files: files.len(),
        failed,
    })
}

/// Adds a finished record read from `source`. None is refused: a second, different one for the
/// same timepoint is kept beside the first, which is the one used.
fn add(set: &mut RecordSet, source: &str, record: ResultRecord) {
    let (timepoint, participant) = (record.timepoint, record.participant.clone());
    match set.add(source, record) {
        Added::New | Added::Finished { .. } => {}
        Added::Again { first } => {
            eprintln!("{source}: the same record as {first}; counted once");
        }
        Added::Beside { first } => {
            eprintln!(
                "{source}: a second {timepoint} record for \"{participant}\"; the first ({first}) is the one used (the assessor area can choose the other)"
            );
        }
    }
}

/// The `.age` files in a folder, sorted by name.
fn sealed_files(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).with_context(|| format!("cannot list {}", dir.display()))? {
        let path = entry?.path();
        if path.is_file() && path.extension().is_some_and(|x| x == "age") {
            files.push(path);
        }
    }
    if files.is_empty() {
        bail!("{} holds no .age files", dir.display());
    }
    files.sort();
    Ok(files)
}

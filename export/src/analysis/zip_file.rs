//! An export's files as one zip file (feature `zip`, assessor side), for the cohort screen's
//! download: each file at the top level under its own name, DEFLATE-compressed, dated with the
//! moment of export (UTC, to the even second, as zip keeps it). Written by the `zip` crate, in
//! memory; the same files and moment give the same bytes.

use super::ExportFile;
use crate::Timestamp;
use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

/// Why the zip file could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ZipError {
    /// The zip writer refused a file (a name or size the format cannot hold).
    #[error("zip file: cannot add {file}: {source}")]
    Add {
        file: String,
        source: zip::result::ZipError,
    },
    /// Writing a file's text into the zip failed.
    #[error("zip file: cannot write {file}: {source}")]
    Write {
        file: String,
        source: std::io::Error,
    },
    /// The zip's closing directory could not be written.
    #[error("zip file: cannot finish it: {0}")]
    Finish(zip::result::ZipError),
}

/// `files` as the bytes of one zip file, each entry dated `written`.
pub fn zip_files(files: &[ExportFile], written: Timestamp) -> Result<Vec<u8>, ZipError> {
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(zip_time(written))
        // Readable by its owner only once unpacked, as `qkit export` makes its folder.
        .unix_permissions(0o600);
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    for f in files {
        zip.start_file(f.name, options)
            .map_err(|source| ZipError::Add {
                file: f.name.to_owned(),
                source,
            })?;
        zip.write_all(f.text.as_bytes())
            .map_err(|source| ZipError::Write {
                file: f.name.to_owned(),
                source,
            })?;
    }
    Ok(zip.finish().map_err(ZipError::Finish)?.into_inner())
}

/// `t` as a zip date (years 1980 to 2107); outside them, zip's own 1980-01-01.
fn zip_time(t: Timestamp) -> DateTime {
    let (y, mo, d, h, mi, s) = t.utc_parts();
    let fit = |n: i64| u8::try_from(n).unwrap_or(0);
    u16::try_from(y)
        .ok()
        .and_then(|y| {
            DateTime::from_date_and_time(y, fit(mo), fit(d), fit(h), fit(mi), fit(s)).ok()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn every_file_comes_back_whole_under_its_name_and_date() {
        let files = [
            ExportFile {
                name: "qkit-data.csv",
                text: "participant\nA-1\n".repeat(200),
            },
            ExportFile {
                name: "codebook.md",
                text: "# Llyfr codau: gŵr â\n".into(),
            },
        ];
        // 2026-12-06T10:15:31Z: zip keeps even seconds.
        let bytes = zip_files(&files, Timestamp(1_796_552_131_000)).expect("zips");
        assert_eq!(
            bytes,
            zip_files(&files, Timestamp(1_796_552_131_000)).unwrap()
        );
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("reads back");
        assert_eq!(archive.len(), 2);
        for (i, f) in files.iter().enumerate() {
            let mut entry = archive.by_index(i).expect("an entry per file");
            assert_eq!(entry.name().expect("a UTF-8 name"), f.name);
            assert_eq!(entry.compression(), CompressionMethod::Deflated);
            let t = entry.last_modified().expect("dated");
            assert_eq!((t.year(), t.month(), t.day()), (2026, 12, 6));
            assert_eq!((t.hour(), t.minute(), t.second()), (10, 15, 30));
            let mut text = String::new();
            entry.read_to_string(&mut text).expect("inflates");
            assert_eq!(text, f.text);
        }
    }

    #[test]
    fn a_moment_zip_cannot_hold_gets_its_first_day() {
        assert_eq!(zip_time(Timestamp(0)), DateTime::default());
    }
}

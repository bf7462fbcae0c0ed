//! An export's files as one zip file (feature `zip`, assessor side), for the cohort screen's
//! download: each file at the top level under its own name, DEFLATE-compressed, marked readable
//! by its owner only, and dated with the moment of export. The zip format is written by
//! `rawzip` (no dependencies of its own), DEFLATE by `miniz_oxide`, which the assessor already
//! carries for its workspace, and the CRC-32 by the `crc` crate from a 1 KB table (rawzip's own
//! 16 KB table would add about 15 KB to the assessor's bundle); all in memory, and the same
//! files and moment give the same bytes.

use super::ExportFile;
use crate::Timestamp;
use miniz_oxide::deflate::compress_to_vec;
use rawzip::time::UtcDateTime;
use rawzip::{CompressionMethod, DataDescriptorOutput, ZipArchiveWriter};
use std::io::Write;

/// miniz_oxide's level (0–10): 1, as the assessor packs its workspace, takes miniz_oxide's
/// fast path, whose code the assessor's bundle already carries (the default, 6, makes the zips of
/// the test records a fifth to a third smaller but adds its own code to the bundle).
const LEVEL: u8 = 1;

/// The zip format's CRC-32 (ISO-HDLC), one 256-entry table.
const CRC32: crc::Crc<u32> = crc::Crc::<u32>::new(&crc::CRC_32_ISO_HDLC);

/// Why the zip file could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ZipError {
    /// The zip writer refused a file (a name or size the format cannot hold).
    #[error("zip file: cannot add {file}: {source}")]
    Add { file: String, source: rawzip::Error },
    /// Writing a file's compressed text into the zip failed.
    #[error("zip file: cannot write {file}: {source}")]
    Write {
        file: String,
        source: std::io::Error,
    },
    /// The zip's closing directory could not be written.
    #[error("zip file: cannot finish it: {0}")]
    Finish(rawzip::Error),
}

/// `files` as the bytes of one zip file, each entry dated `written`.
pub fn zip_files(files: &[ExportFile], written: Timestamp) -> Result<Vec<u8>, ZipError> {
    let when = UtcDateTime::from_unix(written.0.div_euclid(1000));
    let mut out = Vec::new();
    let mut archive = ZipArchiveWriter::new(&mut out);
    for f in files {
        let add = |source| ZipError::Add {
            file: f.name.to_owned(),
            source,
        };
        let (mut entry, _) = archive
            .new_file(f.name)
            .compression_method(CompressionMethod::DEFLATE)
            .last_modified(when)
            // As `qkit export` makes its folder: readable by its owner only once unpacked.
            .unix_permissions(0o600)
            .start()
            .map_err(add)?;
        let text = f.text.as_bytes();
        entry
            .write_all(&compress_to_vec(text, LEVEL))
            .map_err(|source| ZipError::Write {
                file: f.name.to_owned(),
                source,
            })?;
        let size = u64::try_from(text.len()).expect("a text in memory is smaller than 2^64 bytes");
        entry
            .finish(DataDescriptorOutput::new(CRC32.checksum(text), size))
            .map_err(add)?;
    }
    archive.finish().map_err(ZipError::Finish)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use miniz_oxide::inflate::decompress_to_vec;
    use rawzip::time::ZipDateTimeKind;
    use rawzip::ZipArchive;

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
        // 2026-12-06T10:15:31.250Z.
        let at = Timestamp(1_796_552_131_250);
        let bytes = zip_files(&files, at).expect("zips");
        assert_eq!(bytes, zip_files(&files, at).unwrap(), "deterministic");
        let archive = ZipArchive::from_slice(&bytes).expect("reads back");
        let mut entries = archive.entries();
        for f in &files {
            let header = entries
                .next_entry()
                .expect("reads")
                .expect("an entry per file");
            assert_eq!(header.file_path().as_ref(), f.name.as_bytes());
            assert_eq!(header.compression_method(), CompressionMethod::DEFLATE);
            let ZipDateTimeKind::Utc(t) = header.last_modified() else {
                panic!("{}: dated in UTC", f.name)
            };
            assert_eq!((t.year(), t.month(), t.day()), (2026, 12, 6));
            assert_eq!((t.hour(), t.minute(), t.second()), (10, 15, 31));
            assert_eq!(header.mode().permissions() & 0o777, 0o600);
            let entry = archive.get_entry(header.wayfinder()).expect("its data");
            let text = decompress_to_vec(entry.data()).expect("inflates");
            assert_eq!(text, f.text.as_bytes());
            // Checked against rawzip's own CRC-32, a different implementation.
            assert_eq!(rawzip::crc32(&text), header.crc32());
        }
        assert!(entries.next_entry().expect("reads").is_none(), "no more");
    }
}

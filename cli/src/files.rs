//! Reading input files with a size limit per kind of file, so that a huge or endless file (a
//! 50 MB mistake, a device) is refused before it is read whole. The limits are the core crates'
//! (`MAX_FILE_BYTES`, `MAX_RULES_BYTES`, `MAX_RESPONSES_BYTES`, …) and are listed in the README.

use anyhow::{anyhow, bail, Context};
use std::fs::File;
use std::io::Read;
use std::path::Path;

/// Reads at most `limit` bytes of `path`. Errors say what is wrong without naming the file, for
/// callers that name it themselves.
pub fn read_limited(path: &Path, limit: usize) -> anyhow::Result<Vec<u8>> {
    read_open(File::open(path).context("cannot read the file")?, limit)
}

/// Reads at most `limit` bytes of `path`; errors name the file.
pub fn read_bytes(path: &Path, limit: usize) -> anyhow::Result<Vec<u8>> {
    let file = File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
    read_open(file, limit).map_err(|e| anyhow!("{}: {e:#}", path.display()))
}

/// [`read_bytes`] of a UTF-8 text file; text that is not UTF-8 is an error naming the line.
pub fn read_text(path: &Path, limit: usize) -> anyhow::Result<String> {
    String::from_utf8(read_bytes(path, limit)?).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = 1 + valid.iter().filter(|&&b| b == b'\n').count();
        anyhow!("{}: line {line}: not UTF-8 text", path.display())
    })
}

fn read_open(file: File, limit: usize) -> anyhow::Result<Vec<u8>> {
    let limit_u64 = u64::try_from(limit).unwrap_or(u64::MAX);
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    if size > limit_u64 {
        bail!("file is {size} bytes; the limit is {limit} bytes");
    }
    // The size on disk can be wrong (a device, a file still growing): never read past the limit.
    let mut bytes = Vec::new();
    file.take(limit_u64.saturating_add(1))
        .read_to_end(&mut bytes)
        .context("cannot read the file")?;
    if bytes.len() > limit {
        bail!("file is larger than the limit of {limit} bytes");
    }
    Ok(bytes)
}

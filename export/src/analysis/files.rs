//! The files of one analysis export, named and filled: what `qkit export` writes into its folder
//! and what the assessor's cohort screen puts into its zip file. One list, so the two never
//! differ.

use super::{codebook_csv, codebook_markdown, data_csv, fhir, left_out_csv, r_script};
use super::{spss_syntax, table, Note};
use crate::record_set::RecordSet;
use qkit_questionnaires::{Kit, Lang};

/// The data file's name, as the R script and the SPSS syntax read it.
pub const DATA_FILE: &str = "qkit-data.csv";
/// The file naming every questionnaire result left out ([`left_out_csv`]), in every format.
pub const LEFT_OUT_FILE: &str = "left_out.csv";

/// What an export is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The data CSV, an R script that reads it with labels, and the codebook.
    R,
    /// The data CSV, SPSS syntax that reads it with labels, and the codebook.
    Spss,
    /// One FHIR R4 Bundle.
    Fhir,
}

impl Format {
    /// Every format, in the order they are offered.
    pub const ALL: [Format; 3] = [Format::R, Format::Spss, Format::Fhir];

    /// The format's short name: `r`, `spss` or `fhir` (as `qkit export --format` takes it).
    pub fn code(self) -> &'static str {
        match self {
            Format::R => "r",
            Format::Spss => "spss",
            Format::Fhir => "fhir",
        }
    }
}

/// One file of an export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportFile {
    /// The file's name (no folder).
    pub name: &'static str,
    /// Its whole text (UTF-8).
    pub text: String,
}

/// An export's files, with how many rows the data has and what was left out.
#[derive(Debug, Clone, PartialEq)]
pub struct Export {
    pub files: Vec<ExportFile>,
    /// Rows of the table: finished records, one per participant × programme × timepoint.
    pub rows: usize,
    /// Questionnaire results left out, each named (also in [`LEFT_OUT_FILE`]).
    pub notes: Vec<Note>,
}

/// The files of `set`'s finished records in `format`, labelled in `lang`, and [`LEFT_OUT_FILE`].
pub fn export_files(kit: &Kit, set: &RecordSet, format: Format, lang: &Lang) -> Export {
    let table = table(kit, set, lang);
    let file = |name, text| ExportFile { name, text };
    let mut files = match format {
        Format::R => vec![
            file(DATA_FILE, data_csv(&table)),
            file("qkit-data.R", r_script(&table, DATA_FILE)),
            file("codebook.csv", codebook_csv(kit, &table)),
            file("codebook.md", codebook_markdown(kit, &table)),
        ],
        Format::Spss => vec![
            file(DATA_FILE, data_csv(&table)),
            file("qkit-data.sps", spss_syntax(&table, DATA_FILE)),
            file("codebook.csv", codebook_csv(kit, &table)),
            file("codebook.md", codebook_markdown(kit, &table)),
        ],
        Format::Fhir => {
            let bundle = fhir::fhir_bundle(kit, set, lang);
            let text = serde_json::to_string_pretty(&bundle)
                .expect("a serde_json::Value always writes as JSON");
            vec![file("qkit-fhir.json", text + "\n")]
        }
    };
    files.push(file(LEFT_OUT_FILE, left_out_csv(&table.notes)));
    Export {
        files,
        rows: table.rows.len(),
        notes: table.notes,
    }
}

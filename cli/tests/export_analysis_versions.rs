//! Two definition versions in one export: A-1's pre-programme BSCS was answered under an older
//! BSCS (1.0.0) whose items changed part-way through his sitting, so the record keeps those
//! answers under 1.0.0, marked outdated and never scored; his post-programme BSCS is under the
//! kit's version. The export leaves the old result out of the rows' answers and scores (its
//! version stays in `bscs_version`) and names it on stderr and in `left_out.csv`, in every
//! format; R, GNU PSPP and the FHIR checker read what is left.

mod analysis_common;

use analysis_common::{export_said, kit, sealed_folder_with, tool, ROOT};
use qkit_export::ResultRecord;
use qkit_questionnaires::Timepoint;

/// A-1's pre record with BSCS answered under the older definition (5 answers kept).
fn old_bscs(r: &mut ResultRecord) {
    if r.participant != "A-1" || r.timepoint != Timepoint::Pre {
        return;
    }
    let bscs = r
        .questionnaires
        .iter_mut()
        .find(|q| q.id == "bscs")
        .expect("the tc pre battery has BSCS");
    bscs.version = "1.0.0".into();
    bscs.content_hash = "ab".repeat(32);
    bscs.outdated = true;
    bscs.report = None;
    bscs.answers.truncate(5);
}

const R_DUMP: &str = r#"
source("qkit-data.R", encoding = "UTF-8")
shown <- function(x) paste(ifelse(is.na(x), "NA", as.character(x)), collapse = "|")
writeLines(c(shown(qkit$participant), shown(qkit$timepoint), shown(qkit$bscs_version),
             shown(qkit$bscs_01), shown(!is.na(qkit$bscs_total)),
             shown(!is.na(qkit$bscs_total_status))), "dump.txt")
"#;

#[test]
fn a_result_under_an_older_definition_is_named_in_every_format() {
    let kit = kit();
    let current = kit
        .questionnaire("bscs")
        .expect("bscs ships")
        .version
        .clone();
    assert_ne!(current, "1.0.0");
    let dir = sealed_folder_with("analysis-versions", old_bscs);
    let line = format!(
        "left out: \"A-1\" tc pre: bscs answered under version 1.0.0, the kit has {current}; \
         its definition changed part-way through the sitting, so its answers were never scored"
    );
    let csv = format!(
        "participant,programme,timepoint,questionnaire,answered_version,kit_version,answers,reason\n\
         A-1,tc,1,bscs,1.0.0,{current},5,definition_changed_during_sitting\n"
    );
    for format in ["r", "spss", "fhir"] {
        let (out, said) = export_said(&dir, format, "en");
        assert!(said.contains(&line), "{format}: {said}");
        assert!(said.contains("3 of 3 files opened; 3 rows"), "{said}");
        let left_out = std::fs::read_to_string(out.join("left_out.csv")).unwrap();
        assert_eq!(left_out, csv, "{format}");
        match format {
            "r" => {
                std::fs::write(out.join("dump.R"), R_DUMP).unwrap();
                tool(
                    &out,
                    "Rscript",
                    &["--vanilla", "dump.R"],
                    "R (Debian's r-base-core)",
                );
                let dump = std::fs::read_to_string(out.join("dump.txt")).unwrap();
                let lines: Vec<&str> = dump.lines().collect();
                // Rows: A-1 pre, A-1 post, B-2 pre.
                assert_eq!(lines[0], "A-1|A-1|B-2");
                assert_eq!(
                    lines[2],
                    format!("1.0.0|{current}|{current}"),
                    "the version is kept"
                );
                assert!(lines[3].starts_with("NA|"), "no answers: {}", lines[3]);
                assert!(!lines[3][3..].contains("NA"), "{}", lines[3]);
                // No score for the old BSCS, nor a status (the test's answers are too few
                // for a BSCS score, so the others say "not scored": a status, not empty).
                assert!(lines[4].starts_with("FALSE|"), "{}", lines[4]);
                assert_eq!(lines[5], "FALSE|TRUE|TRUE");
            }
            "spss" => {
                std::fs::write(
                    out.join("check.sps"),
                    "INCLUDE FILE='qkit-data.sps'.\nLIST bscs_version bscs_01.\n",
                )
                .unwrap();
                let listed = tool(&out, "pspp", &["-O", "format=csv", "check.sps"], "GNU PSPP");
                assert!(
                    !listed.contains("error") && !listed.contains("warning"),
                    "{listed}"
                );
                assert!(listed.contains("1.0.0,."), "{listed}");
            }
            _ => {
                let python = format!("{ROOT}/tools/venv/bin/python");
                let script = format!("{ROOT}/tests/analysis/check_fhir.py");
                let bundle = out.join("qkit-fhir.json");
                let checked = tool(
                    &out,
                    &python,
                    &[&script, bundle.to_str().unwrap()],
                    "fhir.resources",
                );
                // 21 questionnaires in the three records, less the old BSCS.
                assert!(checked.contains("20 QuestionnaireResponse"), "{checked}");
                let text = std::fs::read_to_string(&bundle).unwrap();
                assert!(!text.contains("urn:qkit:questionnaire:bscs|1.0.0"));
            }
        }
    }
}

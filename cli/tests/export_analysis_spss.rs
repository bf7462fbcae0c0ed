//! `qkit export --format spss`: GNU PSPP runs the generated syntax on the data, and its
//! dictionary (DISPLAY DICTIONARY) holds what the definitions say: every item's text as its
//! variable label, option and special-answer labels as value labels, the special answers'
//! codes as missing values, the measurement level; and the data (LIST) are the codes the
//! records hold, each score's status (1 from every item, 2 prorated, 3 not scored) with its
//! value labels. In English and in Welsh. Needs GNU PSPP (Debian's pspp).

mod analysis_common;

use analysis_common::{answer_for, export, kit, record, sealed_folder, tool, PEOPLE};
use qkit_questionnaires::{Lang, SpecialAnswer};
use qkit_scoring::{Answer, ScoreStatus};
use std::collections::BTreeMap;

/// PSPP's CSV output split into its tables, each a list of rows.
fn tables(text: &str) -> BTreeMap<String, Vec<Vec<String>>> {
    let mut out: BTreeMap<String, Vec<Vec<String>>> = BTreeMap::new();
    let mut current = String::new();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    for row in reader.records() {
        let row: Vec<String> = row
            .expect("PSPP writes valid CSV")
            .iter()
            .map(str::to_owned)
            .collect();
        if row.iter().all(String::is_empty) {
            continue;
        }
        if let Some(name) = row[0].strip_prefix("Table: ") {
            current = name.to_owned();
            continue;
        }
        out.entry(current.clone()).or_default().push(row);
    }
    out
}

#[test]
fn pspp_reads_the_labels_and_missing_values_in_english_and_welsh() {
    let kit = kit();
    let dir = sealed_folder("analysis-spss");
    let records: Vec<_> = PEOPLE.iter().map(|w| (w, record(&kit, w))).collect();
    for lang_tag in ["en", "cy"] {
        let lang = Lang::parse(lang_tag).unwrap();
        let out = export(&dir, "spss", lang_tag);
        std::fs::write(
            out.join("check.sps"),
            "INCLUDE FILE='qkit-data.sps'.\nDISPLAY DICTIONARY.\nLIST.\n",
        )
        .unwrap();
        let args = ["-O", "format=csv", "-o", "out.csv", "check.sps"];
        tool(&out, "pspp", &args, "GNU PSPP (Debian's pspp)");
        let t = tables(&std::fs::read_to_string(out.join("out.csv")).unwrap());
        assert!(
            !t.keys()
                .any(|k| k.contains("Error") || k.contains("Warning")),
            "{t:?}"
        );
        let variables = &t["Variables"];
        let header = &variables[0];
        let col = |name: &str| header.iter().position(|h| h == name).unwrap();
        let (label, level, missing) = (
            col("Label"),
            col("Measurement Level"),
            col("Missing Values"),
        );
        let by_name: BTreeMap<&str, &Vec<String>> =
            variables[1..].iter().map(|r| (r[0].as_str(), r)).collect();
        // Value labels come in dictionary order, a group per labelled variable.
        let mut groups: Vec<Vec<(String, String)>> = Vec::new();
        // Rows of three cells; a footnote ("a. User-missing value") has one.
        for row in t["Value Labels"][1..].iter().filter(|r| r.len() == 3) {
            if !row[0].is_empty() {
                groups.push(Vec::new());
            }
            groups
                .last_mut()
                .unwrap()
                .push((row[1].clone(), row[2].clone()));
        }
        let labelled: Vec<&str> = variables[1..]
            .iter()
            .map(|r| r[0].as_str())
            .filter(|n| {
                *n == "timepoint"
                    || n.ends_with("_wording")
                    || n.ends_with("_band")
                    || n.ends_with("_status")
                    || kit.questionnaires.values().any(|q| q.item(n).is_some())
            })
            .collect();
        assert_eq!(
            labelled.len(),
            groups.len(),
            "{lang_tag}: one value-label group per coded variable"
        );
        let value_labels: BTreeMap<&str, &Vec<(String, String)>> =
            labelled.into_iter().zip(&groups).collect();
        let data = &t["Data List"];
        assert_eq!(data.len(), 4, "a header and three rows");
        let data_col = |name: &str| data[0].iter().position(|h| h == name).unwrap();
        for q in kit.questionnaires.values() {
            for (i, item) in q.items.iter().enumerate() {
                let row = by_name
                    .get(item.id.as_str())
                    .unwrap_or_else(|| panic!("no variable {}", item.id));
                assert_eq!(row[label], item.text.get(&lang), "{lang_tag}: {}", item.id);
                let nominal = item.response_scale.options.iter().any(|o| o.code.is_some());
                assert_eq!(
                    row[level],
                    if nominal { "Nominal" } else { "Ordinal" },
                    "{}",
                    item.id
                );
                let specials: Vec<SpecialAnswer> =
                    q.special_answers_for(item).map(|r| r.kind).collect();
                let code = |s: SpecialAnswer| {
                    -1 - SpecialAnswer::ALL.iter().position(|x| *x == s).unwrap() as i32
                };
                let codes: Vec<String> = specials.iter().map(|s| code(*s).to_string()).collect();
                assert_eq!(row[missing], codes.join("; "), "{}", item.id);
                let mut want: Vec<(String, String)> = item
                    .response_scale
                    .options
                    .iter()
                    .map(|o| (o.value.to_string(), o.label.get(&lang).to_owned()))
                    .chain(specials.iter().map(|s| {
                        (
                            format!("{}[a]", code(*s)),
                            kit.ui
                                .get(&lang, &format!("special_{}", s.key()))
                                .to_owned(),
                        )
                    }))
                    .collect();
                want.sort();
                let mut got = value_labels[item.id.as_str()].clone();
                got.sort();
                assert_eq!(got, want, "{lang_tag}: value labels of {}", item.id);
                for (n, (who, r)) in records.iter().enumerate() {
                    let held = r.questionnaires.iter().any(|x| x.id == q.id);
                    let expected = match answer_for(q, item, i, who).filter(|_| held) {
                        Some(Answer::Value(v)) => v.to_string(),
                        Some(Answer::Special(s)) => code(s).to_string(),
                        None => ".".to_owned(),
                    };
                    assert_eq!(
                        data[n + 1][data_col(&item.id)].trim(),
                        expected,
                        "{} row {n}",
                        item.id
                    );
                }
            }
        }
        // Each score's status: value labels 1-3, and the codes the records' reports give.
        let status_labels: Vec<(String, String)> = [
            "analysis_status_ok",
            "analysis_status_prorated",
            "analysis_status_not_scorable",
        ]
        .iter()
        .zip(1..)
        .map(|(key, code)| (code.to_string(), kit.ui.get(&lang, key).to_owned()))
        .collect();
        for q in kit.questionnaires.values() {
            for scale in &q.scales {
                let name = format!("{}_{}_status", q.id, scale.id);
                assert_eq!(*value_labels[name.as_str()], status_labels, "{name}");
                assert_eq!(by_name[name.as_str()][level], "Nominal", "{name}");
                for (n, (_, r)) in records.iter().enumerate() {
                    let status = r
                        .questionnaires
                        .iter()
                        .find(|x| x.id == q.id)
                        .and_then(|x| x.report.as_ref())
                        .and_then(|rep| rep.scales.iter().find(|s| s.scale == scale.id))
                        .map(|s| &s.status);
                    let expected = match status {
                        None => ".",
                        Some(ScoreStatus::Ok) => "1",
                        Some(ScoreStatus::Prorated) => "2",
                        Some(ScoreStatus::NotScorable(_)) => "3",
                    };
                    assert_eq!(
                        data[n + 1][data_col(&name)].trim(),
                        expected,
                        "{name} row {n}"
                    );
                }
            }
        }
        if lang_tag == "cy" {
            assert!(value_labels["about_you_01"].contains(&("2".into(), "Cymraeg".into())));
        }
    }
}

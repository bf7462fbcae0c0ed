//! `qkit export --format r`: R reads the data with the generated script, and every column of
//! every shipped questionnaire comes out as the definitions say: item factors with the option
//! labels as levels, the item text as `attr(x, "label")`, special answers `NA` with their kind
//! in `attr(x, "special")`, unanswered items `NA`, scores as numbers with their status (from
//! every item, prorated, not scored) a labelled factor, in English and in Welsh.
//! Needs R (Debian's r-base-core).

mod analysis_common;

use analysis_common::{answer_for, export, kit, record, sealed_folder, tool, PEOPLE};
use qkit_questionnaires::{Kit, Lang, Timepoint};
use qkit_scoring::{Answer, ScoreStatus};

/// The labels of a score's status, in code order (1, 2, 3).
const STATUS_KEYS: [&str; 3] = [
    "analysis_status_ok",
    "analysis_status_prorated",
    "analysis_status_not_scorable",
];
use std::collections::BTreeMap;

const DUMP: &str = r#"
source("qkit-data.R", encoding = "UTF-8")
con <- file("dump.tsv", open = "w", encoding = "UTF-8")
shown <- function(x, sp) {
  v <- ifelse(is.na(x), "NA", as.character(x))
  if (!is.null(sp)) v <- ifelse(is.na(x) & !is.na(sp), paste0("[", as.character(sp), "]"), v)
  paste(v, collapse = "|")
}
for (name in names(qkit)) {
  x <- qkit[[name]]
  lab <- attr(x, "label")
  sp <- attr(x, "special")
  line <- c(name, class(x)[1], if (is.null(lab)) "" else lab,
            if (is.factor(x)) paste(levels(x), collapse = "|") else "",
            if (is.null(sp)) "" else paste(levels(sp), collapse = "|"),
            shown(x, sp))
  writeLines(paste(line, collapse = "\t"), con, useBytes = TRUE)
}
close(con)
"#;

/// One column as R sees it: class, label, levels, special levels, the values row by row.
#[derive(Debug, PartialEq)]
struct Column {
    class: String,
    label: String,
    levels: String,
    special: String,
    values: String,
}

fn read_in_r(out: &std::path::Path) -> BTreeMap<String, Column> {
    std::fs::write(out.join("dump.R"), DUMP).unwrap();
    tool(
        out,
        "Rscript",
        &["--vanilla", "dump.R"],
        "R (Debian's r-base-core)",
    );
    let dump = std::fs::read_to_string(out.join("dump.tsv")).unwrap();
    dump.lines()
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 6, "{l}");
            let column = Column {
                class: f[1].into(),
                label: f[2].into(),
                levels: f[3].into(),
                special: f[4].into(),
                values: f[5].into(),
            };
            (f[0].to_owned(), column)
        })
        .collect()
}

/// What every item, score and the timepoint should look like in R, from the definitions and
/// the answers the records were made with.
fn expected(kit: &Kit, lang: &Lang) -> BTreeMap<String, Column> {
    let mut want = BTreeMap::new();
    let special = |k: qkit_questionnaires::SpecialAnswer| {
        kit.ui.get(lang, &format!("special_{}", k.key())).to_owned()
    };
    let records: Vec<_> = PEOPLE.iter().map(|w| (w, record(kit, w))).collect();
    want.insert(
        "timepoint".to_owned(),
        Column {
            class: "factor".into(),
            label: kit.ui.get(lang, "analysis_timepoint").into(),
            levels: Timepoint::ALL
                .map(|t| kit.ui.get(lang, &format!("timepoint_{t}")).to_owned())
                .join("|"),
            special: String::new(),
            values: PEOPLE
                .iter()
                .map(|w| {
                    kit.ui
                        .get(lang, &format!("timepoint_{}", w.timepoint))
                        .to_owned()
                })
                .collect::<Vec<_>>()
                .join("|"),
        },
    );
    for q in kit.questionnaires.values() {
        for (i, item) in q.items.iter().enumerate() {
            assert!(
                item.id.starts_with(&format!("{}_", q.id)),
                "shipped items follow the naming convention"
            );
            let values = records.iter().map(|(who, r)| {
                if !r.questionnaires.iter().any(|x| x.id == q.id) {
                    return "NA".to_owned();
                }
                match answer_for(q, item, i, who) {
                    Some(Answer::Value(v)) => item
                        .response_scale
                        .option(v)
                        .unwrap()
                        .label
                        .get(lang)
                        .to_owned(),
                    Some(Answer::Special(s)) => format!("[{}]", special(s)),
                    None => "NA".to_owned(),
                }
            });
            want.insert(
                item.id.clone(),
                Column {
                    class: "factor".into(),
                    label: item.text.get(lang).into(),
                    levels: item
                        .response_scale
                        .options
                        .iter()
                        .map(|o| o.label.get(lang))
                        .collect::<Vec<_>>()
                        .join("|"),
                    special: q
                        .special_answers_for(item)
                        .map(|r| special(r.kind))
                        .collect::<Vec<_>>()
                        .join("|"),
                    values: values.collect::<Vec<_>>().join("|"),
                },
            );
        }
        for scale in &q.scales {
            let values = records.iter().map(|(_, r)| {
                let score = r
                    .questionnaires
                    .iter()
                    .find(|x| x.id == q.id)
                    .and_then(|x| {
                        x.report
                            .as_ref()?
                            .scales
                            .iter()
                            .find(|s| s.scale == scale.id)?
                            .score
                    });
                score.map_or("NA".to_owned(), |s| s.to_string())
            });
            let title = q.short_title.get(lang);
            let args = [("questionnaire", title), ("scale", scale.title.get(lang))];
            let statuses = records.iter().map(|(_, r)| {
                let status = r
                    .questionnaires
                    .iter()
                    .find(|x| x.id == q.id)
                    .and_then(|x| {
                        let report = x.report.as_ref()?;
                        Some(
                            report
                                .scales
                                .iter()
                                .find(|s| s.scale == scale.id)?
                                .status
                                .clone(),
                        )
                    });
                let key = match status {
                    None => return "NA".to_owned(),
                    Some(ScoreStatus::Ok) => "analysis_status_ok",
                    Some(ScoreStatus::Prorated) => "analysis_status_prorated",
                    Some(ScoreStatus::NotScorable(_)) => "analysis_status_not_scorable",
                };
                kit.ui.get(lang, key).to_owned()
            });
            want.insert(
                format!("{}_{}_status", q.id, scale.id),
                Column {
                    class: "factor".into(),
                    label: kit.ui.format(lang, "analysis_status", &args),
                    levels: STATUS_KEYS.map(|k| kit.ui.get(lang, k)).join("|"),
                    special: String::new(),
                    values: statuses.collect::<Vec<_>>().join("|"),
                },
            );
            want.insert(
                format!("{}_{}", q.id, scale.id),
                Column {
                    class: "numeric".into(),
                    label: kit.ui.format(lang, "analysis_score", &args),
                    levels: String::new(),
                    special: String::new(),
                    values: values.collect::<Vec<_>>().join("|"),
                },
            );
        }
    }
    want
}

#[test]
fn r_reads_every_item_with_labels_and_special_answers_in_english_and_welsh() {
    let kit = kit();
    let dir = sealed_folder("analysis-r");
    for lang in ["en", "cy"] {
        let out = export(&dir, "r", lang);
        let got = read_in_r(&out);
        let want = expected(&kit, &Lang::parse(lang).unwrap());
        for (name, column) in &want {
            let seen = got
                .get(name)
                .unwrap_or_else(|| panic!("{lang}: R has no column {name}"));
            assert_eq!(seen, column, "{lang}: column {name}");
        }
        // The test records hold every status: PHQ-9 prorated (7 of 9 answered), GAD-7 not
        // scored (5 of 7, too few), and some scale scored from every item it needs.
        let l = Lang::parse(lang).unwrap();
        let status = |key: &str| kit.ui.get(&l, key).to_owned();
        assert!(got["phq9_total_status"]
            .values
            .contains(&status(STATUS_KEYS[1])));
        assert!(got["gad7_total_status"]
            .values
            .contains(&status(STATUS_KEYS[2])));
        let ok = status(STATUS_KEYS[0]);
        assert!(got
            .iter()
            .any(|(name, c)| name.ends_with("_status") && c.values.split('|').any(|v| v == ok)));
        // Every questionnaire is there, and the Welsh labels came through intact.
        assert!(got.contains_key("feedback_01") && got.contains_key("about_you_01"));
        if lang == "cy" {
            assert_eq!(got["about_you_01"].levels, "Saesneg (English)|Cymraeg");
            assert!(got["phq9_01"]
                .special
                .contains("Mae'n well gen i beidio â dweud"));
        }
    }
}

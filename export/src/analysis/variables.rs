//! Every column the kit can give an analysis table, named in the fixed order of
//! [`super::names`] and labelled in one language: the record's fields, then per questionnaire
//! its version, wording, language shown, items, and per scale its score, band and score status.

use super::names::{item_name, Names};
use super::table::special_code;
use super::{status_code, wording_code, About, Measure, SpecialCode, Storage, ValueLabel};
use super::{Variable, Variable as V};
use qkit_questionnaires::{Kit, Lang, Questionnaire, Timepoint};

/// Every column the kit can give, named in the fixed order of [`super::names`].
pub(super) fn variables(kit: &Kit, lang: &Lang) -> Vec<Variable> {
    let ui = |key: &str| kit.ui.get(lang, key).to_owned();
    let mut names = Names::new();
    let mut out = Vec::new();
    let plain = |names: &mut Names, field: &'static str, storage, values: Vec<ValueLabel>| V {
        name: names.take(field),
        label: ui(&format!("analysis_{field}")),
        storage,
        // Only the timepoint has value labels, and its values are in order.
        measure: if values.is_empty() {
            Measure::Nominal
        } else {
            Measure::Ordinal
        },
        values,
        missing: Vec::new(),
        about: About::Record(field),
    };
    let timepoints = Timepoint::ALL
        .iter()
        .map(|t| ValueLabel {
            code: *t as i32 + 1,
            label: ui(&format!("timepoint_{t}")),
        })
        .collect();
    out.push(plain(&mut names, "participant", Storage::Text(1), vec![]));
    out.push(plain(&mut names, "programme", Storage::Text(1), vec![]));
    out.push(plain(&mut names, "timepoint", Storage::Numeric, timepoints));
    out.push(plain(&mut names, "completed", Storage::Text(1), vec![]));
    out.push(plain(&mut names, "language", Storage::Text(1), vec![]));
    for q in kit.questionnaires.values() {
        questionnaire_variables(kit, q, lang, &mut names, &mut out);
    }
    out
}

fn questionnaire_variables(
    kit: &Kit,
    q: &Questionnaire,
    lang: &Lang,
    names: &mut Names,
    out: &mut Vec<Variable>,
) {
    let title = q.short_title.get(lang);
    let ui = |key: &str, args: &[(&str, &str)]| kit.ui.format(lang, key, args);
    let id = q.id.clone();
    out.push(V {
        name: names.take(&format!("{id}_version")),
        label: ui("analysis_version", &[("questionnaire", title)]),
        storage: Storage::Text(1),
        measure: Measure::Nominal,
        values: Vec::new(),
        missing: Vec::new(),
        about: About::Version {
            questionnaire: id.clone(),
        },
    });
    let wordings = [
        (wording_code::STANDARD, "analysis_wording_standard"),
        (wording_code::EASY_READ, "analysis_wording_easy_read"),
        (wording_code::MIXED, "analysis_wording_mixed"),
    ];
    out.push(V {
        name: names.take(&format!("{id}_wording")),
        label: ui("analysis_wording", &[("questionnaire", title)]),
        storage: Storage::Numeric,
        measure: Measure::Nominal,
        values: value_labels(kit, lang, &wordings),
        missing: Vec::new(),
        about: About::Wording {
            questionnaire: id.clone(),
        },
    });
    out.push(V {
        name: names.take(&format!("{id}_language")),
        label: ui("analysis_language_shown", &[("questionnaire", title)]),
        storage: Storage::Text(1),
        measure: Measure::Nominal,
        values: Vec::new(),
        missing: Vec::new(),
        about: About::Language {
            questionnaire: id.clone(),
        },
    });
    for (i, item) in q.items.iter().enumerate() {
        let options = &item.response_scale.options;
        out.push(V {
            name: names.take(&item_name(&id, &item.id)),
            label: item.text.get(lang).to_owned(),
            storage: Storage::Numeric,
            // Kit forms code their options by meaning (yes, no, a site): categories, not a scale.
            measure: if options.iter().any(|o| o.code.is_some()) {
                Measure::Nominal
            } else {
                Measure::Ordinal
            },
            values: options
                .iter()
                .map(|o| ValueLabel {
                    code: o.value,
                    label: o.label.get(lang).to_owned(),
                })
                .collect(),
            missing: q
                .special_answers_for(item)
                .map(|rule| SpecialCode {
                    kind: rule.kind,
                    code: special_code(item, rule.kind),
                    label: kit
                        .ui
                        .get(lang, &format!("special_{}", rule.kind.key()))
                        .to_owned(),
                })
                .collect(),
            about: About::Item {
                questionnaire: id.clone(),
                item: i,
            },
        });
    }
    for (i, scale) in q.scales.iter().enumerate() {
        let args = [("questionnaire", title), ("scale", scale.title.get(lang))];
        out.push(V {
            name: names.take(&format!("{id}_{}", scale.id)),
            label: ui("analysis_score", &args),
            storage: Storage::Numeric,
            measure: Measure::Scale,
            values: Vec::new(),
            missing: Vec::new(),
            about: About::Score {
                questionnaire: id.clone(),
                scale: i,
            },
        });
        if let Some(bands) = &scale.bands {
            out.push(V {
                name: names.take(&format!("{id}_{}_band", scale.id)),
                label: ui("analysis_band", &args),
                storage: Storage::Numeric,
                measure: Measure::Ordinal,
                values: (1..)
                    .zip(&bands.bands)
                    .map(|(code, b)| ValueLabel {
                        code,
                        label: b.label.get(lang).to_owned(),
                    })
                    .collect(),
                missing: Vec::new(),
                about: About::Band {
                    questionnaire: id.clone(),
                    scale: i,
                },
            });
        }
        let statuses = [
            (status_code::OK, "analysis_status_ok"),
            (status_code::PRORATED, "analysis_status_prorated"),
            (status_code::NOT_SCORABLE, "analysis_status_not_scorable"),
        ];
        out.push(V {
            name: names.take(&format!("{id}_{}_status", scale.id)),
            label: ui("analysis_status", &args),
            storage: Storage::Numeric,
            measure: Measure::Nominal,
            values: value_labels(kit, lang, &statuses),
            missing: Vec::new(),
            about: About::Status {
                questionnaire: id.clone(),
                scale: i,
            },
        });
    }
}

/// Value labels in `lang` from (code, interface string key) pairs.
fn value_labels(kit: &Kit, lang: &Lang, codes: &[(i32, &str)]) -> Vec<ValueLabel> {
    codes
        .iter()
        .map(|(code, key)| ValueLabel {
            code: *code,
            label: kit.ui.get(lang, key).to_owned(),
        })
        .collect()
}

//! Building the analysis [`Table`] from a kit and the records opened together.

use super::names::{item_name, Names};
use super::{wording_code, About, Cell, Measure, Note, SpecialCode, Storage, Table, ValueLabel};
use super::{Variable, Variable as V};
use crate::record::{QuestionnaireResult, ResultRecord, WordingKey};
use crate::record_set::RecordSet;
use qkit_questionnaires::{Item, Kit, Lang, Questionnaire, SpecialAnswer, Timepoint};
use qkit_scoring::Answer;

/// The code of special answer `kind` on `item`: `-1` (don't know), `-2` (prefer not to say) and
/// `-3` (I don't understand) when every option's value is 0 or more, else the same steps below
/// the smallest option value. It depends on the item's definition only.
pub fn special_code(item: &Item, kind: SpecialAnswer) -> i32 {
    let step = match kind {
        SpecialAnswer::DontKnow => 1,
        SpecialAnswer::PreferNotToSay => 2,
        SpecialAnswer::DontUnderstand => 3,
    };
    item.response_scale.min.min(0) - step
}

/// The finished records in `set` as a table labelled in `lang`: one row per participant ×
/// programme × timepoint (sorted so), a column group per questionnaire of the kit that any of
/// them holds. Unfinished records (sittings out of a rescue file) have no row.
pub fn table(kit: &Kit, set: &RecordSet, lang: &Lang) -> Table {
    let records: Vec<&ResultRecord> = set
        .people()
        .flat_map(|(_, _, by_t)| by_t.iter().flatten())
        .map(|imported| &imported.record)
        .filter(|r| !r.is_unfinished())
        .collect();
    let all = variables(kit, lang);
    let held = |q: &str| {
        records
            .iter()
            .any(|r| r.questionnaires.iter().any(|x| x.id == q))
    };
    let variables: Vec<Variable> = all
        .into_iter()
        .filter(|v| questionnaire_of(&v.about).is_none_or(held))
        .collect();
    let mut notes = Vec::new();
    let rows: Vec<Vec<Cell>> = records
        .iter()
        .map(|r| row(kit, &variables, r, &mut notes))
        .collect();
    let mut variables = variables;
    for (i, v) in variables.iter_mut().enumerate() {
        if let Storage::Text(_) = v.storage {
            let widest = rows.iter().map(|r| match &r[i] {
                Cell::Text(t) => t.len(),
                _ => 0,
            });
            v.storage = Storage::Text(widest.max().unwrap_or(0).max(1));
        }
    }
    Table {
        lang: lang.clone(),
        variables,
        rows,
        notes,
    }
}

/// The questionnaire a column belongs to; `None` for the record's own fields.
pub(super) fn questionnaire_of(about: &About) -> Option<&str> {
    match about {
        About::Record(_) => None,
        About::Version { questionnaire }
        | About::Wording { questionnaire }
        | About::Language { questionnaire }
        | About::Item { questionnaire, .. }
        | About::Score { questionnaire, .. }
        | About::Band { questionnaire, .. } => Some(questionnaire),
    }
}

/// Every column the kit can give, named in the fixed order of [`super::names`].
fn variables(kit: &Kit, lang: &Lang) -> Vec<Variable> {
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
        values: wordings
            .iter()
            .map(|(code, key)| ValueLabel {
                code: *code,
                label: ui(key, &[]),
            })
            .collect(),
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
    }
}

/// The languages a questionnaire's answers were shown in, each once in the order first used
/// and joined by `+` (`cy`, `en`, or `cy+en` when staff changed the language part-way through);
/// `None` with no answers. In a Welsh sitting a questionnaire with no Welsh text is `en`.
pub fn languages_shown(res: &QuestionnaireResult) -> Option<String> {
    let mut langs: Vec<&str> = Vec::new();
    for a in &res.answers {
        if !langs.contains(&a.language.as_str()) {
            langs.push(&a.language);
        }
    }
    (!langs.is_empty()).then(|| langs.join("+"))
}

/// The kit's definition of a result, when it was answered under that definition (not an older
/// one): only then do its answers fit the kit's items.
pub(super) fn usable<'k>(kit: &'k Kit, result: &QuestionnaireResult) -> Option<&'k Questionnaire> {
    kit.questionnaire(&result.id)
        .filter(|q| !result.outdated && result.content_hash == q.content_hash)
}

/// One record's row.
fn row(kit: &Kit, variables: &[Variable], r: &ResultRecord, notes: &mut Vec<Note>) -> Vec<Cell> {
    let mut held: Vec<&str> = Vec::new();
    for result in &r.questionnaires {
        match usable(kit, result) {
            Some(_) => held.push(&result.id),
            None => notes.push(Note {
                participant: r.participant.clone(),
                questionnaire: result.id.clone(),
                reason: format!(
                    "answered under version {} ({}), not the kit's definition: its answers are left out",
                    result.version,
                    &result.content_hash[..result.content_hash.len().min(12)]
                ),
            }),
        }
    }
    let result = |q: &str| r.questionnaires.iter().find(|x| x.id == q);
    variables
        .iter()
        .map(|v| {
            let Some(q) = questionnaire_of(&v.about) else {
                return record_cell(r, &v.about);
            };
            match (result(q), kit.questionnaire(q)) {
                (Some(res), Some(def)) if held.contains(&q) => cell(def, res, &v.about),
                (Some(res), _) if matches!(v.about, About::Version { .. }) => {
                    Cell::Text(res.version.clone())
                }
                _ => Cell::Empty,
            }
        })
        .collect()
}

fn record_cell(r: &ResultRecord, about: &About) -> Cell {
    match about {
        About::Record("participant") => Cell::Text(r.participant.clone()),
        About::Record("programme") => Cell::Text(r.programme.clone()),
        About::Record("timepoint") => Cell::Int(r.timepoint as i64 + 1),
        About::Record("completed") => r
            .completed_at
            .map_or(Cell::Empty, |t| Cell::Text(t.rfc3339_seconds())),
        About::Record("language") => Cell::Text(r.language.clone()),
        _ => Cell::Empty,
    }
}

/// The cell of a questionnaire's column for one result answered under the kit's definition.
fn cell(q: &Questionnaire, res: &QuestionnaireResult, about: &About) -> Cell {
    let report = res.report.as_ref();
    match about {
        About::Version { .. } => Cell::Text(res.version.clone()),
        About::Wording { .. } => {
            let standard = res
                .answers
                .iter()
                .any(|a| a.wording == WordingKey::Standard);
            let easy = res
                .answers
                .iter()
                .any(|a| a.wording == WordingKey::EasyRead);
            match (standard, easy) {
                (true, false) => Cell::Int(wording_code::STANDARD.into()),
                (false, true) => Cell::Int(wording_code::EASY_READ.into()),
                (true, true) => Cell::Int(wording_code::MIXED.into()),
                (false, false) => Cell::Empty,
            }
        }
        About::Language { .. } => languages_shown(res).map_or(Cell::Empty, Cell::Text),
        About::Item { item, .. } => {
            let def = &q.items[*item];
            match res
                .answers
                .iter()
                .find(|a| a.item == def.id)
                .map(|a| a.answer)
            {
                Some(Answer::Value(v)) => Cell::Int(v.into()),
                Some(Answer::Special(kind)) => Cell::Int(special_code(def, kind).into()),
                None => Cell::Empty,
            }
        }
        About::Score { scale, .. } => report
            .and_then(|rep| rep.scales.iter().find(|s| s.scale == q.scales[*scale].id))
            .and_then(|s| s.score)
            .map_or(Cell::Empty, Cell::Num),
        About::Band { scale, .. } => {
            let def = &q.scales[*scale];
            let band = report
                .and_then(|rep| rep.scales.iter().find(|s| s.scale == def.id))
                .and_then(|s| s.band.as_deref());
            let position = def
                .bands
                .as_ref()
                .and_then(|b| band.and_then(|id| b.bands.iter().position(|x| x.id == id)));
            position.map_or(Cell::Empty, |i| Cell::Int(i as i64 + 1))
        }
        About::Record(_) => Cell::Empty,
    }
}

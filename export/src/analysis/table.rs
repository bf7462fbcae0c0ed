//! Building the analysis [`Table`] from a kit and the records opened together.

use super::variables::variables;
use super::{status_code, wording_code, About, Cell, LeftOut, Note, Storage, Table, Variable};
use crate::record::{QuestionnaireResult, ResultRecord, WordingKey};
use crate::record_set::RecordSet;
use qkit_questionnaires::{Item, Kit, Lang, Questionnaire, SpecialAnswer};
use qkit_scoring::{Answer, ScoreStatus};

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
        | About::Band { questionnaire, .. }
        | About::Status { questionnaire, .. } => Some(questionnaire),
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

/// The language most of a questionnaire's answers were shown in (the first used of those
/// tied); `None` with no answers. A FHIR response gives it as its `language`.
pub fn main_language(res: &QuestionnaireResult) -> Option<&str> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for a in &res.answers {
        match counts.iter_mut().find(|(l, _)| *l == a.language) {
            Some((_, n)) => *n += 1,
            None => counts.push((&a.language, 1)),
        }
    }
    // `max_by_key` keeps the last of equals: walk backwards so the first used wins a tie.
    counts.iter().rev().max_by_key(|(_, n)| *n).map(|(l, _)| *l)
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
                programme: r.programme.clone(),
                timepoint: r.timepoint,
                questionnaire: result.id.clone(),
                version: result.version.clone(),
                kit_version: kit.questionnaire(&result.id).map(|q| q.version.clone()),
                reason: if result.outdated {
                    LeftOut::ChangedDuringSitting
                } else {
                    LeftOut::OtherDefinition
                },
                answers: result.answers.len(),
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
        About::Status { scale, .. } => report
            .and_then(|rep| rep.scales.iter().find(|s| s.scale == q.scales[*scale].id))
            .map_or(Cell::Empty, |s| {
                Cell::Int(
                    match s.status {
                        ScoreStatus::Ok => status_code::OK,
                        ScoreStatus::Prorated => status_code::PRORATED,
                        ScoreStatus::NotScorable(_) => status_code::NOT_SCORABLE,
                    }
                    .into(),
                )
            }),
        About::Record(_) => Cell::Empty,
    }
}

//! Records for the analysis export tests: every shipped questionnaire (the `tc` programme's
//! pre and post batteries hold them all), answers that walk through every option, every special
//! answer and an unanswered item, in English and Welsh, standard and easy-read wording; sealed
//! into a folder and exported with `qkit export`. The tools that read the exports (R, GNU PSPP,
//! Python with fhir.resources) must be installed (`./kit setup`): a missing tool fails the test,
//! it is never skipped.

#![allow(dead_code)]

#[path = "../../../tests/tests/export_common/mod.rs"]
mod export_common;

pub use export_common::{arg, Scratch};
use qkit_export::{
    seal_record, Consent, NewIdentity, QuestionnaireResult, RecordedAnswer, ResultRecord, Sitting,
    Support, Timestamp, WordingKey,
};
use qkit_questionnaires::{Item, Kit, Questionnaire, SpecialAnswer, Timepoint};
use qkit_scoring::Answer;
use rand_core::OsRng;
use std::path::{Path, PathBuf};
use std::process::Command;

pub const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/..");

pub fn kit() -> Kit {
    Kit::shipped_with_assessor().expect("the shipped definitions are valid")
}

/// A participant's sitting: who, when, the interface language and wording.
pub struct Who {
    pub participant: &'static str,
    pub timepoint: Timepoint,
    pub lang: &'static str,
    pub wording: WordingKey,
    /// Shifts which option each item gets, so participants differ.
    pub shift: usize,
}

pub const PEOPLE: [Who; 3] = [
    Who {
        participant: "A-1",
        timepoint: Timepoint::Pre,
        lang: "en",
        wording: WordingKey::EasyRead,
        shift: 0,
    },
    Who {
        participant: "A-1",
        timepoint: Timepoint::Post,
        lang: "en",
        wording: WordingKey::Standard,
        shift: 1,
    },
    Who {
        participant: "B-2",
        timepoint: Timepoint::Pre,
        lang: "cy",
        wording: WordingKey::Standard,
        shift: 2,
    },
];

/// What item `index` of `q` is answered in `who`'s record: every sixth item (from the fifth) a
/// special answer the item offers, taken in turn, the fourth item unanswered, the others an
/// option walking through the scale. The consent item is always "yes".
pub fn answer_for(q: &Questionnaire, item: &Item, index: usize, who: &Who) -> Option<Answer> {
    if q.id == "consent" {
        return Some(Answer::Value(
            item.response_scale.option_with_code("yes")?.value,
        ));
    }
    if index == 3 {
        return None;
    }
    let specials: Vec<SpecialAnswer> = q.special_answers_for(item).map(|r| r.kind).collect();
    if index % 6 == 4 && !specials.is_empty() {
        return Some(Answer::Special(
            specials[(index / 6 + who.shift) % specials.len()],
        ));
    }
    let options = &item.response_scale.options;
    Some(Answer::Value(
        options[(index + who.shift) % options.len()].value,
    ))
}

/// `who`'s record on the `tc` programme, scored.
pub fn record(kit: &Kit, who: &Who) -> ResultRecord {
    let at = Timestamp(1_795_000_000_000 + who.timepoint as i64 * 86_400_000);
    let mut questionnaires = Vec::new();
    for q in kit.battery("tc", who.timepoint).expect("the tc programme") {
        let mut answers = Vec::new();
        for (i, item) in q.items.iter().enumerate() {
            if let Some(answer) = answer_for(q, item, i, who) {
                answers.push(RecordedAnswer {
                    item: item.id.clone(),
                    answer,
                    wording: if item.easy_read.is_some() {
                        who.wording
                    } else {
                        WordingKey::Standard
                    },
                    language: if q.languages.iter().any(|l| l.as_str() == who.lang) {
                        who.lang
                    } else {
                        "en"
                    }
                    .to_owned(),
                    seconds: 4.0,
                    assisted: false,
                    answered_at: at,
                    history: Vec::new(),
                });
            }
        }
        let result = QuestionnaireResult::scored(q, answers).expect("the answers fit");
        questionnaires.push(result);
    }
    ResultRecord {
        format: qkit_export::RECORD_FORMAT,
        kit_version: "test".into(),
        device: None,
        record_id: format!("{}-{}", who.participant, who.timepoint),
        participant: who.participant.into(),
        programme: "tc".into(),
        timepoint: who.timepoint,
        language: who.lang.into(),
        support: Support {
            easy_read: who.wording == WordingKey::EasyRead,
            ..Support::default()
        },
        consent: Consent {
            given: true,
            at: Some(at),
        },
        sittings: vec![Sitting {
            started_at: at,
            ended_at: Some(at),
        }],
        questionnaires,
        completed_at: Some(at),
    }
}

/// A scratch folder holding `records/` (the sealed records of [`PEOPLE`]) and `key.txt`.
pub fn sealed_folder(name: &str) -> Scratch {
    sealed_folder_with(name, |_| {})
}

/// [`sealed_folder`], each record changed by `edit` before it is sealed.
pub fn sealed_folder_with(name: &str, edit: impl Fn(&mut ResultRecord)) -> Scratch {
    let dir = Scratch::new(name);
    let kit = kit();
    let id = NewIdentity::generate(&mut OsRng);
    std::fs::write(dir.path("key.txt"), id.file_text(Timestamp(0)).as_bytes()).unwrap();
    std::fs::create_dir(dir.path("records")).unwrap();
    for who in &PEOPLE {
        let mut r = record(&kit, who);
        edit(&mut r);
        let sealed =
            seal_record(&kit, &r, &[id.recipient()], &mut OsRng).expect("the record is valid");
        std::fs::write(
            dir.path("records").join(format!("{}.age", r.record_id)),
            sealed,
        )
        .unwrap();
    }
    dir
}

/// Runs `qkit export --format FORMAT --lang LANG` on the folder; returns the output folder.
pub fn export(dir: &Scratch, format: &str, lang: &str) -> PathBuf {
    let (out, err) = export_said(dir, format, lang);
    assert!(err.contains("3 of 3 files opened; 3 rows"), "{err}");
    out
}

/// [`export`], also returning what it said on stderr (which must not be a failure).
pub fn export_said(dir: &Scratch, format: &str, lang: &str) -> (PathBuf, String) {
    let out = dir.path(&format!("{format}-{lang}"));
    let run = Command::new(env!("CARGO_BIN_EXE_qkit"))
        .args([
            "export",
            "--identity",
            arg(&dir.path("key.txt")),
            arg(&dir.path("records")),
        ])
        .args(["--format", format, "--lang", lang, "--out", arg(&out)])
        .current_dir(ROOT)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&run.stderr).into_owned();
    assert_eq!(run.status.code(), Some(0), "qkit export failed: {err}");
    (out, err)
}

/// Runs a tool in `dir`, failing the test with a clear message if it is not installed or fails.
pub fn tool(dir: &Path, program: &str, args: &[&str], needs: &str) -> String {
    let run = Command::new(program)
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap_or_else(|e| {
            panic!("cannot run `{program}` ({e}): this test needs {needs}; run ./kit setup")
        });
    let out = String::from_utf8_lossy(&run.stdout).into_owned();
    assert!(
        run.status.success(),
        "{program} {args:?} failed:\n{out}\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
    out
}

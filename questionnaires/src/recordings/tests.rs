//! Tests of the spoken texts and the manifest check, on the shipped kit and hand-made manifests.

use super::manifest::{check, files_by_hash, Manifest, Problem, Recording, RECORDED};
use super::*;
use crate::testing::shipped_reworded;

fn shipped() -> Kit {
    Kit::shipped().expect("the shipped kit is valid")
}

fn lang(tag: &str) -> Lang {
    Lang::parse(tag).expect("a language tag")
}

/// A manifest with a generated recording of each text, `<name>.ogg`.
fn covering(texts: &[SpokenText]) -> Manifest {
    let mut m = Manifest::default();
    for t in texts.iter().filter(|t| t.declared.is_none()) {
        let r = Recording {
            sha256: t.hash(),
            source: "generated: test".into(),
        };
        m.recordings.insert(format!("{}.ogg", t.name), r);
    }
    for t in texts
        .iter()
        .filter_map(|t| Some((t.declared.clone()?, t.hash())))
    {
        m.recordings.insert(
            t.0,
            Recording {
                sha256: t.1,
                source: RECORDED.into(),
            },
        );
    }
    m
}

#[test]
fn the_hash_is_sha256_of_the_language_a_newline_and_the_exact_text() {
    // printf 'en\nYes' | sha256sum
    let want = "7b9ccf72489924cbecfd3f50ac5c1574a736bff96a16515240ab2bdfc029942d";
    assert_eq!(text_hash("en", "Yes"), want);
    assert_ne!(text_hash("cy", "Yes"), want);
    assert_ne!(text_hash("en", "Yes."), want);
}

#[test]
fn every_text_has_its_own_name_and_the_interface_words_are_there_in_both_languages() {
    let kit = shipped();
    let texts = spoken_texts(&kit);
    let names: BTreeSet<&str> = texts.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names.len(), texts.len(), "every name is different");
    let find = |name: &str| texts.iter().find(|t| t.name == name).expect(name);
    let hand = find("ui/handover_text.cy");
    assert_eq!(hand.text, kit.ui.get(&lang("cy"), "handover_text"));
    assert_eq!(
        find("ui/handover_text.en").text,
        "There are no right or wrong answers."
    );
    assert_eq!(find("ui/special_dont_know.en").text, "Don't know");
    assert_eq!(
        find("ui/section_minutes_3.en").text,
        "This takes about 3 minutes."
    );
    let q = kit.questionnaire("about_you").expect("about_you");
    let easy = find("about_you/about_you_01.easy.cy");
    assert_eq!(
        (easy.wording, easy.text_of.as_str()),
        (Wording::EasyRead, "question about_you_01")
    );
    assert_eq!(
        easy.text,
        q.items[0]
            .easy_read
            .as_ref()
            .expect("easy")
            .get(&lang("cy"))
    );
    assert_eq!(
        find("about_you/about_you_01.en").declared.as_deref(),
        Some("about_you/about_you_01.en.wav")
    );
    assert_eq!(find("about_you/title.cy").text, q.title.get(&lang("cy")));
    // Questions: every item not for staff, in each language and wording it has.
    let questions = texts
        .iter()
        .filter(|t| t.questionnaire == "about_you" && t.text_of.starts_with("question"))
        .count();
    let shown: Vec<_> = q.items.iter().filter(|i| !i.staff_only).collect();
    let easy_items = shown.iter().filter(|i| i.easy_read.is_some()).count();
    assert_eq!(questions, (shown.len() + easy_items) * q.languages.len());
}

#[test]
fn texts_exist_only_in_the_languages_a_questionnaire_has_and_never_for_staff_only_items() {
    let kit = shipped();
    let texts = spoken_texts(&kit);
    for q in kit.questionnaires.values() {
        for t in texts.iter().filter(|t| t.questionnaire == q.id) {
            assert!(q.languages.contains(&t.lang), "{}", t.name);
        }
        for item in q.items.iter().filter(|i| i.staff_only) {
            let of = format!("question {}", item.id);
            assert!(
                texts
                    .iter()
                    .all(|t| t.questionnaire != q.id || t.text_of != of),
                "{of}"
            );
        }
    }
    let english_only = kit.questionnaire("phq9").expect("phq9");
    assert_eq!(
        english_only.languages,
        [Lang::english()],
        "PHQ-9 has no Welsh text in the kit"
    );
}

#[test]
fn a_covering_manifest_passes_and_every_kind_of_gap_is_named() {
    let texts = spoken_texts(&shipped());
    let mut m = covering(&texts);
    assert_eq!(check(&texts, &m, |_| true), []);
    let gone = "ui/break_text.cy.ogg";
    m.recordings.remove(gone);
    let problems = check(&texts, &m, |f| f != "ui/thank_you_text.en.ogg");
    let named: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(problems.len(), 2, "{named:?}");
    assert!(matches!(&problems[0], Problem::Missing(t) if t.name == "ui/break_text.cy"));
    assert!(
        named[1].starts_with("ui/thank_you_text.en.ogg: in the manifest"),
        "{}",
        named[1]
    );
}

#[test]
fn the_check_fails_on_a_definition_whose_text_changed_after_its_recording_was_made() {
    let before = spoken_texts(&shipped());
    let manifest = covering(&before);
    let after = spoken_texts(&shipped_reworded(
        "about_you.json",
        "Do you want help with reading?",
        "Would reading help you?",
    ));
    let problems = check(&after, &manifest, |_| true);
    assert_eq!(problems.len(), 1, "{problems:?}");
    let Problem::Stale { text, file } = &problems[0] else {
        panic!("{problems:?}")
    };
    assert_eq!(file, "about_you/about_you_02.easy.en.ogg");
    assert_eq!(text.text, "Would reading help you?");
    assert!(problems[0]
        .to_string()
        .contains("about_you question about_you_02 (en)"));
}

#[test]
fn a_persons_recording_is_found_before_a_generated_one_and_a_declared_file_is_the_only_one() {
    let texts = spoken_texts(&shipped());
    let t = texts
        .iter()
        .find(|t| t.name == "ui/break_text.en")
        .expect("break");
    let mut m = Manifest::default();
    let rec = |source: &str| Recording {
        sha256: t.hash(),
        source: source.into(),
    };
    m.recordings
        .insert("ui/break_text.en.ogg".into(), rec("generated: test"));
    m.recordings
        .insert("ui/break_text.en.wav".into(), rec(RECORDED));
    m.recordings
        .insert("ui/break_text.en.x.wav".into(), rec(RECORDED));
    assert_eq!(
        m.recording_for(t).map(|(f, _)| f),
        Some("ui/break_text.en.wav")
    );
    let declared = texts
        .iter()
        .find(|t| t.declared.is_some())
        .expect("a declared one");
    let mut m = covering(&texts);
    m.recordings
        .remove(declared.declared.as_deref().expect("declared"));
    m.recordings
        .insert(format!("{}.ogg", declared.name), rec("generated: test"));
    assert!(matches!(&check(&texts, &m, |_| true)[..], [Problem::Missing(t)] if t == declared));
}

#[test]
fn the_manifest_reads_back_what_it_writes_and_refuses_another_format() {
    let m = covering(&spoken_texts(&shipped()));
    assert_eq!(Manifest::parse(&m.to_json()).expect("reads"), m);
    let other = r#"{"format": 2, "recordings": {}}"#;
    assert!(Manifest::parse(other)
        .expect_err("format 2")
        .to_string()
        .contains("format 2"));
    assert!(Manifest::parse(r#"{"format": 1}"#).is_err());
}

#[test]
fn the_apps_map_from_words_to_files_prefers_a_persons_recording() {
    let yes = text_hash("en", "Yes");
    let mut m = Manifest::default();
    let rec = |source: &str| Recording {
        sha256: yes.clone(),
        source: source.into(),
    };
    m.recordings
        .insert("a/yes_1.en.ogg".into(), rec("generated: test"));
    m.recordings.insert("b/yes_1.en.wav".into(), rec(RECORDED));
    m.recordings
        .insert("c/yes_1.en.ogg".into(), rec("generated: test"));
    let map = files_by_hash(&m.to_json());
    assert_eq!(map.len(), 1);
    assert_eq!(map[&yes], "b/yes_1.en.wav");
    m.recordings.remove("b/yes_1.en.wav");
    assert_eq!(files_by_hash(&m.to_json())[&yes], "a/yes_1.en.ogg");
    assert!(files_by_hash("not JSON").is_empty());
    assert!(
        files_by_hash(r#"{"format": 2, "recordings": {"x.ogg": {"sha256": "ab"}}}"#).is_empty()
    );
}

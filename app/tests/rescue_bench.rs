//! Benchmark in the browser: what the rescue copy costs. Every stored answer rewrites the rescue
//! copy (every stored sitting sealed to the team) before the draft, so its cost grows with the
//! sittings kept on the laptop. Prints, for 0 to 5 other finished TC pre sittings (75 questions
//! each) on the laptop, the time one answer's write takes and the characters stored; asserts only
//! that every write succeeded. For the numbers that matter, run the size-tuned release build:
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test --release --target wasm32-unknown-unknown -p qkit-app --test rescue_bench -- --nocapture`
//! (`./kit bench` does).

use qkit_app::browser::storage::*;
use qkit_export::at_rest::{DraftLock, KdfParams};
use qkit_export::{NewIdentity, Support, Timestamp};
use qkit_questionnaires::{Kit, Lang, Timepoint};
use qkit_scoring::Answer;
use qkit_session::{Cursor, Session, StartOptions, Verb};
use qkit_web::browser::random::BrowserRng;
use std::rc::Rc;
use wasm_bindgen_test::*;

mod common;

use common::T0;

wasm_bindgen_test_configure!(run_in_browser);

fn started(kit: &Kit, id: &str) -> Session {
    let options = StartOptions {
        record_id: id.into(),
        kit_version: "bench".into(),
        device: None,
        participant: format!(
            "B{}",
            1000 + id.len() * 7 + id.bytes().map(usize::from).sum::<usize>()
        ),
        programme: "tc".into(),
        timepoint: Timepoint::Pre,
        language: Lang::english(),
        support: Support::default(),
    };
    let mut s = Session::start(kit, options, Timestamp(T0)).expect("start");
    for verb in [Verb::RecordConsent(Answer::Value(1)), Verb::Next] {
        s.apply(kit, verb, Timestamp(T0)).expect("verb");
    }
    s
}

/// A TC pre sitting answered to the end (the first option each question accepts).
fn finished(kit: &Kit, id: &str) -> Session {
    let mut s = started(kit, id);
    let t = Timestamp(T0);
    for _ in 0..1000 {
        if s.draft().cursor == Cursor::ThankYou {
            return s;
        }
        for value in 0..=7 {
            if s.apply(kit, Verb::Answer(Answer::Value(value)), t).is_ok() {
                break;
            }
        }
        let _ = s.apply(kit, Verb::Next, t);
    }
    panic!("the battery did not finish");
}

#[wasm_bindgen_test]
fn one_answer_costs_more_with_each_sitting_kept_on_the_laptop() {
    let kit = Kit::shipped().expect("valid kit");
    let mut rng = BrowserRng::new().expect("crypto");
    let (_, key) =
        DraftLock::create("bench passphrase", KdfParams::DEFAULT, &mut rng).expect("lock");
    let team = [NewIdentity::generate(&mut rng).recipient()];
    for others in [0usize, 1, 3, 5] {
        let backend = Rc::new(MemoryBackend::default());
        let store = DraftStore::new(backend.clone(), Medium::Device);
        let sealing = Sealing {
            key: &key,
            team: &team,
        };
        for n in 0..others {
            let s = finished(&kit, &format!("other{n}"));
            store
                .save(s.draft(), 0, Timestamp(T0), sealing)
                .expect("saved");
        }
        let mut s = started(&kit, "open");
        let mut rev = store
            .save(s.draft(), 0, Timestamp(T0), sealing)
            .expect("saved");
        const ANSWERS: u32 = 10;
        let begin = js_sys::Date::now();
        for _ in 0..ANSWERS {
            let _ = s.apply(&kit, Verb::Answer(Answer::Value(1)), Timestamp(T0));
            let _ = s.apply(&kit, Verb::Next, Timestamp(T0));
            rev = store
                .save(s.draft(), rev, Timestamp(T0), sealing)
                .expect("saved");
        }
        let ms = (js_sys::Date::now() - begin) / f64::from(ANSWERS);
        assert_eq!(store.rescue_failure(), None);
        let size = |k: &str| backend.get(k).ok().flatten().map_or(0, |v| v.len());
        let drafts: usize = store
            .sitting_ids()
            .expect("ids")
            .iter()
            .map(|id| size(&key_of(id)))
            .sum();
        console_log!(
            "{others} other finished sittings: {ms:.1} ms per answer stored; drafts {drafts} chars, rescue copy {} chars",
            size(RESCUE_KEY)
        );
    }
}

fn key_of(id: &str) -> String {
    qkit_app::browser::storage::key(id)
}

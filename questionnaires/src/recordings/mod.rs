//! Every text a participant hears, and the recordings of them. [`spoken_texts`] lists each text
//! the participant's screens read aloud (questions, options and special answers in each
//! language and wording, questionnaire titles and instructions, and the interface's own spoken
//! words), each with the stable name its recording has under the kit's `audio/` folder.
//! [`manifest`] says which recording holds which text, by a hash of the text, so a text that
//! changed is never read with an old recording; [`manifest::check`] finds the texts with no
//! recording or a stale one.
//!
//! A recording is found by what is read, not by where: [`text_hash`] covers the language and the
//! exact text shown, so the same words in two places (an option label shared by two
//! questionnaires, an easy-read wording equal to the standard one) are one recording's words.

pub mod manifest;

use crate::{Kit, Lang, Questionnaire, SpecialAnswer, Wording};
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;

/// The interface strings the participant's screens read aloud, by screen. The pages read these
/// keys and no others, so recordings of them cover every interface word a participant hears.
pub mod spoken_keys {
    pub const HANDOVER: [&str; 3] = ["handover_heading", "handover_text", "handover_help"];
    pub const BREAK: [&str; 2] = ["break_heading", "break_text"];
    pub const THANK_YOU: [&str; 2] = ["thank_you_heading", "thank_you_text"];
    /// What the consent screen says when the answer cannot be recorded yet.
    pub const CONSENT_MESSAGES: [&str; 2] = ["consent_choose", "consent_explain"];
    /// Opens every section screen but the first.
    pub const SECTION_WELL_DONE: &str = "section_well_done";
    /// A section's length, with `{count}` minutes filled in (one form per plural category).
    pub const SECTION_MINUTES: &str = "section_minutes";
    /// On the start screen, before the names of the questionnaires a sitting in the chosen
    /// language shows in English (each name is then read as its questionnaire's title).
    pub const BATTERY_IN_ENGLISH: &str = "battery_in_english";
    /// The practice question before the first questionnaire: heading, how to answer, the
    /// question, then its options (the answer values are 1, 2, 3 in this order).
    pub const PRACTICE: [&str; 3] = ["practice_heading", "practice_text", "practice_question"];
    pub const PRACTICE_OPTIONS: [&str; 3] = [
        "practice_option_1",
        "practice_option_2",
        "practice_option_3",
    ];
    /// What the practice says once an option is chosen: these, with the option's label between.
    pub const PRACTICE_FEEDBACK: [&str; 2] = ["practice_you_chose", "practice_change"];
}

/// One text a participant may hear.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpokenText {
    /// Its recording's path under the audio folder without the file type, e.g.
    /// `phq9/phq9_01.easy.cy`; unique in a kit.
    pub name: String,
    /// The questionnaire it belongs to; empty for the interface's own words.
    pub questionnaire: String,
    /// What it is: `question <item id>`, `option <scale id>=<value>`, `title`, `instructions`,
    /// `interface <key>`.
    pub text_of: String,
    pub lang: Lang,
    pub wording: Wording,
    /// Exactly as shown.
    pub text: String,
    /// The recording the definition names for it (a path under the audio folder), if any.
    pub declared: Option<String>,
}

impl SpokenText {
    /// [`text_hash`] of this text.
    pub fn hash(&self) -> String {
        text_hash(self.lang.as_str(), &self.text)
    }
}

/// SHA-256 (lower-case hex) of a text exactly as shown, with its language: `"<lang>\n<text>"`.
pub fn text_hash(lang: &str, text: &str) -> String {
    sha256_hex(format!("{lang}\n{text}").as_bytes())
}

/// SHA-256 of `bytes` in lower-case hex (also a definition's content hash).
pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Every text in `kit` a participant may hear: questionnaire by questionnaire (id order), then
/// the interface's own words in each interface language. Staff-only items are left out.
pub fn spoken_texts(kit: &Kit) -> Vec<SpokenText> {
    let mut out = Vec::new();
    for q in kit.questionnaires.values() {
        questionnaire_texts(q, &mut out);
    }
    interface_texts(kit, &mut out);
    out
}

const WORDINGS: [(Wording, &str); 2] = [(Wording::Standard, ""), (Wording::EasyRead, ".easy")];

fn questionnaire_texts(q: &Questionnaire, out: &mut Vec<SpokenText>) {
    let push = |out: &mut Vec<SpokenText>,
                name: String,
                text_of: String,
                lang: &Lang,
                wording,
                text: &str,
                declared: Option<&str>| {
        out.push(SpokenText {
            name: format!("{}/{name}.{lang}", q.id),
            questionnaire: q.id.clone(),
            text_of,
            lang: lang.clone(),
            wording,
            text: text.to_owned(),
            declared: declared.map(str::to_owned),
        });
    };
    for lang in &q.languages {
        push(
            out,
            "title".into(),
            "title".into(),
            lang,
            Wording::Standard,
            q.title.get(lang),
            None,
        );
        push(
            out,
            "instructions".into(),
            "instructions".into(),
            lang,
            Wording::Standard,
            q.instructions.get(lang),
            None,
        );
        if let Some(easy) = &q.easy_read_instructions {
            push(
                out,
                "instructions.easy".into(),
                "instructions".into(),
                lang,
                Wording::EasyRead,
                easy.get(lang),
                None,
            );
        }
    }
    let mut scales_done: Vec<&str> = Vec::new();
    for item in q.items.iter().filter(|i| !i.staff_only) {
        for lang in &q.languages {
            for (wording, suffix) in WORDINGS {
                if wording == Wording::EasyRead && item.easy_read.is_none() {
                    continue;
                }
                let text = item.text_for(wording).get(lang);
                let declared = item.audio_for(lang, wording);
                push(
                    out,
                    format!("{}{suffix}", item.id),
                    format!("question {}", item.id),
                    lang,
                    wording,
                    text,
                    declared,
                );
            }
        }
        let scale = &item.response_scale;
        if scales_done.contains(&scale.id.as_str()) {
            continue;
        }
        scales_done.push(&scale.id);
        for lang in &q.languages {
            for o in &scale.options {
                for (wording, suffix) in WORDINGS {
                    let text = match (wording, &o.easy_read_label) {
                        (Wording::Standard, _) => &o.label,
                        (Wording::EasyRead, Some(easy)) => easy,
                        (Wording::EasyRead, None) => continue,
                    };
                    // A declared recording is of the standard label.
                    let declared = (wording == Wording::Standard)
                        .then(|| {
                            o.audio
                                .iter()
                                .find(|(l, _)| l == lang)
                                .map(|(_, p)| p.as_str())
                        })
                        .flatten();
                    let name = format!("{}_{}{suffix}", scale.id, o.value);
                    let text_of = format!("option {}={}", scale.id, o.value);
                    push(out, name, text_of, lang, wording, text.get(lang), declared);
                }
            }
        }
    }
}

fn interface_texts(kit: &Kit, out: &mut Vec<SpokenText>) {
    use spoken_keys::*;
    let specials: BTreeSet<SpecialAnswer> = kit
        .questionnaires
        .values()
        .flat_map(|q| q.special_answers.iter().map(|r| r.kind))
        .collect();
    let minutes: BTreeSet<u32> = kit.questionnaires.values().map(|q| q.minutes).collect();
    for (lang, _) in kit.ui.languages() {
        let mut push = |name: String, key: &str, text: String| {
            out.push(SpokenText {
                name: format!("ui/{name}.{lang}"),
                questionnaire: String::new(),
                text_of: format!("interface {key}"),
                lang: lang.clone(),
                wording: Wording::Standard,
                text,
                declared: None,
            });
        };
        let keys = HANDOVER
            .iter()
            .chain(&BREAK)
            .chain(&THANK_YOU)
            .chain(&CONSENT_MESSAGES)
            .chain(&PRACTICE)
            .chain(&PRACTICE_OPTIONS)
            .chain(&PRACTICE_FEEDBACK);
        for key in keys.chain([&SECTION_WELL_DONE, &BATTERY_IN_ENGLISH]) {
            push((*key).to_owned(), key, kit.ui.get(lang, key).to_owned());
        }
        for kind in &specials {
            let key = format!("special_{}", kind.key());
            push(key.clone(), &key, kit.ui.get(lang, &key).to_owned());
        }
        for m in &minutes {
            let text = kit.ui.count(lang, SECTION_MINUTES, u64::from(*m), &[]);
            push(format!("{SECTION_MINUTES}_{m}"), SECTION_MINUTES, text);
        }
    }
}

#[cfg(test)]
mod tests;

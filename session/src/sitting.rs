//! The sitting: a draft, the screen it is on, and applying verbs to it (see `verbs.rs`). Every
//! verb either applies whole or leaves the sitting as it was and says why.

use crate::draft::{Cursor, Draft, Mode};
use crate::error::SessionError;
use crate::route::{self, Stop};
use crate::screen::{ItemScreen, Screen, SectionScreen};
use crate::verb::Verb;
use crate::verbs::step;
use qkit_export::Timestamp;
use qkit_questionnaires::{
    Item, ItemRole, Kit, Lang, Questionnaire, QuestionnaireKind, Timepoint, Wording,
};

/// A break longer than this (or a browser closed for longer) starts a new sitting on reopening.
pub const NEW_SITTING_AFTER_MS: i64 = 15 * 60 * 1000;

/// A battery sitting in progress.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    pub(crate) draft: Draft,
}

impl Session {
    /// The draft to store.
    pub fn draft(&self) -> &Draft {
        &self.draft
    }

    /// The record id, which names the draft in storage.
    pub fn id(&self) -> &str {
        &self.draft.record.record_id
    }

    /// Who is at the keyboard.
    pub fn mode(&self) -> Mode {
        self.draft.mode
    }

    /// Whether staff are marking answers as entered on the participant's behalf.
    pub fn assisted(&self) -> bool {
        self.draft.assisted
    }

    /// Whether the screen is blanked for a break.
    pub fn on_break(&self) -> bool {
        self.draft.on_break
    }

    /// Whether the battery is over (finished or declined).
    pub fn is_final(&self) -> bool {
        self.draft.cursor.is_final()
    }

    /// Applies a verb at `now`. On error the sitting is unchanged.
    pub fn apply(&mut self, kit: &Kit, verb: Verb, now: Timestamp) -> Result<(), SessionError> {
        let mut d = self.draft.clone();
        step(kit, &mut d, verb, now)?;
        d.last_activity = now.max(d.last_activity);
        self.draft = d;
        Ok(())
    }

    /// The screen to show.
    pub fn screen(&self, kit: &Kit) -> Screen {
        let d = &self.draft;
        match &d.cursor {
            Cursor::Consent => match consent_item(kit, d) {
                Some((_, q, item)) => Screen::Consent {
                    questionnaire: q.id.clone(),
                    item: item.id.clone(),
                    wording: instructions_wording(d, q),
                    language: shown_language(d, q),
                },
                // Validation guarantees a consent form with a consent item in every battery.
                None => Screen::Declined,
            },
            Cursor::Handover => Screen::Handover,
            Cursor::Section { questionnaire } => section_screen(kit, d, *questionnaire),
            Cursor::Item { .. } => item_screen(kit, d),
            Cursor::ThankYou => Screen::ThankYou,
            Cursor::Summary => Screen::Summary,
            Cursor::Declined => Screen::Declined,
        }
    }
}

/// The consent form's index, definition and consent item.
pub(crate) fn consent_item<'k>(
    kit: &'k Kit,
    d: &Draft,
) -> Option<(usize, &'k Questionnaire, &'k Item)> {
    d.record
        .questionnaires
        .iter()
        .enumerate()
        .filter_map(|(i, r)| kit.questionnaire(&r.id).map(|q| (i, q)))
        .find(|(_, q)| q.kind == QuestionnaireKind::Consent)
        .and_then(|(i, q)| q.item_with_role(ItemRole::Consent).map(|item| (i, q, item)))
}

/// The language a questionnaire is shown in: the sitting's, else English.
pub(crate) fn shown_language(d: &Draft, q: &Questionnaire) -> Lang {
    Lang::parse(&d.record.language).map_or_else(Lang::english, |l| language_shown(q, &l))
}

/// The language `q` is shown in to a participant whose sitting is in `lang`: that one if the
/// definition has it, else English.
pub fn language_shown(q: &Questionnaire, lang: &Lang) -> Lang {
    if q.languages.contains(lang) {
        lang.clone()
    } else {
        Lang::english()
    }
}

/// The questionnaires of a battery a sitting in `lang` shows in another language (English),
/// because their definitions have no text in `lang`; in battery order. The start screen names
/// them before the sitting starts.
pub fn shown_in_another_language<'k>(
    kit: &'k Kit,
    programme: &str,
    timepoint: Timepoint,
    lang: &Lang,
) -> Vec<&'k Questionnaire> {
    kit.battery(programme, timepoint)
        .unwrap_or_default()
        .into_iter()
        .filter(|q| language_shown(q, lang) != *lang)
        .collect()
}

/// The wording an item is shown in: easy-read when asked for and the item has it.
pub(crate) fn wording(d: &Draft, item: &Item) -> Wording {
    if d.record.support.easy_read && item.easy_read.is_some() {
        Wording::EasyRead
    } else {
        Wording::Standard
    }
}

/// The wording of a questionnaire's instructions: easy-read when asked for and written.
fn instructions_wording(d: &Draft, q: &Questionnaire) -> Wording {
    if d.record.support.easy_read && q.easy_read_instructions.is_some() {
        Wording::EasyRead
    } else {
        Wording::Standard
    }
}

fn section_screen(kit: &Kit, d: &Draft, index: usize) -> Screen {
    let asked = route::asked(kit, d);
    let route = route::route(kit, d, d.mode);
    let number = asked
        .iter()
        .position(|(i, _)| *i == index)
        .map_or(0, |p| p + 1);
    // Cursors are only set to questionnaires on the route (resume checks stored ones).
    let Some((_, q)) = asked.iter().find(|(i, _)| *i == index) else {
        return Screen::Handover;
    };
    Screen::Section(SectionScreen {
        index,
        questionnaire: q.id.clone(),
        number,
        count: asked.len(),
        minutes: q.minutes,
        first: number == 1,
        wording: instructions_wording(d, q),
        language: shown_language(d, q),
        can_go_back: route::locate(&route, Stop::Section(index)).is_ok_and(|p| p > 0),
    })
}

fn item_screen(kit: &Kit, d: &Draft) -> Screen {
    let route = route::route(kit, d, d.mode);
    let found = route::stop_of(kit, d, &d.cursor).and_then(|stop| {
        let Stop::Item(qi, i) = stop else { return None };
        let result = &d.record.questionnaires[qi];
        let q = kit.questionnaire(&result.id)?;
        let item = q.items.get(i)?;
        let recorded = result.answers.iter().find(|a| a.item == item.id);
        let at = route::locate(&route, stop);
        Some(Screen::Item(ItemScreen {
            index: qi,
            questionnaire: q.id.clone(),
            item: item.id.clone(),
            wording: wording(d, item),
            language: shown_language(d, q),
            answer: d
                .pending
                .as_ref()
                .map(|p| p.answer)
                .or(recorded.map(|a| a.answer)),
            progress: route::progress(&route, stop),
            staff_only: item.staff_only,
            can_go_back: match at {
                Ok(p) | Err(p) => p > 0,
            },
        }))
    });
    // Cursors are only set to items that exist (resume checks stored ones).
    found.unwrap_or(Screen::Handover)
}

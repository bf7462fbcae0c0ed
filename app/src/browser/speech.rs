//! Reading aloud. A text is read from its recording when the definition declares one (a file
//! under `audio/`, next to the app), else by the browser's synthetic speech (the Web Speech API)
//! in a voice for its language at the rate staff chose. Offline computers often have no voices:
//! then a text without a recording cannot be read, and the caller is told so it can say so to
//! staff. A recording that fails to load or play falls back to synthetic speech.

use gloo_events::EventListener;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{HtmlAudioElement, SpeechSynthesis, SpeechSynthesisUtterance, SpeechSynthesisVoice};

/// The folder recordings are served from, next to `index.html`.
pub const AUDIO_FOLDER: &str = "audio/";

/// A synthetic voice the browser offers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Voice {
    pub name: String,
    /// The id to remember a choice by (`voiceURI`).
    pub uri: String,
    /// A BCP 47 tag such as `en-GB` or `cy`.
    pub lang: String,
}

impl Voice {
    /// Whether the voice speaks `lang` (a primary tag such as `en` or `cy`).
    pub fn speaks(&self, lang: &str) -> bool {
        let primary = self.lang.split(['-', '_']).next().unwrap_or_default();
        primary.eq_ignore_ascii_case(lang)
    }
}

/// One text to read: its words and language, and the recording of it if there is one.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    pub text: String,
    /// Primary language tag, e.g. `en`.
    pub lang: String,
    /// Path under [`AUDIO_FOLDER`] of a recording of exactly this text.
    pub recording: Option<String>,
}

/// How synthetic speech sounds: the rate, and the chosen voice per language (by `voiceURI`).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Voicing {
    /// The speaking rate in tenths (10 is the browser's normal rate). Whole numbers keep float
    /// parsing and printing out of the app.
    pub rate_tenths: u8,
    /// (language, voice uri) pairs.
    pub voices: Vec<(String, String)>,
}

/// The speaking rate unless staff choose another, in tenths (a little slower than normal).
pub const DEFAULT_RATE_TENTHS: u8 = 9;

impl Default for Voicing {
    fn default() -> Self {
        Voicing {
            rate_tenths: DEFAULT_RATE_TENTHS,
            voices: Vec::new(),
        }
    }
}

impl Voicing {
    /// The rate as speech synthesis takes it.
    pub fn rate(&self) -> f32 {
        f32::from(self.rate_tenths) / 10.0
    }

    /// The voice chosen for `lang`, if any.
    pub fn voice(&self, lang: &str) -> Option<&str> {
        self.voices
            .iter()
            .find(|(l, _)| l == lang)
            .map(|(_, v)| v.as_str())
    }
}

fn synth() -> Option<SpeechSynthesis> {
    web_sys::window()?.speech_synthesis().ok()
}

/// The synthetic voices this browser has now (often none offline; the list may fill later,
/// see [`on_voices_changed`]).
pub fn voices() -> Vec<Voice> {
    let Some(s) = synth() else { return Vec::new() };
    s.get_voices()
        .iter()
        .filter_map(|v| v.dyn_into::<SpeechSynthesisVoice>().ok())
        .map(|v| Voice {
            name: v.name(),
            uri: v.voice_uri(),
            lang: v.lang(),
        })
        .collect()
}

/// Calls `changed` whenever the browser's list of voices changes, while the listener lives.
pub fn on_voices_changed(changed: impl Fn() + 'static) -> Option<EventListener> {
    let s = synth()?;
    Some(EventListener::new(&s, "voiceschanged", move |_| changed()))
}

/// The voice to read `lang` in: the one staff chose, else the first that speaks it.
fn voice_for(lang: &str, voicing: &Voicing) -> Option<SpeechSynthesisVoice> {
    let s = synth()?;
    let all: Vec<SpeechSynthesisVoice> = s
        .get_voices()
        .iter()
        .filter_map(|v| v.dyn_into().ok())
        .collect();
    let chosen = voicing
        .voices
        .iter()
        .find(|(l, _)| l == lang)
        .and_then(|(_, uri)| all.iter().find(|v| v.voice_uri() == *uri));
    let speaks = |v: &&SpeechSynthesisVoice| {
        Voice {
            name: String::new(),
            uri: String::new(),
            lang: v.lang(),
        }
        .speaks(lang)
    };
    chosen.or_else(|| all.iter().find(speaks)).cloned()
}

/// Whether `lang` can be read by synthetic speech on this computer.
pub fn can_speak(lang: &str, voicing: &Voicing) -> bool {
    voice_for(lang, voicing).is_some()
}

/// Reads pieces one after another; a new reading stops the one before.
#[derive(Default)]
pub struct Reader {
    /// Moves on with every reading, so callbacks of a stopped one do nothing.
    generation: Rc<Cell<u32>>,
    /// A reading is going on.
    busy: Rc<Cell<bool>>,
    audio: Rc<RefCell<Option<HtmlAudioElement>>>,
}

/// One reading in progress.
struct Run {
    generation: Rc<Cell<u32>>,
    mine: u32,
    busy: Rc<Cell<bool>>,
    audio: Rc<RefCell<Option<HtmlAudioElement>>>,
    pieces: Vec<Piece>,
    voicing: Voicing,
    /// Called for each piece that could be read neither from a recording nor by a voice.
    unavailable: Rc<dyn Fn(&Piece)>,
}

impl Reader {
    /// Stops whatever is being read, then reads `pieces` in order. Returns the reading's number,
    /// for [`Reader::stop_if`].
    pub fn say(
        &self,
        pieces: Vec<Piece>,
        voicing: Voicing,
        unavailable: Rc<dyn Fn(&Piece)>,
    ) -> u32 {
        self.stop();
        self.busy.set(true);
        let run = Rc::new(Run {
            generation: self.generation.clone(),
            mine: self.generation.get(),
            busy: self.busy.clone(),
            audio: self.audio.clone(),
            pieces,
            voicing,
            unavailable,
        });
        play(run, 0, true);
        self.generation.get()
    }

    /// Stops reading if reading `number` is still going (a screen leaving stops its own
    /// reading, not the next screen's).
    pub fn stop_if(&self, number: u32) {
        if self.generation.get() == number {
            self.stop();
        }
    }

    /// Whether something is being read now.
    pub fn is_busy(&self) -> bool {
        self.busy.get()
    }

    /// Stops reading.
    pub fn stop(&self) {
        self.busy.set(false);
        self.generation.set(self.generation.get().wrapping_add(1));
        if let Some(a) = self.audio.borrow_mut().take() {
            let _ = a.pause();
        }
        if let Some(s) = synth() {
            s.cancel();
        }
    }
}

impl Drop for Reader {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Reads piece `i` (from its recording if `recorded` and it has one), then the next.
fn play(run: Rc<Run>, i: usize, recorded: bool) {
    if run.generation.get() != run.mine {
        return;
    }
    let Some(piece) = run.pieces.get(i) else {
        run.busy.set(false);
        return;
    };
    if let (true, Some(path)) = (recorded, &piece.recording) {
        if play_recording(&run, i, path).is_some() {
            return;
        }
    }
    let spoken = voice_for(&piece.lang, &run.voicing).and_then(|voice| {
        let u = SpeechSynthesisUtterance::new_with_text(&piece.text).ok()?;
        u.set_lang(&piece.lang);
        u.set_voice(Some(&voice));
        u.set_rate(run.voicing.rate());
        let next = run.clone();
        let done = Closure::once_into_js(move || play(next, i + 1, true));
        u.set_onend(Some(done.unchecked_ref()));
        u.set_onerror(Some(done.unchecked_ref()));
        synth()?.speak(&u);
        Some(())
    });
    if spoken.is_none() {
        (run.unavailable)(piece);
        play(run, i + 1, true);
    }
}

/// Plays a recording; when it ends the next piece follows; when it fails, this piece is spoken
/// by a synthetic voice instead.
fn play_recording(run: &Rc<Run>, i: usize, path: &str) -> Option<()> {
    let audio = HtmlAudioElement::new_with_src(&format!("{AUDIO_FOLDER}{path}")).ok()?;
    let next = run.clone();
    audio.set_onended(Some(
        Closure::once_into_js(move || play(next, i + 1, true)).unchecked_ref(),
    ));
    let retry = run.clone();
    let fallback = Rc::new(Cell::new(Some(move || play(retry, i, false))));
    let on_error = {
        let fallback = fallback.clone();
        Closure::<dyn FnMut()>::new(move || {
            if let Some(f) = fallback.take() {
                f();
            }
        })
        .into_js_value()
    };
    audio.set_onerror(Some(on_error.unchecked_ref()));
    *run.audio.borrow_mut() = Some(audio.clone());
    let started = audio.play().ok()?;
    // A refused play (the browser's autoplay policy) falls back too.
    let refused = Closure::once(move |_: wasm_bindgen::JsValue| {
        if let Some(f) = fallback.take() {
            f();
        }
    });
    let _ = started.catch(&refused);
    refused.forget();
    Some(())
}

//! Reading aloud. A text is read from its recording when there is one (a file under `audio/`,
//! next to the app: the one its definition declares, else the one `audio/manifest.json` lists
//! for exactly these words in this language, found by `qkit_questionnaires::recordings::text_hash`
//! so a reworded text is never read with an old recording), else by the browser's synthetic
//! speech (the Web Speech API)
//! in a voice for its language at the rate staff chose. Which voice is `crate::voices`' rule (a
//! voice on this computer unless staff allowed a network one); this module only reads the
//! browser's voices and speaks. Offline computers often have no voices: then a text without a
//! recording cannot be read, and the caller is told so it can say so to staff. A recording that
//! fails to load or play falls back to synthetic speech. As it reads it reports which piece
//! started, each word a synthetic voice reaches (its `boundary` events) and the end, for the
//! screen to highlight (see `crate::state::reading`).

use crate::state::reading::ReadEvent;
use gloo_events::EventListener;
use qkit_questionnaires::recordings::manifest::{files_by_hash, MANIFEST_FILE};
use qkit_questionnaires::recordings::text_hash;
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{
    HtmlAudioElement, SpeechSynthesis, SpeechSynthesisEvent, SpeechSynthesisUtterance,
    SpeechSynthesisVoice,
};

pub use crate::voices::{Voice, VoicePlace, Voicing, DEFAULT_RATE_TENTHS};

/// The folder recordings are served from, next to `index.html`.
pub const AUDIO_FOLDER: &str = "audio/";

/// One text to read: its words and language, and the recording of it if there is one.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    pub text: String,
    /// Primary language tag, e.g. `en`.
    pub lang: String,
    /// Path under [`AUDIO_FOLDER`] of a recording of exactly this text.
    pub recording: Option<String>,
}

fn synth() -> Option<SpeechSynthesis> {
    web_sys::window()?.speech_synthesis().ok()
}

/// The synthetic voices this browser has now (often none offline; the list may fill later,
/// see [`on_voices_changed`]).
pub fn voices() -> Vec<Voice> {
    browser_voices().iter().map(voice).collect()
}

fn browser_voices() -> Vec<SpeechSynthesisVoice> {
    let Some(s) = synth() else { return Vec::new() };
    s.get_voices()
        .iter()
        .filter_map(|v| v.dyn_into().ok())
        .collect()
}

/// A voice as the choice rule sees it. `localService` is read without trusting it to exist: a
/// voice that does not say it runs here counts as a network voice.
fn voice(v: &SpeechSynthesisVoice) -> Voice {
    let local = js_sys::Reflect::get(v, &"localService".into())
        .ok()
        .and_then(|l| l.as_bool())
        .unwrap_or(false);
    Voice {
        name: v.name(),
        uri: v.voice_uri(),
        lang: v.lang(),
        place: if local {
            VoicePlace::Local
        } else {
            VoicePlace::Network
        },
    }
}

/// Calls `changed` whenever the browser's list of voices changes, while the listener lives.
pub fn on_voices_changed(changed: impl Fn() + 'static) -> Option<EventListener> {
    let s = synth()?;
    Some(EventListener::new(&s, "voiceschanged", move |_| changed()))
}

/// The voice to read `lang` in, as [`crate::voices::choose`] picks it.
fn voice_for(lang: &str, voicing: &Voicing) -> Option<SpeechSynthesisVoice> {
    let all = browser_voices();
    let described: Vec<Voice> = all.iter().map(voice).collect();
    let chosen = crate::voices::choose(lang, &described, voicing)?;
    let at = described.iter().position(|v| std::ptr::eq(v, chosen))?;
    all.get(at).cloned()
}

/// Whether `lang` can be read by synthetic speech on this computer.
pub fn can_speak(lang: &str, voicing: &Voicing) -> bool {
    voice_for(lang, voicing).is_some()
}

/// Text hash → recording file, from the audio folder's manifest (empty until it has come, or
/// when there is none).
type Recordings = Rc<RefCell<BTreeMap<String, String>>>;

/// Where a reading reports what it reads (see [`ReadEvent`]).
pub type Report = Rc<dyn Fn(ReadEvent)>;

/// Reads pieces one after another; a new reading stops the one before.
pub struct Reader {
    /// Moves on with every reading, so callbacks of a stopped one do nothing.
    generation: Rc<Cell<u32>>,
    /// A reading is going on.
    busy: Rc<Cell<bool>>,
    audio: Rc<RefCell<Option<HtmlAudioElement>>>,
    recordings: Recordings,
    /// The manifest was asked for.
    asked: Cell<bool>,
    /// Where the reading going on reports, told when it is stopped.
    report: RefCell<Option<Report>>,
}

impl Default for Reader {
    /// A reader with no recordings listed yet (see [`Reader::load_recordings`]).
    fn default() -> Self {
        Reader {
            generation: Rc::default(),
            busy: Rc::default(),
            audio: Rc::default(),
            recordings: Recordings::default(),
            asked: Cell::new(false),
            report: RefCell::default(),
        }
    }
}

impl Reader {
    /// Fetches the audio folder's manifest, once (a person's recording before a generated one
    /// of the same words). The app asks when staff unlock, not before: the manifest (about
    /// 15 KB gzip) is not needed on the lock screen, whose bytes are counted.
    pub fn load_recordings(&self) {
        if self.asked.replace(true) {
            return;
        }
        let into = self.recordings.clone();
        let path = format!("{AUDIO_FOLDER}{MANIFEST_FILE}");
        qkit_web::browser::fetch::fetch_text(&path, move |text| {
            if let Some(json) = text {
                *into.borrow_mut() = files_by_hash(&json);
            }
        });
    }

    /// Stops whatever is being read, then reads `pieces` in order. Returns the reading's number,
    /// for [`Reader::stop_if`].
    pub fn say(&self, pieces: Vec<Piece>, voicing: Voicing, report: Report) -> u32 {
        self.stop();
        self.busy.set(true);
        *self.report.borrow_mut() = Some(report.clone());
        let run = Rc::new(Run {
            generation: self.generation.clone(),
            mine: self.generation.get(),
            busy: self.busy.clone(),
            audio: self.audio.clone(),
            recordings: self.recordings.clone(),
            pieces,
            voicing,
            report,
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
        let report = self.report.borrow_mut().take();
        if let Some(report) = report {
            report(ReadEvent::Ended);
        }
        self.generation.set(self.generation.get().wrapping_add(1));
        if let Some(a) = self.audio.borrow_mut().take() {
            let _ = a.pause();
        }
        if let Some(s) = synth() {
            s.cancel();
        }
    }
}

/// One reading in progress.
struct Run {
    generation: Rc<Cell<u32>>,
    mine: u32,
    busy: Rc<Cell<bool>>,
    audio: Rc<RefCell<Option<HtmlAudioElement>>>,
    recordings: Recordings,
    pieces: Vec<Piece>,
    voicing: Voicing,
    report: Report,
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
        (run.report)(ReadEvent::Ended);
        return;
    };
    (run.report)(ReadEvent::Started(i));
    let listed = || {
        let hash = text_hash(&piece.lang, &piece.text);
        run.recordings.borrow().get(&hash).cloned()
    };
    if let (true, Some(path)) = (recorded, piece.recording.clone().or_else(listed)) {
        if play_recording(&run, i, &path).is_some() {
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
        let report = run.report.clone();
        let word =
            Closure::<dyn FnMut(SpeechSynthesisEvent)>::new(move |e: SpeechSynthesisEvent| {
                if e.name().as_deref() == Some("word") {
                    let (start, len) = (e.char_index(), e.char_length().unwrap_or(0));
                    report(ReadEvent::Word {
                        piece: i,
                        start,
                        len,
                    });
                }
            });
        u.set_onboundary(Some(word.into_js_value().unchecked_ref()));
        synth()?.speak(&u);
        Some(())
    });
    if spoken.is_none() {
        (run.report)(ReadEvent::Unavailable);
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

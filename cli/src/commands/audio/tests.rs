//! Tests of `qkit audio`: the shipped kit's recordings, people's recordings, the words voices get.

use super::generate::for_voice;
use super::*;
use qkit_questionnaires::testing::shipped_reworded;
use qkit_questionnaires::Kit;

fn shipped_audio() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../app/static/audio")
}

fn shipped_texts() -> Vec<SpokenText> {
    spoken_texts(&Kit::shipped().expect("the shipped kit is valid"))
}

fn folder(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("qkit-audio-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("ui")).expect("a folder");
    dir
}

#[test]
fn every_text_of_the_shipped_kit_has_an_up_to_date_recording() {
    let problems = check_folder(&shipped_texts(), &shipped_audio()).expect("reads the manifest");
    let named: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(
        named.is_empty(),
        "{} problems, first: {:?}",
        named.len(),
        named.first()
    );
}

#[test]
fn every_file_the_shipped_manifest_lists_is_there_in_the_format_its_name_says() {
    let audio = shipped_audio();
    let manifest = read_manifest(&audio).expect("reads the manifest");
    assert!(!manifest.recordings.is_empty(), "the kit ships recordings");
    let bad: Vec<String> = manifest
        .recordings
        .keys()
        .filter_map(|file| {
            let Ok(bytes) = std::fs::read(audio.join(file)) else {
                return Some(format!("{file}: not in the audio folder"));
            };
            let head = &bytes[..bytes.len().min(512)];
            // An Ogg stream starts with a page ("OggS"), and Opus in Ogg with its "OpusHead"
            // packet in that first page; a WAV file is a RIFF file of form "WAVE".
            let fits = match file.rsplit_once('.').map(|(_, ext)| ext) {
                Some("ogg") => {
                    head.starts_with(b"OggS") && head.windows(8).any(|w| w == b"OpusHead")
                }
                Some("wav") => head.starts_with(b"RIFF") && head.get(8..12) == Some(b"WAVE"),
                _ => false,
            };
            (!fits).then(|| format!("{file}: not the Ogg Opus or WAV its name says"))
        })
        .collect();
    assert!(
        bad.is_empty(),
        "{} bad, first: {:?}",
        bad.len(),
        bad.first()
    );
}

#[test]
fn the_shipped_recordings_are_stale_for_a_definition_reworded_after_they_were_made() {
    let texts = spoken_texts(&shipped_reworded(
        "phq9.json",
        "Feeling tired or having little energy",
        "Feeling tired",
    ));
    let problems = check_folder(&texts, &shipped_audio()).expect("reads");
    assert_eq!(
        problems.len(),
        1,
        "{} problems, first: {:?}",
        problems.len(),
        problems.first()
    );
    assert!(
        problems[0]
            .to_string()
            .starts_with("phq9/phq9_04.en.ogg: made from other words"),
        "{}",
        problems[0]
    );
}

#[test]
fn an_adopted_recording_replaces_the_generated_one_and_generating_leaves_it_alone() {
    let dir = folder("adopt");
    let texts = shipped_texts();
    let text = texts
        .iter()
        .find(|t| t.name == "ui/break_text.en")
        .expect("break");
    let mut manifest = Manifest::default();
    let generated = Recording {
        sha256: text.hash(),
        source: "generated: test".into(),
    };
    manifest
        .recordings
        .insert("ui/break_text.en.ogg".into(), generated);
    std::fs::write(dir.join("ui/break_text.en.ogg"), b"generated").expect("writes");
    std::fs::write(dir.join("ui/break_text.en.wav"), b"a person").expect("writes");
    adopt(&texts, &mut manifest, &dir, "ui/break_text.en.wav").expect("adopts");
    let entries: Vec<(&str, &str)> = manifest
        .recordings
        .iter()
        .map(|(f, r)| (f.as_str(), r.source.as_str()))
        .collect();
    assert_eq!(entries, [("ui/break_text.en.wav", RECORDED)]);
    assert!(
        !dir.join("ui/break_text.en.ogg").exists(),
        "the generated file is gone"
    );
    assert_eq!(
        manifest.recordings["ui/break_text.en.wav"].sha256,
        text.hash()
    );
    // Generating again (here for just this text) leaves a person's recording as it is.
    let after = generate::run(std::slice::from_ref(text), manifest.clone(), &dir, false)
        .expect("nothing to make");
    assert_eq!(after, manifest);
    assert_eq!(
        std::fs::read(dir.join("ui/break_text.en.wav")).expect("there"),
        b"a person"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_file_named_for_no_text_or_not_there_is_refused() {
    let dir = folder("refuse");
    let texts = shipped_texts();
    let mut manifest = Manifest::default();
    std::fs::write(dir.join("ui/break_txt.en.wav"), b"a person").expect("writes");
    let e = adopt(&texts, &mut manifest, &dir, "ui/break_txt.en.wav").expect_err("misnamed");
    assert!(e.to_string().contains("named for no text"), "{e}");
    let e = adopt(&texts, &mut manifest, &dir, "ui/break_text.en.wav").expect_err("absent");
    assert!(e.to_string().contains("is not in"), "{e}");
    assert!(manifest.recordings.is_empty());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn voices_get_the_words_without_the_marks_they_read_badly() {
    assert_eq!(
        for_voice("Almost Always/Always", "en"),
        "Almost Always or Always"
    );
    assert_eq!(for_voice("Bob/Bib", "cy"), "Bob neu Bib");
    assert_eq!(
        for_voice("1 – Not at all like me", "en"),
        "1, Not at all like me"
    );
    assert_eq!(
        for_voice("I feel…  that’s “odd”", "en"),
        "I feel that's \"odd\""
    );
}

#[test]
fn a_missing_voice_program_is_named_with_its_package() {
    let e = generate::tool("qkit-no-such-voice", &[], "qkit-voice").expect_err("missing");
    let said = e.to_string();
    assert!(
        said.contains("qkit-no-such-voice is not installed"),
        "{said}"
    );
    assert!(said.contains("apt-get install qkit-voice"), "{said}");
}

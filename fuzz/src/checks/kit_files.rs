//! Target `kit_files`: the shipped kit with one file replaced or added (`Kit::load`). The first
//! byte picks the file: the batteries file, the English or Welsh interface strings, or an extra
//! questionnaire. A kit that loads has a battery for every programme and timepoint; a kit that
//! does not names, for every problem, one of the files it was given.

use qkit_questionnaires::{Kit, KitSources, Timepoint};

/// Loads the shipped kit with the input as one of its files.
pub fn check(data: &[u8]) {
    let (which, rest) = super::selector(data);
    let text = super::text(rest);
    let extra = super::definition::file_name(&text);
    let mut sources = KitSources::shipped();
    match which % 4 {
        0 => sources.batteries = ("batteries.json", &text),
        n @ (1 | 2) => {
            let name = if n == 1 { "en.json" } else { "cy.json" };
            for entry in &mut sources.ui {
                if entry.0 == name {
                    entry.1 = &text;
                }
            }
        }
        _ => sources.definitions.push((&extra, &text)),
    }
    match Kit::load(&sources) {
        Ok(kit) => {
            for p in &kit.programmes {
                for t in Timepoint::ALL {
                    let battery = kit
                        .battery(&p.id, t)
                        .unwrap_or_else(|| panic!("programme {} {t}: no battery", p.id));
                    assert!(!battery.is_empty(), "programme {} {t}: empty battery", p.id);
                }
            }
        }
        Err(errors) => {
            assert!(!errors.0.is_empty(), "an error list with no error");
            super::assert_message(&errors, None);
            let given: Vec<&str> = sources
                .definitions
                .iter()
                .chain(&sources.ui)
                .map(|(name, _)| *name)
                .chain([sources.batteries.0, "ui/en.json"])
                .collect();
            for e in &errors.0 {
                assert!(given.contains(&e.file.as_str()), "unknown file in {e}");
            }
        }
    }
}

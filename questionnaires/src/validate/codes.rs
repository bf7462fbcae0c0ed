//! Validation of the terminology codes a definition cites (`codes` on the questionnaire, its
//! items, its options and its scales). They are checked only with the `codes` feature (the CLI
//! and the assessor side); the participant's app skips them unread (see `raw::RawCodes`).

use super::Ctx;
use crate::codes::Codes;
use crate::raw::RawCodes;
#[cfg(feature = "codes")]
use crate::raw::RawQuestionnaire;

/// Without the `codes` feature, no codes are kept.
#[cfg(not(feature = "codes"))]
pub(super) fn codes(_: &mut Ctx, _: &str, _: &RawCodes) -> Codes {
    crate::codes::NoCodes
}

/// Checks one `codes` list at `path`: every field filled in, a source for each, a LOINC code
/// well formed with a matching check digit, no code twice.
#[cfg(feature = "codes")]
pub(super) fn codes(ctx: &mut Ctx, path: &str, raw: &RawCodes) -> Codes {
    use crate::codes::{loinc_problem, Code, LOINC};
    use crate::error::DefinitionErrorKind as K;
    let mut out: Vec<Code> = Vec::new();
    for (i, c) in raw.iter().enumerate() {
        let at = format!("{path}[{i}]");
        let context = format!(" (code \"{}\")", c.code);
        for (key, value) in [
            ("system", &c.system),
            ("code", &c.code),
            ("display", &c.display),
            ("source", &c.source),
        ] {
            if value.trim().is_empty() {
                ctx.err(format!("{at}.{key}"), K::EmptyText(context.clone()));
            }
        }
        if c.system == LOINC {
            if let Some(why) = loinc_problem(&c.code) {
                ctx.err(
                    format!("{at}.code"),
                    K::BadCode {
                        code: c.code.clone(),
                        why,
                    },
                );
            }
        }
        if out.iter().any(|o| o.system == c.system && o.code == c.code) {
            ctx.err(
                format!("{at}.code"),
                K::Repeated {
                    what: "code",
                    value: c.code.clone(),
                },
            );
        }
        out.push(Code {
            system: c.system.clone(),
            code: c.code.clone(),
            display: c.display.clone(),
            source: c.source.clone(),
        });
    }
    out
}

/// Every `codes` list in a file with its JSON path, for the size limits.
#[cfg(feature = "codes")]
pub(super) fn code_lists(raw: &RawQuestionnaire) -> Vec<(String, usize)> {
    let mut out = vec![("$.codes".to_owned(), raw.codes.len())];
    for (i, s) in raw.response_scales.iter().enumerate() {
        for (j, o) in s.options.iter().enumerate() {
            let path = format!("$.response_scales[{i}].options[{j}].codes");
            out.push((path, o.codes.len()));
        }
    }
    for (i, it) in raw.items.iter().enumerate() {
        out.push((format!("$.items[{i}].codes"), it.codes.len()));
    }
    for (i, s) in raw.scales.iter().enumerate() {
        out.push((format!("$.scales[{i}].codes"), s.codes.len()));
    }
    out
}

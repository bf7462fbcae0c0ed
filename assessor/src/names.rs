//! Words for what the core crates return as ids and enums: questionnaire, scale, band,
//! programme and site names from the kit, and interface strings for levels, pathways, cohorts,
//! constraints, flags, change categories and every kind of problem — in the interface language.

use crate::browser::files::ReadError;
use crate::model::cohort::FlagKind;
use crate::model::staff::NotReady;
use qkit_allocation::{Availability, Cohort, Constraint, Intensity, Level, Unplaced, Weekday};
use qkit_export::{IdentityError, OpenError, Part};
use qkit_questionnaires::number::{decimals_text, number_text};
use qkit_questionnaires::{Band, Colour, ItemRole, Timepoint};
use qkit_scoring::change::{ChangeCategory, NotAssessable, Outcome};
use qkit_web::KitContext;

/// A number as staff read it: whole numbers plainly, others to one or two decimals.
pub fn number(x: f64) -> String {
    qkit_web::words::number(x)
}

/// The questionnaire's short title, or its id.
pub fn questionnaire(ctx: &KitContext, id: &str) -> String {
    ctx.kit
        .questionnaire(id)
        .map_or(id.to_owned(), |q| q.short_title.get(&ctx.lang).to_owned())
}

/// The scale's title, after the questionnaire's short title unless the title already names it:
/// "BIS-11: Motor impulsiveness", "Impulsiveness (BIS-11 total)".
pub fn scale(ctx: &KitContext, questionnaire: &str, scale: &str) -> String {
    let q = ctx.kit.questionnaire(questionnaire);
    let title = q
        .and_then(|q| q.scale(scale))
        .map_or(scale.to_owned(), |s| s.title.get(&ctx.lang).to_owned());
    let short = self::questionnaire(ctx, questionnaire);
    if title.contains(&short) {
        title
    } else {
        format!("{short}: {title}")
    }
}

/// The band of a scale with this id, from the definition.
pub fn band<'k>(
    ctx: &'k KitContext,
    questionnaire: &str,
    scale: &str,
    band: &str,
) -> Option<&'k Band> {
    ctx.kit
        .questionnaire(questionnaire)?
        .scale(scale)?
        .bands
        .as_ref()?
        .bands
        .iter()
        .find(|b| b.id == band)
}

/// The band's label in the interface language, or its id.
pub fn band_label(ctx: &KitContext, questionnaire: &str, scale: &str, id: &str) -> String {
    band(ctx, questionnaire, scale, id).map_or(id.to_owned(), |b| b.label.get(&ctx.lang).to_owned())
}

/// The band's colour from the definition, if it has one.
pub fn band_colour(ctx: &KitContext, questionnaire: &str, scale: &str, id: &str) -> Option<Colour> {
    band(ctx, questionnaire, scale, id).and_then(|b| b.colour)
}

/// The programme's name, or its id.
pub fn programme(ctx: &KitContext, id: &str) -> String {
    ctx.kit
        .programme(id)
        .map_or(id.to_owned(), |p| p.name.get(&ctx.lang).to_owned())
}

/// "Before the programme", "Part-way through", "After the programme".
pub fn timepoint(ctx: &KitContext, t: Timepoint) -> String {
    ctx.t(&format!("timepoint_{}", t.key())).to_owned()
}

/// A short word for a timepoint: "pre", "mid", "post" in the interface language.
pub fn timepoint_short(ctx: &KitContext, t: Timepoint) -> String {
    ctx.t(&format!("assessor_tp_{}", t.key())).to_owned()
}

/// A site's name from the `about_you` form's options, or its code.
pub fn site(ctx: &KitContext, code: &str) -> String {
    ctx.kit
        .questionnaire(crate::model::people::ABOUT_YOU)
        .and_then(|q| q.item_with_role(ItemRole::Site))
        .and_then(|i| i.response_scale.option_with_code(code))
        .map_or(code.to_owned(), |o| o.label.get(&ctx.lang).to_owned())
}

/// Every site the `about_you` form offers, as (code, name).
pub fn sites(ctx: &KitContext) -> Vec<(String, String)> {
    ctx.kit
        .questionnaire(crate::model::people::ABOUT_YOU)
        .and_then(|q| q.item_with_role(ItemRole::Site))
        .map(|i| {
            i.response_scale
                .options
                .iter()
                .filter_map(|o| Some((o.code.clone()?, o.label.get(&ctx.lang).to_owned())))
                .collect()
        })
        .unwrap_or_default()
}

/// Low, medium, high.
pub fn level(ctx: &KitContext, l: Level) -> String {
    ctx.t(&format!("assessor_level_{}", l.key())).to_owned()
}

/// High intensity, moderate intensity, not recommended.
pub fn intensity(ctx: &KitContext, i: Intensity) -> String {
    ctx.t(&format!("assessor_pathway_{}", i.key())).to_owned()
}

/// General, domestic abuse, sexual offence.
pub fn cohort(ctx: &KitContext, c: Cohort) -> String {
    ctx.t(&format!("assessor_cohort_{}", c.key())).to_owned()
}

/// Day, evening, either.
pub fn availability(ctx: &KitContext, a: Availability) -> String {
    ctx.t(&format!("assessor_availability_{}", a.key()))
        .to_owned()
}

/// Monday … Sunday.
pub fn weekday(ctx: &KitContext, w: Weekday) -> String {
    ctx.t(&format!("assessor_weekday_{}", w.key())).to_owned()
}

/// A hard constraint's name.
pub fn constraint(ctx: &KitContext, c: Constraint) -> String {
    ctx.t(&format!("assessor_constraint_{}", c.key()))
        .to_owned()
}

/// Why a participant is not in a group, in words.
pub fn unplaced(ctx: &KitContext, u: &Unplaced) -> String {
    match u {
        Unplaced::Blocked { groups_left: 0, .. } => ctx.t("assessor_unplaced_no_groups").to_owned(),
        Unplaced::Blocked {
            constraint,
            groups_left,
        } => ctx.tc(
            &format!("assessor_unplaced_{}", constraint.key()),
            *groups_left,
            &[],
        ),
        Unplaced::ByHand { reason } => ctx.tf("assessor_unplaced_by_hand", &[("reason", reason)]),
        Unplaced::Fits { groups } => {
            ctx.tf("assessor_unplaced_fits", &[("groups", &groups.join(", "))])
        }
    }
}

/// A flag kind's name.
pub fn flag(ctx: &KitContext, k: FlagKind) -> String {
    ctx.t(&format!("assessor_flag_{}", k.key())).to_owned()
}

/// A symbol for a flag kind, shown beside its name (never alone).
pub fn flag_icon(k: FlagKind) -> &'static str {
    match k {
        FlagKind::Alert => "!",
        FlagKind::TooFast => "»",
        FlagKind::StraightLining => "≡",
        FlagKind::InconsistentPairs => "⇄",
        FlagKind::HighMissingness => "∅",
        FlagKind::ValidityConcern => "⚠",
        FlagKind::AdaptedWording => "✎",
        FlagKind::Revisit => "?",
    }
}

/// A change category, or why change could not be judged, in plain words.
pub fn change_outcome(ctx: &KitContext, o: &Outcome) -> String {
    match o {
        Outcome::Category(c) => category(ctx, *c),
        Outcome::NotAssessable(why) => ctx
            .t(match why {
                NotAssessable::NotScorableAtFrom | NotAssessable::NotScorableAtTo => {
                    "assessor_change_not_scorable"
                }
                NotAssessable::NoReliableChangeRule => "assessor_change_no_rule",
                NotAssessable::NoReliability => "assessor_change_no_reliability",
                NotAssessable::CohortTooSmall => "assessor_change_cohort_too_small",
                NotAssessable::CohortNoSpread => "assessor_change_cohort_no_spread",
            })
            .to_owned(),
    }
}

/// Recovered, improved, unchanged, deteriorated.
pub fn category(ctx: &KitContext, c: ChangeCategory) -> String {
    ctx.t(&format!("assessor_category_{}", c.key())).to_owned()
}

/// Why an identity could not be unlocked, plainly.
pub fn identity_error(ctx: &KitContext, e: &IdentityError) -> String {
    match e {
        IdentityError::NotText => ctx.t("assessor_identity_not_text").to_owned(),
        IdentityError::NoIdentities => ctx.t("assessor_identity_none").to_owned(),
        IdentityError::NotAnIdentity { line } => {
            ctx.tf("assessor_identity_bad_line", &[("line", &line.to_string())])
        }
        IdentityError::Plugin { line } => {
            ctx.tf("assessor_identity_plugin", &[("line", &line.to_string())])
        }
        IdentityError::WrongPassphrase => ctx.t("assessor_identity_wrong_passphrase").to_owned(),
        IdentityError::ExcessiveWork { found, max } => ctx.tf(
            "assessor_identity_too_much_work",
            &[("found", &found.to_string()), ("max", &max.to_string())],
        ),
        IdentityError::NotPassphraseProtected => {
            ctx.t("assessor_identity_not_passphrase").to_owned()
        }
        IdentityError::Damaged(why) => ctx.tf("assessor_identity_damaged", &[("reason", why)]),
    }
}

/// Why a sealed file could not be opened, plainly; a record that does not validate keeps the
/// exact place and problem.
pub fn open_error(ctx: &KitContext, e: &OpenError) -> String {
    let key = match e {
        OpenError::Empty => "assessor_open_empty",
        OpenError::NotAgeFile { hint } if hint.contains("JSON") => "assessor_open_plain_json",
        OpenError::NotAgeFile { hint } if hint.contains("identity") => {
            "assessor_open_identity_file"
        }
        OpenError::NotAgeFile { .. } => "assessor_open_not_age",
        OpenError::UnknownAgeVersion => "assessor_open_version",
        OpenError::BadHeader | OpenError::BadArmor => "assessor_open_bad_header",
        OpenError::PassphraseEncrypted => "assessor_open_passphrase",
        OpenError::NoMatchingKey => "assessor_open_no_key",
        OpenError::HeaderTampered | OpenError::PayloadTampered => "assessor_open_tampered",
        OpenError::Truncated(Part::Header) | OpenError::Truncated(Part::Payload) => {
            "assessor_open_truncated"
        }
        OpenError::TooLarge { .. } => "assessor_open_too_large",
        OpenError::Record(r) => {
            return ctx.tf("assessor_open_invalid", &[("reason", &r.to_string())]);
        }
    };
    ctx.t(key).to_owned()
}

/// Why a picked file was not read, plainly.
pub fn read_error(ctx: &KitContext, e: &ReadError) -> String {
    match e {
        ReadError::TooLarge { size, limit } => ctx.tf(
            "assessor_file_too_large",
            &[
                ("size", &file_size(*size)),
                ("limit", &file_size(*limit as f64)),
            ],
        ),
        ReadError::Browser(why) => ctx.tf("assessor_import_unreadable", &[("reason", why)]),
    }
}

/// A problem with a named file: "key.txt: the file is empty".
pub fn file_problem(ctx: &KitContext, file: &str, reason: &str) -> String {
    ctx.tf(
        "assessor_file_problem",
        &[("file", file), ("reason", reason)],
    )
}

/// A file size as people read it: "50 MB", "64 KB", "900 bytes" (1 KB = 1,024 bytes).
pub fn file_size(bytes: f64) -> String {
    const KB: f64 = 1024.0;
    let tenths = |x: f64| {
        let s = decimals_text(x, 1);
        s.strip_suffix(".0").map_or(s.clone(), str::to_owned)
    };
    if bytes >= KB * KB {
        format!("{} MB", tenths(bytes / (KB * KB)))
    } else if bytes >= KB {
        format!("{} KB", tenths(bytes / KB))
    } else {
        format!("{} bytes", number_text(bytes))
    }
}

/// Why a participant cannot be allocated yet.
pub fn not_ready(ctx: &KitContext, n: &NotReady) -> String {
    match n {
        NotReady::NoStaffEntry => ctx.t("assessor_not_ready_entry").to_owned(),
        NotReady::Decision(e) => {
            ctx.tf("assessor_not_ready_decision", &[("reason", &e.to_string())])
        }
        NotReady::NoPathway => ctx.t("assessor_not_ready_pathway").to_owned(),
        NotReady::NoSites => ctx.t("assessor_not_ready_sites").to_owned(),
        NotReady::NoAvailability => ctx.t("assessor_not_ready_availability").to_owned(),
        NotReady::NoInWork => ctx.t("assessor_not_ready_in_work").to_owned(),
        NotReady::NoWaitingSince => ctx.t("assessor_not_ready_waiting").to_owned(),
    }
}

/// What a reader of a T-score must know, in brackets ("(norm not verified)"), or nothing.
pub fn norm_cautions(ctx: &KitContext, n: &qkit_scoring::NormedScore) -> String {
    use qkit_scoring::NormCaution;
    let words: Vec<&str> = n
        .cautions
        .iter()
        .filter_map(|c| match c {
            NormCaution::BeyondNormRange => Some(ctx.t("assessor_caution_beyond")),
            NormCaution::Unverified => Some(ctx.t("assessor_caution_unverified")),
            // Said once for the whole chart, not beside every score.
            NormCaution::NotNormal => None,
        })
        .collect();
    if words.is_empty() {
        String::new()
    } else {
        format!(" ({})", words.join("; "))
    }
}

#[cfg(test)]
mod tests {
    use super::file_size;

    #[test]
    fn file_sizes_read_plainly() {
        assert_eq!(file_size(50.0 * 1024.0 * 1024.0), "50 MB");
        assert_eq!(file_size(32.0 * 1024.0 * 1024.0), "32 MB");
        assert_eq!(file_size(64.0 * 1024.0), "64 KB");
        assert_eq!(file_size(1536.0), "1.5 KB");
        assert_eq!(file_size(900.0), "900 bytes");
    }
}

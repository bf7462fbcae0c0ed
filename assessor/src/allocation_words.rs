//! The allocation's facts in the interface language: a hard constraint a move breaks, said with
//! the names shown everywhere else (sites, days, times, pathways) rather than the core's codes,
//! and the fields of an allocation participant.

use crate::names;
use crate::state::Allocated;
use qkit_allocation::{Breach, Constraint, Outcome, TimeOfDay};
use qkit_web::KitContext;

/// What `breach` means for `participant` in group `group` of `a`, in words. Falls back to the
/// core's own detail when either is not in the allocation.
pub fn breach(
    ctx: &KitContext,
    a: &Allocated,
    participant: &str,
    group: &str,
    b: &Breach,
) -> String {
    let p = a.input.participants.iter().find(|p| p.id == participant);
    let g = a.input.groups.iter().find(|g| g.id == group);
    let (Some(p), Some(g)) = (p, g) else {
        return format!("{}: {}", names::constraint(ctx, b.constraint), b.detail);
    };
    let time = |t: TimeOfDay| ctx.t(&format!("assessor_time_{}", t.key())).to_owned();
    let detail = match b.constraint {
        Constraint::Programme => ctx.tf(
            "assessor_breach_programme",
            &[
                ("group", &names::programme(ctx, &g.programme)),
                ("his", &names::programme(ctx, &p.programme)),
            ],
        ),
        Constraint::Cohort => ctx.tf(
            "assessor_breach_cohort",
            &[
                ("group", &names::cohort(ctx, g.cohort)),
                ("his", &names::cohort(ctx, p.cohort)),
            ],
        ),
        Constraint::Pathway => ctx.tf(
            "assessor_breach_pathway",
            &[
                ("group", &names::intensity(ctx, g.pathway)),
                ("his", &names::intensity(ctx, p.pathway)),
            ],
        ),
        Constraint::Adapted if p.adapted => ctx.t("assessor_breach_adapted_needed").to_owned(),
        Constraint::Adapted => ctx.t("assessor_breach_adapted_not_needed").to_owned(),
        Constraint::Site => {
            let his: Vec<String> = p.sites.iter().map(|s| names::site(ctx, s)).collect();
            ctx.tf(
                "assessor_breach_site",
                &[
                    ("group", &names::site(ctx, &g.site)),
                    ("his", &his.join(", ")),
                ],
            )
        }
        Constraint::Slot => {
            let when = [
                ("day", names::weekday(ctx, g.slot.weekday)),
                ("time", time(g.slot.time)),
            ];
            if p.in_work && g.slot.time == TimeOfDay::Day {
                ctx.tf(
                    "assessor_breach_slot_work",
                    &[("day", &when[0].1), ("time", &when[1].1)],
                )
            } else {
                let days: Vec<String> =
                    p.weekdays.iter().map(|d| names::weekday(ctx, *d)).collect();
                let days = if days.is_empty() {
                    ctx.t("assessor_any_day").to_owned()
                } else {
                    days.join(", ")
                };
                ctx.tf(
                    "assessor_breach_slot",
                    &[
                        ("day", &when[0].1),
                        ("time", &when[1].1),
                        ("days", &days),
                        ("availability", &names::availability(ctx, p.availability)),
                    ],
                )
            }
        }
        Constraint::Intake => ctx.tf("assessor_breach_intake", &[("start", &g.start.to_string())]),
        Constraint::KeepApart => {
            let apart = |other: &str| {
                p.keep_apart.iter().any(|k| k == other)
                    || a.input
                        .participants
                        .iter()
                        .any(|o| o.id == other && o.keep_apart.contains(&p.id))
            };
            let placed =
                a.allocation.assignments.iter().filter(
                    |x| matches!(&x.outcome, Outcome::Group { group: id, .. } if *id == g.id),
                );
            let mut members: Vec<&str> = g.members.iter().map(String::as_str).collect();
            members.extend(placed.map(|x| x.participant.as_str()));
            members.retain(|m| *m != p.id && apart(m));
            members.dedup();
            ctx.tf(
                "assessor_breach_keep_apart",
                &[("people", &members.join(", "))],
            )
        }
        Constraint::Capacity => ctx.tf(
            "assessor_breach_capacity",
            &[("max", &g.max_size.to_string())],
        ),
    };
    format!("{}: {detail}", names::constraint(ctx, b.constraint))
}

/// An allocation participant's field (as [`crate::model::allocation_check::Merged`] names it)
/// in words.
pub fn field(ctx: &KitContext, name: &str) -> String {
    let key = match name {
        "pathway" => "assessor_field_pathway",
        "cohort" => "assessor_field_cohort",
        "need" => "assessor_field_need",
        "sites" => "assessor_field_sites",
        "availability" => "assessor_field_availability",
        "weekdays" => "assessor_field_weekdays",
        "in_work" => "assessor_field_in_work",
        "adapted" => "assessor_field_adapted",
        "waiting_since" => "assessor_field_waiting_since",
        "keep_apart" => "assessor_field_keep_apart",
        other => return other.to_owned(),
    };
    ctx.t(key).to_owned()
}

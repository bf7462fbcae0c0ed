//! Staff entries: the pathway decision they make and the allocation participant built from them.

use crate::common::{kit, set};
use qkit_allocation::{Availability, Intensity, Level, Rules};
use qkit_assessor::model::staff::{decision, participant, NotReady, StaffEntry};
use qkit_assessor::model::Key;
use qkit_questionnaires::Timepoint;

#[test]
fn staff_entries_make_the_pathway_and_the_allocation_participant() {
    let kit = kit();
    let rules = Rules::shipped(&kit).expect("the shipped rules are valid");
    let s = set(&kit, &[("A1", Timepoint::Pre, 1)]);
    let records = s.get("A1", "tsp").unwrap();
    let key = Key::new("A1", "tsp");
    // From his about_you answers: site_a, evenings, not in work, waiting since the record.
    let mut entry = StaffEntry::from_records(&kit, records);
    assert_eq!(entry.sites, ["site_a"]);
    assert_eq!(entry.availability, Some(Availability::Evening));
    assert_eq!(entry.in_work, Some(false));
    assert_eq!(
        entry.waiting_since.map(|d| d.to_string()).as_deref(),
        Some("2026-11-23")
    );
    assert!(decision(&rules, records, &entry).is_none());
    assert_eq!(
        participant(&rules, &key, records, &entry).unwrap_err(),
        NotReady::NoStaffEntry
    );
    entry.risk = Some(Level::High);
    entry.requirement = Some("programme_requirement".into());
    let d = decision(&rules, records, &entry).unwrap().unwrap();
    assert_eq!(d.risk, Level::High);
    let p = participant(&rules, &key, records, &entry).unwrap();
    assert_eq!(Some(p.pathway), d.pathway());
    assert_eq!(p.cohort, d.cohort.cohort);
    assert_eq!(p.id, "A1");
    // The example answered "maybe" to needing reading help: adapted delivery.
    assert!(p.adapted && d.adapted.flagged);
    // An override wins, with its reason.
    entry.pathway_override = Some((Intensity::High, "seen by the treatment manager".into()));
    let d = decision(&rules, records, &entry).unwrap().unwrap();
    assert_eq!(d.pathway(), Some(Intensity::High));
    assert_eq!(
        participant(&rules, &key, records, &entry).unwrap().pathway,
        Intensity::High
    );
    entry.sites.clear();
    assert_eq!(
        participant(&rules, &key, records, &entry).unwrap_err(),
        NotReady::NoSites
    );
}

//! Norm groups: which one a score is compared with, and the z, T and percentile against it.

use crate::error::ScoreError;
use crate::report::{report_number, NormCaution, NormedScore, PercentileBasis};
use qkit_questionnaires::{Distribution, Norm, Questionnaire, Scale};

/// Which norm group scores are compared with.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum NormChoice {
    /// Each scale's default norm.
    #[default]
    Default,
    /// The named norm group on every scale that has it; other scales use their default norm.
    Group(String),
}

impl NormChoice {
    /// The norm a scale's score is compared with under this choice.
    pub fn norm_for<'s>(&self, scale: &'s Scale) -> Option<&'s Norm> {
        match self {
            NormChoice::Group(id) => scale.norm(id).or_else(|| scale.default_norm()),
            NormChoice::Default => scale.default_norm(),
        }
    }

    /// Checks that a named group exists on at least one of the questionnaire's scales, so a
    /// misspelt group is an error rather than a silent fall-back to the defaults.
    pub fn check(&self, q: &Questionnaire) -> Result<(), ScoreError> {
        let NormChoice::Group(id) = self else {
            return Ok(());
        };
        if q.scales.iter().any(|s| s.norm(id).is_some()) {
            return Ok(());
        }
        let mut available: Vec<&str> = q
            .scales
            .iter()
            .flat_map(|s| s.norms.iter().map(|n| n.id.as_str()))
            .collect();
        available.sort_unstable();
        available.dedup();
        Err(ScoreError::UnknownNormGroup {
            questionnaire: q.id.clone(),
            norm: id.clone(),
            available: if available.is_empty() {
                "none".to_owned()
            } else {
                available.join(", ")
            },
        })
    }
}

/// z = (score − mean) / SD.
pub fn z_score(score: f64, norm: &Norm) -> f64 {
    (score - norm.mean) / norm.sd
}

/// T = 50 + 10z.
pub fn t_score(z: f64) -> f64 {
    50.0 + 10.0 * z
}

/// The percentage of a normal distribution below `z`: 100·Φ(z) = 50·erfc(−z/√2).
///
/// `libm`'s `erfc` is accurate to about 1 ulp, and using erfc rather than 1 + erf keeps the
/// accuracy for very low z.
pub fn percentile(z: f64) -> f64 {
    50.0 * libm::erfc(-z / std::f64::consts::SQRT_2)
}

/// Beyond this |z| a score is past what a norm sample describes (T below 20 or above 80).
pub const NORM_RANGE_Z: f64 = 3.0;

/// A score's standing against a norm group: z and T always; the percentile from the norm's
/// published table, or from the normal curve only where the norm's source reports roughly normal
/// scores; and the cautions a reader needs (see `scoring/README.md`, "Norms").
pub fn normed(score: f64, norm: &Norm) -> NormedScore {
    let z = z_score(score, norm);
    let (percentile, percentile_basis) = match (&norm.percentile_ranks, norm.distribution) {
        (Some(table), _) => match table.rank_of(score) {
            Some(rank) => (Some(rank), PercentileBasis::Table),
            None => (None, PercentileBasis::NoneNotInTable),
        },
        (None, Distribution::Normal) => (
            Some(report_number(percentile(z))),
            PercentileBasis::NormalCurve,
        ),
        (None, _) => (None, PercentileBasis::NoneNotNormal),
    };
    let cautions = [
        (z.abs() > NORM_RANGE_Z, NormCaution::BeyondNormRange),
        (
            norm.distribution != Distribution::Normal,
            NormCaution::NotNormal,
        ),
        (!norm.verified, NormCaution::Unverified),
    ]
    .into_iter()
    .filter_map(|(applies, c)| applies.then_some(c))
    .collect();
    NormedScore {
        norm: norm.id.clone(),
        z: report_number(z),
        t: report_number(t_score(z)),
        percentile,
        percentile_basis,
        cautions,
    }
}

#[cfg(test)]
mod tests {
    use super::{normed, percentile};
    use crate::report::{NormCaution, PercentileBasis};
    use qkit_questionnaires::{Distribution, Norm, PercentileRanks, Reliability, ReliabilityKind};

    fn norm(distribution: Distribution, table: Option<Vec<(f64, f64)>>, verified: bool) -> Norm {
        Norm {
            id: "n".into(),
            population: "p".into(),
            n: 100,
            mean: 10.0,
            sd: 5.0,
            reliability: Reliability {
                kind: ReliabilityKind::Alpha,
                value: 0.8,
            },
            citation: "c".into(),
            role: None,
            location: None,
            verified,
            distribution,
            percentile_ranks: table.map(|ranks| PercentileRanks {
                ranks,
                source: "t".into(),
            }),
        }
    }

    /// Score 20 against mean 10, SD 5: z = 2, T = 70; on the normal curve Φ(2) = 97.72%.
    #[test]
    fn the_normal_curve_only_for_a_normal_norm() {
        let n = normed(20.0, &norm(Distribution::Normal, None, true));
        assert_eq!((n.z, n.t), (2.0, 70.0));
        assert_eq!(n.percentile, Some(97.724987));
        assert_eq!(n.percentile_basis, PercentileBasis::NormalCurve);
        assert!(n.cautions.is_empty());
        for shape in [Distribution::Skewed, Distribution::NotReported] {
            let n = normed(20.0, &norm(shape, None, false));
            assert_eq!(n.percentile, None, "{shape:?}");
            assert_eq!(n.percentile_basis, PercentileBasis::NoneNotNormal);
            assert_eq!(
                n.cautions,
                [NormCaution::NotNormal, NormCaution::Unverified]
            );
            assert_eq!(n.t, 70.0, "T is still given");
        }
    }

    /// A published table wins over the normal curve, for the exact scores it lists only.
    #[test]
    fn a_percentile_table_gives_exact_scores_only() {
        let table = vec![(0.0, 20.0), (10.0, 60.0), (20.0, 95.0)];
        let n = normed(20.0, &norm(Distribution::Skewed, Some(table.clone()), true));
        assert_eq!(n.percentile, Some(95.0));
        assert_eq!(n.percentile_basis, PercentileBasis::Table);
        let n = normed(12.5, &norm(Distribution::Skewed, Some(table), true));
        assert_eq!(n.percentile, None, "never interpolated");
        assert_eq!(n.percentile_basis, PercentileBasis::NoneNotInTable);
    }

    /// |z| above 3 is beyond what a norm sample describes: T 119 carries the caution, T 80 does not.
    #[test]
    fn beyond_the_norm_range() {
        let n = normed(25.0, &norm(Distribution::Normal, None, true));
        assert_eq!(n.t, 80.0);
        assert!(n.cautions.is_empty());
        let n = normed(44.5, &norm(Distribution::Normal, None, true));
        assert!((n.t - 119.0).abs() < 1e-9);
        assert_eq!(n.cautions, [NormCaution::BeyondNormRange]);
    }

    /// Φ(z) from published normal tables (e.g. Abramowitz & Stegun, table 26.1), as percentages.
    #[test]
    fn percentiles_match_the_normal_table() {
        for (z, pct) in [
            (0.0, 50.0),
            (1.0, 84.134_474_6),
            (-1.0, 15.865_525_4),
            (1.96, 97.500_210_5),
            (2.0, 97.724_986_8),
            (-3.0, 0.134_989_8),
            (0.5, 69.146_246_1),
        ] {
            let got = percentile(z);
            assert!((got - pct).abs() < 1e-6, "z {z}: {got} vs {pct}");
        }
    }

    #[test]
    fn extreme_z_stays_inside_0_and_100() {
        assert!(percentile(-40.0) >= 0.0);
        assert!(percentile(40.0) <= 100.0);
        assert!(percentile(-8.0) > 0.0, "no cancellation to zero at z = -8");
    }
}

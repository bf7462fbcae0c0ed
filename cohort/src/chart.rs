//! Chart geometry: mapping values to SVG coordinates and choosing axis ticks. The charts are
//! drawn by the app as inline SVG (no chart library); this is the arithmetic they share.

use qkit_questionnaires::number::decimals_text;

/// A linear map from a domain of values to a range of coordinates, clamped to the range.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Linear {
    domain: (f64, f64),
    range: (f64, f64),
}

impl Linear {
    /// Maps `domain.0` to `range.0` and `domain.1` to `range.1` (a range may run backwards, as
    /// a y axis does). An empty domain maps everything to the middle of the range.
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> Linear {
        Linear { domain, range }
    }

    /// The coordinate of `v`, kept inside the range.
    pub fn at(&self, v: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if (d1 - d0).abs() < f64::EPSILON || !v.is_finite() {
            return (r0 + r1) / 2.0;
        }
        let x = r0 + (v - d0) / (d1 - d0) * (r1 - r0);
        x.clamp(r0.min(r1), r0.max(r1))
    }
}

/// The T axis for the T-scores `values`: 20 to 80 (three SDs either side of the mean), widened
/// in steps of 10 to take in every value, so no score is drawn at an end it is not at (a PHQ-9
/// T of 105 on a 20–80 axis would sit on 80, over any score that is 80).
pub fn t_axis(values: impl IntoIterator<Item = f64>) -> (f64, f64) {
    values
        .into_iter()
        .filter(|v| v.is_finite())
        .fold((20.0, 80.0), |(lo, hi), v| {
            (
                lo.min((v / 10.0).floor() * 10.0),
                hi.max((v / 10.0).ceil() * 10.0),
            )
        })
}

/// About `count` round tick values covering `[min, max]` (steps of 1, 2 or 5 times a power of
/// ten), both ends included when they fall on a step.
pub fn ticks(min: f64, max: f64, count: usize) -> Vec<f64> {
    if max.partial_cmp(&min) != Some(std::cmp::Ordering::Greater) || count == 0 {
        return vec![min];
    }
    let raw = (max - min) / count as f64;
    let power = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * power);
    let first = (min / step).ceil() * step;
    let mut out = Vec::new();
    let mut k = 0.0;
    while first + k * step <= max + step * 1e-9 {
        out.push(first + k * step);
        k += 1.0;
    }
    out
}

/// A coordinate as written in SVG: one decimal, no `-0.0`.
pub fn px(v: f64) -> String {
    decimals_text(v, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_map_linearly_and_stay_inside_the_range() {
        let t = Linear::new((20.0, 80.0), (100.0, 700.0));
        assert_eq!(t.at(50.0), 400.0);
        assert_eq!(t.at(40.0), 300.0);
        assert_eq!(t.at(10.0), 100.0);
        assert_eq!(t.at(95.0), 700.0);
        let y = Linear::new((0.0, 10.0), (200.0, 0.0));
        assert_eq!(y.at(10.0), 0.0);
        assert_eq!(y.at(2.5), 150.0);
        assert_eq!(Linear::new((3.0, 3.0), (0.0, 10.0)).at(3.0), 5.0);
    }

    #[test]
    fn the_t_axis_takes_in_every_score() {
        assert_eq!(t_axis([]), (20.0, 80.0));
        assert_eq!(t_axis([46.0, 80.0, 20.0]), (20.0, 80.0));
        // PHQ-9 T 105 beside a T of 80: the axis runs to 110, so they are drawn apart.
        assert_eq!(t_axis([80.0, 105.0]), (20.0, 110.0));
        let x = Linear::new(t_axis([80.0, 105.0]), (300.0, 740.0));
        assert!(x.at(105.0) > x.at(80.0) + 50.0);
        assert_eq!(t_axis([12.5, 50.0]), (10.0, 80.0));
        assert_eq!(t_axis([f64::NAN, f64::INFINITY]), (20.0, 80.0));
    }

    #[test]
    fn ticks_are_round_and_cover_the_domain() {
        assert_eq!(
            ticks(20.0, 80.0, 6),
            vec![20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0]
        );
        assert_eq!(ticks(0.0, 27.0, 4), vec![0.0, 10.0, 20.0]);
        assert_eq!(ticks(30.0, 120.0, 4), vec![50.0, 100.0]);
        assert_eq!(ticks(5.0, 5.0, 4), vec![5.0]);
        assert_eq!(px(-0.01), "0.0");
        assert_eq!(px(12.345), "12.3");
    }
}

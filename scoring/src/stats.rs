//! Small descriptive statistics shared by cohort statistics.

/// The arithmetic mean; `None` when empty.
pub fn mean(values: &[f64]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

/// The sample variance (divisor n − 1); `None` with fewer than two values.
pub fn sample_variance(values: &[f64]) -> Option<f64> {
    if values.len() < 2 {
        return None;
    }
    let m = mean(values)?;
    let ss: f64 = values.iter().map(|v| (v - m) * (v - m)).sum();
    Some(ss / (values.len() - 1) as f64)
}

/// The sample standard deviation (divisor n − 1); `None` with fewer than two values.
pub fn sample_sd(values: &[f64]) -> Option<f64> {
    sample_variance(values).map(f64::sqrt)
}

/// Cronbach's alpha for complete cases: `rows[case][item]`, every row the same length k.
///
/// α = k/(k−1) · (1 − Σ var(item) / var(total)), sample variances throughout. `None` with fewer
/// than two items or two cases, or when the totals do not vary (alpha is undefined).
pub fn cronbach_alpha(rows: &[Vec<f64>]) -> Option<f64> {
    let k = rows.first()?.len();
    if k < 2 || rows.len() < 2 || rows.iter().any(|r| r.len() != k) {
        return None;
    }
    let item_variances: f64 = (0..k)
        .map(|i| {
            let column: Vec<f64> = rows.iter().map(|r| r[i]).collect();
            sample_variance(&column)
        })
        .sum::<Option<f64>>()?;
    let totals: Vec<f64> = rows.iter().map(|r| r.iter().sum()).collect();
    let total_variance = sample_variance(&totals)?;
    if total_variance <= 0.0 {
        return None;
    }
    let k = k as f64;
    Some(k / (k - 1.0) * (1.0 - item_variances / total_variance))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mean_and_sample_sd_by_hand() {
        // 2, 4, 4, 4, 5, 5, 7, 9: mean 5; squared deviations sum to 32; 32 / 7 = 4.571428…
        let v = [2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0];
        assert_eq!(mean(&v), Some(5.0));
        let var = sample_variance(&v).expect("eight values");
        assert!((var - 32.0 / 7.0).abs() < 1e-12);
        assert!((sample_sd(&v).expect("eight values") - 2.138_089_935).abs() < 1e-9);
        assert_eq!(sample_sd(&[1.0]), None);
        assert_eq!(mean(&[]), None);
    }

    #[test]
    fn alpha_by_hand() {
        // Three items, four cases:
        //   item 1: 1 2 3 4   mean 2.5, squared deviations 2.25+.25+.25+2.25 = 5, var 5/3
        //   item 2: 2 2 3 4   mean 2.75, 0.5625+0.5625+0.0625+1.5625 = 2.75, var 2.75/3
        //   item 3: 1 3 3 4   mean 2.75, 3.0625+0.0625+0.0625+1.5625 = 4.75, var 4.75/3
        //   totals: 4 7 9 12  mean 8, 16+1+1+16 = 34, var 34/3
        // α = 3/2 · (1 − (5 + 2.75 + 4.75)/34) = 1.5 · (1 − 12.5/34) = 1.5 · 21.5/34 = 0.948529…
        let rows = vec![
            vec![1.0, 2.0, 1.0],
            vec![2.0, 2.0, 3.0],
            vec![3.0, 3.0, 3.0],
            vec![4.0, 4.0, 4.0],
        ];
        let alpha = cronbach_alpha(&rows).expect("defined");
        assert!((alpha - 1.5 * 21.5 / 34.0).abs() < 1e-12, "{alpha}");
        assert!((alpha - 0.948_529_4).abs() < 1e-6);
    }

    #[test]
    fn alpha_is_undefined_without_variance_or_enough_cases() {
        assert_eq!(cronbach_alpha(&[vec![1.0, 2.0]]), None);
        assert_eq!(cronbach_alpha(&[vec![2.0, 2.0], vec![2.0, 2.0]]), None);
        assert_eq!(cronbach_alpha(&[vec![1.0], vec![2.0]]), None);
    }
}

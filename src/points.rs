//! Exact penalty points: integer hundredths, never floats.

use std::fmt;

/// Points in hundredths (`1.4` points is `Points(140)`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Points(pub i64);

impl Points {
    pub const ZERO: Points = Points(0);

    /// The most any penalty figure (fixed, per period, `at most`) and any
    /// one finding may cost: 10,000 points. Totals then stay exact: a
    /// million findings at the maximum are 10^12 hundredths, far inside
    /// `i64`, so sums never saturate.
    pub const MAX_PENALTY: Points = Points(10_000 * 100);

    /// Parse a decimal with at most two places (`3`, `0.1`, `2.50`).
    pub fn parse(text: &str) -> Option<Points> {
        let (int, frac) = text.split_once('.').unwrap_or((text, ""));
        if int.is_empty() || !int.bytes().all(|b| b.is_ascii_digit()) || frac.len() > 2 {
            return None;
        }
        if !frac.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let whole: i64 = int.parse().ok()?;
        let mut hundredths: i64 = if frac.is_empty() {
            0
        } else {
            frac.parse().ok()?
        };
        if frac.len() == 1 {
            hundredths *= 10;
        }
        whole.checked_mul(100)?.checked_add(hundredths).map(Points)
    }

    pub fn saturating_add(self, other: Points) -> Points {
        Points(self.0.saturating_add(other.0))
    }

    pub fn saturating_sub(self, other: Points) -> Points {
        Points(self.0.saturating_sub(other.0))
    }

    pub fn saturating_mul(self, n: i64) -> Points {
        Points(self.0.saturating_mul(n))
    }

    /// As a JSON number: exact to two places when printed by `serde_json`
    /// because the value is built from the decimal text.
    pub fn to_json(self) -> serde_json::Value {
        serde_json::from_str(&self.to_string()).unwrap_or(serde_json::Value::Null)
    }
}

impl fmt::Display for Points {
    /// `1`, `1.4`, `0.25`: no trailing zeros.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        let (whole, frac) = (abs / 100, abs % 100);
        match frac {
            0 => write!(f, "{sign}{whole}"),
            f2 if f2 % 10 == 0 => write!(f, "{sign}{whole}.{}", f2 / 10),
            f2 => write!(f, "{sign}{whole}.{f2:02}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Points;

    #[test]
    fn a_million_findings_at_the_maximum_sum_exactly() {
        let findings: i64 = 1_000_000;
        let total = (0..findings).fold(Points::ZERO, |t, _| t.saturating_add(Points::MAX_PENALTY));
        assert_eq!(Points::MAX_PENALTY.0.checked_mul(findings), Some(total.0));
        assert_eq!(total.to_string(), "10000000000");
        assert!(
            total.0 < i64::MAX / 1000,
            "three orders of magnitude to spare"
        );
    }

    #[test]
    fn parses_and_prints_exactly() {
        for (text, hundredths, shown) in [
            ("1", 100, "1"),
            ("0.1", 10, "0.1"),
            ("2.50", 250, "2.5"),
            ("0.05", 5, "0.05"),
            ("96.6", 9660, "96.6"),
        ] {
            let p = Points::parse(text).expect(text);
            assert_eq!(p, Points(hundredths));
            assert_eq!(p.to_string(), shown);
        }
        for bad in ["", ".5", "1.234", "-1", "1e3", "a"] {
            assert_eq!(Points::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn json_number_is_exact() {
        assert_eq!(Points(140).to_json().to_string(), "1.4");
        assert_eq!(Points(9660).to_json().to_string(), "96.6");
        assert_eq!(Points(300).to_json().to_string(), "3");
    }
}

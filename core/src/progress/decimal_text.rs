//! Numbers with a fixed count of decimals, written as `format!("{x:.1}")` writes them, without
//! the standard library's float formatting: its Grisu and Dragon digit generators and their
//! bignums were about 14 KiB of the phone library (issue 17) for the summary's and the report's
//! few numbers.
//!
//! The digits are those of the exact binary value, rounded half to even as std rounds it
//! (`0.125` to 2 places is `0.12`, `0.375` is `0.38`, `2.5` to 0 places is `2`), so every
//! finite `f64` is written exactly, however large or small; `-` stays on negative zero and on
//! negatives that round to zero (`-0.0`), as std keeps it. The tests hold std as the oracle.

use std::fmt::{self, Display, Formatter, Write};

/// The most decimals written: `x · 10^3` of a 53-bit mantissa stays below 2^63.
const MAX_PLACES: u32 = 3;

/// `x` with `places` decimals (0-3), as `{:.places$}` writes it. More than 3 is a caller's
/// mistake: debug builds stop on it, release builds write 3.
pub(super) fn fixed(x: f64, places: u32) -> Fixed {
    debug_assert!(places <= MAX_PLACES, "decimal_text writes at most {MAX_PLACES} places");
    Fixed { x, places: places.min(MAX_PLACES), plus: false }
}

/// The same with `+` before a positive number (and `+0.0`), as `{:+.places$}` writes it.
pub(super) fn signed_fixed(x: f64, places: u32) -> Fixed {
    Fixed { plus: true, ..fixed(x, places) }
}

/// A number to write with a fixed count of decimals; see [`fixed`]. Width, fill and alignment
/// (`{:>8}`) are not applied: no caller asks for them.
pub(super) struct Fixed {
    x: f64,
    places: u32,
    plus: bool,
}

impl Display for Fixed {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let x = self.x;
        if x.is_nan() {
            return f.write_str("NaN");
        }
        if x.is_sign_negative() {
            f.write_char('-')?;
        } else if self.plus {
            f.write_char('+')?;
        }
        if x.is_infinite() {
            return f.write_str("inf");
        }
        // |x| = mantissa · 2^exponent, exactly.
        let bits = x.to_bits();
        let (biased, fraction) = ((bits >> 52) & 0x7FF, bits & ((1 << 52) - 1));
        let (mantissa, exponent) =
            if biased == 0 { (fraction, -1074) } else { (fraction | 1 << 52, biased as i32 - 1075) };
        let scale = 10u64.pow(self.places);
        let scaled = if exponent >= 0 {
            // A whole number: its digits, then zeros.
            write_whole(f, mantissa, exponent.unsigned_abs())?;
            0
        } else {
            // mantissa · 10^places / 2^shift, rounded half to even; below 2^63, so in a u64.
            let shift = exponent.unsigned_abs();
            let exact = mantissa * scale;
            let rounded = if shift >= 64 {
                0 // exact < 2^63 <= 2^(shift - 1): less than a half.
            } else {
                let (whole, rest, half) = (exact >> shift, exact & ((1 << shift) - 1), 1 << (shift - 1));
                whole + u64::from(rest > half || (rest == half && whole % 2 == 1))
            };
            write!(f, "{}", rounded / scale)?;
            rounded % scale
        };
        if self.places > 0 {
            write!(f, ".{scaled:0width$}", width = self.places as usize)?;
        }
        Ok(())
    }
}

/// Writes `mantissa · 2^exponent` in decimal (up to 309 digits), in base-10^9 limbs, least
/// significant first, doubled up to 29 times a pass (a limb stays below 2^30, so below 2^59).
fn write_whole(f: &mut Formatter<'_>, mantissa: u64, mut exponent: u32) -> fmt::Result {
    const BASE: u64 = 1_000_000_000;
    let mut limbs = vec![mantissa % BASE, mantissa / BASE];
    while exponent > 0 {
        let step = exponent.min(29);
        exponent -= step;
        let mut carry = 0;
        for limb in &mut limbs {
            let value = (*limb << step) + carry;
            (*limb, carry) = (value % BASE, value / BASE);
        }
        while carry > 0 {
            limbs.push(carry % BASE);
            carry /= BASE;
        }
    }
    while limbs.len() > 1 && limbs.last() == Some(&0) {
        limbs.pop();
    }
    let mut limbs = limbs.iter().rev();
    write!(f, "{}", limbs.next().unwrap_or(&0))?;
    limbs.try_for_each(|limb| write!(f, "{limb:09}"))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// `x` written both ways, for every count of places and both signs.
    fn check(x: f64) {
        for places in 0..=MAX_PLACES {
            let p = places as usize;
            assert_eq!(fixed(x, places).to_string(), format!("{x:.p$}"), "{x:e} to {places}");
            assert_eq!(signed_fixed(x, places).to_string(), format!("{x:+.p$}"), "{x:e} to {places}");
        }
    }

    #[test]
    fn reads_as_std_on_ties_zeros_and_extremes() {
        for x in [
            0.0,
            0.05,
            0.15,
            0.25,
            0.35,
            0.5,
            1.5,
            2.5,
            0.125,
            0.375,
            0.0625,
            2.25,
            12.5,
            37.5,
            99.95,
            9.995,
            0.0005,
            0.0015,
            1e15,
            1e16,
            9_007_199_254_740_993.0,
            1e21,
            1e300,
            f64::MAX,
            f64::MIN_POSITIVE,
            5e-324,
            0.4999999999999999,
            0.5000000000000001,
            4503599627370495.5,
            f64::NAN,
            -f64::NAN,
            f64::INFINITY,
        ] {
            check(x);
            check(-x);
        }
        assert_eq!(fixed(-0.04, 1).to_string(), "-0.0");
        assert_eq!(fixed(0.125, 2).to_string(), "0.12");
        assert_eq!(signed_fixed(0.0, 0).to_string(), "+0");
    }

    #[test]
    fn every_hundredth_to_100_and_tenth_to_10000_reads_as_std() {
        for n in -10_000..=10_000 {
            check(f64::from(n) / 100.0);
            check(f64::from(n) / 200.0);
        }
        for n in -100_000..=100_000 {
            check(f64::from(n) / 10.0);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]

        /// Any bit pattern: every exponent, subnormals, NaNs and infinities.
        #[test]
        fn any_f64_reads_as_std(bits in any::<u64>()) {
            check(f64::from_bits(bits));
        }

        /// The callers' values: pain and points on 0-10, percentages up to about 10^5.
        #[test]
        fn values_in_the_callers_range_read_as_std(x in -200_000.0..200_000.0f64) {
            check(x);
        }

        /// Two decimals of pain, as the summary rounds its means, and their differences.
        #[test]
        fn rounded_means_read_as_std(a in 0..=1000i32, b in 0..=1000i32) {
            check(f64::from(a) / 100.0);
            check(f64::from(b - a) / 100.0);
            check(((f64::from(b - a) / 100.0) / (f64::from(a.max(1)) / 100.0) * 100.0 * 10.0).round() / 10.0);
        }
    }
}

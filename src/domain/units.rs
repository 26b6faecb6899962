//! Volumes and units. Milk is stored in whole millilitres; ounces are a view.

use super::code::codes;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Millilitres in one US fluid ounce.
pub const ML_PER_OZ: f64 = 29.5735;

/// The largest batch the bot accepts: one litre (about 33 oz).
pub const MAX_BATCH_ML: u32 = 1000;

/// More than this in one session is unusual enough to ask "did you mean ...?" before
/// logging (a slipped key: `900` for `90`). Many parents express 60 to 150 ml per
/// session; 500 ml leaves room for a very full one.
pub const PLAUSIBLE_ML: u32 = 500;

/// For an amount above [`PLAUSIBLE_ML`], the likely intended one: the typed number with its
/// last digit dropped (900 → 90, 1000 → 100, 650 → 65). `None` for plausible amounts.
pub fn plausible_correction(amount: Ml) -> Option<Ml> {
    (amount.get() > PLAUSIBLE_ML).then(|| Ml(amount.get() / 10))
}

/// A volume of milk in whole millilitres.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct Ml(pub u32);

impl Ml {
    pub fn get(self) -> u32 {
        self.0
    }

    /// Converts an amount typed in `unit` to millilitres, rounding to the nearest ml.
    /// Returns `None` for negative, non-finite or absurdly large values.
    pub fn from_amount(value: f64, unit: Unit) -> Option<Ml> {
        if !value.is_finite() || value < 0.0 {
            return None;
        }
        let ml = match unit {
            Unit::Ml => value,
            Unit::Oz => value * ML_PER_OZ,
        };
        if ml > u32::MAX as f64 / 2.0 {
            return None;
        }
        Some(Ml(ml.round() as u32))
    }

    pub fn as_oz(self) -> f64 {
        self.0 as f64 / ML_PER_OZ
    }

    /// Formats the volume in `unit`: whole ml, or ounces to the nearest 0.1 oz
    /// (trailing ".0" dropped), e.g. "90 ml", "3 oz", "2.5 oz".
    pub fn display(self, unit: Unit) -> String {
        format!("{} {}", self.number(unit), unit.symbol())
    }

    /// The bare number in `unit`, as shown to people.
    pub fn number(self, unit: Unit) -> String {
        match unit {
            Unit::Ml => self.0.to_string(),
            Unit::Oz => {
                let tenths = (self.as_oz() * 10.0).round() as u64;
                if tenths.is_multiple_of(10) {
                    (tenths / 10).to_string()
                } else {
                    format!("{}.{}", tenths / 10, tenths % 10)
                }
            }
        }
    }
}

impl std::ops::Add for Ml {
    type Output = Ml;
    fn add(self, rhs: Ml) -> Ml {
        Ml(self.0.saturating_add(rhs.0))
    }
}

impl std::ops::Sub for Ml {
    type Output = Ml;
    fn sub(self, rhs: Ml) -> Ml {
        Ml(self.0.saturating_sub(rhs.0))
    }
}

impl std::iter::Sum for Ml {
    fn sum<I: Iterator<Item = Ml>>(iter: I) -> Ml {
        iter.fold(Ml(0), |a, b| a + b)
    }
}

/// The unit a family sees and types amounts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    #[default]
    Ml,
    Oz,
}

codes!(Unit {
    Ml => "ml",
    Oz => "oz",
});

impl Unit {
    /// How amounts in this unit are written ("ml", "oz"): the same as its code.
    pub fn symbol(self) -> &'static str {
        self.code()
    }

    /// Common portion sizes offered as one-tap presets, in this unit.
    pub fn presets(self) -> Vec<Ml> {
        match self {
            Unit::Ml => [30, 60, 90, 120, 150, 180].map(Ml).to_vec(),
            Unit::Oz => [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]
                .iter()
                .filter_map(|oz| Ml::from_amount(*oz, Unit::Oz))
                .collect(),
        }
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.symbol())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn implausible_amounts_get_a_correction() {
        assert_eq!(plausible_correction(Ml(500)), None);
        assert_eq!(plausible_correction(Ml(90)), None);
        assert_eq!(plausible_correction(Ml(501)), Some(Ml(50)));
        assert_eq!(plausible_correction(Ml(900)), Some(Ml(90)));
        assert_eq!(plausible_correction(Ml(1000)), Some(Ml(100)));
    }

    #[test]
    fn ounces_round_trip_to_a_tenth() {
        for tenths in 1..=330u32 {
            let oz = tenths as f64 / 10.0;
            let ml = Ml::from_amount(oz, Unit::Oz).unwrap();
            let shown: f64 = ml.number(Unit::Oz).parse().unwrap();
            assert!((shown - oz).abs() < 0.051, "{oz} oz -> {ml:?} -> {shown}");
        }
    }

    #[test]
    fn display_is_short() {
        assert_eq!(Ml(90).display(Unit::Ml), "90 ml");
        assert_eq!(Ml(89).display(Unit::Oz), "3 oz");
        assert_eq!(Ml(74).display(Unit::Oz), "2.5 oz");
        assert_eq!(Ml(0).display(Unit::Oz), "0 oz");
    }

    #[test]
    fn rejects_nonsense_amounts() {
        assert_eq!(Ml::from_amount(-1.0, Unit::Ml), None);
        assert_eq!(Ml::from_amount(f64::NAN, Unit::Ml), None);
        assert_eq!(Ml::from_amount(f64::INFINITY, Unit::Oz), None);
        assert_eq!(Ml::from_amount(1e300, Unit::Ml), None);
    }
}

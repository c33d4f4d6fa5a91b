//! serde for every `text_enum!` type through one reader and one writer (issue 17).
//!
//! serde's derive gives each enum its own variant-name visitor, its own `visit_enum` with one
//! arm per variant, and its own copy of the deserializer's `deserialize_enum` around them:
//! about 1 KiB of the phone library per enum, inlined into every struct holding one. Here a
//! variant is read as its index in the enum's list of names by code shared by all of them,
//! which then picks the value from `ALL`.
//!
//! The reading is the derive's, step for step: `deserialize_enum` with the same name and
//! variant list, the variant's name through `deserialize_identifier`, then `unit_variant`; the
//! same `expecting` texts (`enum Side`, `variant identifier`) and the same errors (unknown
//! variant with the list of names, an index out of range), so every message and every path
//! of an error is unchanged (`tests` holds it against a derived twin).

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, EnumAccess, Unexpected, VariantAccess, Visitor};

/// Reads a unit variant of the enum `name` whose names (in declaration order) are `variants`:
/// its index in `variants`, always below `variants.len()`. Errors are `d`'s own, as the derive
/// raises them.
pub(crate) fn read_variant<'de, D: Deserializer<'de>>(
    d: D,
    name: &'static str,
    variants: &'static [&'static str],
) -> Result<usize, D::Error> {
    d.deserialize_enum(name, variants, Variant { name, variants })
}

/// The enum's visitor: its variant's index.
struct Variant {
    name: &'static str,
    variants: &'static [&'static str],
}

impl<'de> Visitor<'de> for Variant {
    type Value = usize;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "enum {}", self.name)
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<usize, A::Error> {
        let (index, variant) = data.variant_seed(Name(self.variants))?;
        variant.unit_variant()?;
        Ok(index)
    }
}

/// The variant's name (or index), as the derive's `__Field` reads it.
#[derive(Clone, Copy)]
struct Name(&'static [&'static str]);

impl<'de> DeserializeSeed<'de> for Name {
    type Value = usize;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<usize, D::Error> {
        d.deserialize_identifier(self)
    }
}

impl<'de> Visitor<'de> for Name {
    type Value = usize;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("variant identifier")
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<usize, E> {
        match usize::try_from(v) {
            Ok(i) if i < self.0.len() => Ok(i),
            _ => Err(E::invalid_value(Unexpected::Unsigned(v), &IndexBelow(self.0.len()))),
        }
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<usize, E> {
        self.0.iter().position(|name| *name == v).ok_or_else(|| E::unknown_variant(v, self.0))
    }

    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<usize, E> {
        match self.0.iter().position(|name| name.as_bytes() == v) {
            Some(i) => Ok(i),
            None => Err(E::unknown_variant(&String::from_utf8_lossy(v), self.0)),
        }
    }
}

/// What an index out of range should have been (the derive's words).
struct IndexBelow(usize);

impl de::Expected for IndexBelow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "variant index 0 <= i < {}", self.0)
    }
}

#[cfg(test)]
mod tests;

//! The error type the library's reader hands to every `Deserialize` impl: the inner
//! deserializer's own error (serde_json's), with serde's named errors made in one place.
//!
//! serde's derive raises `duplicate_field`, `missing_field` and the like at every field of
//! every struct, and serde's default methods build their message (`format_args!`) right there,
//! inlined: about 30 bytes at each of some 250 places in the phone library (issue 17). Here
//! each is one call. The errors are the inner type's own, made by its own methods with the
//! same arguments, so every message, category and position is unchanged.

use std::fmt;

use serde::de::{self, Expected, Unexpected};

/// `E` (in Limber, `serde_json::Error`), as [`super::objects_only::ObjectsOnly`] reports it.
#[derive(Debug)]
pub(crate) struct Outlined<E>(pub E);

impl<E> Outlined<E> {
    /// The inner deserializer's error.
    pub fn into_inner(self) -> E {
        self.0
    }
}

impl<E: fmt::Display> fmt::Display for Outlined<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl<E: std::error::Error> std::error::Error for Outlined<E> {}

impl<E: de::Error> de::Error for Outlined<E> {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Outlined(E::custom(msg))
    }

    #[inline(never)]
    fn invalid_type(unexp: Unexpected<'_>, exp: &dyn Expected) -> Self {
        Outlined(E::invalid_type(unexp, exp))
    }

    #[inline(never)]
    fn invalid_value(unexp: Unexpected<'_>, exp: &dyn Expected) -> Self {
        Outlined(E::invalid_value(unexp, exp))
    }

    #[inline(never)]
    fn invalid_length(len: usize, exp: &dyn Expected) -> Self {
        Outlined(E::invalid_length(len, exp))
    }

    #[inline(never)]
    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        Outlined(E::unknown_variant(variant, expected))
    }

    #[inline(never)]
    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Self {
        Outlined(E::unknown_field(field, expected))
    }

    #[inline(never)]
    fn missing_field(field: &'static str) -> Self {
        Outlined(E::missing_field(field))
    }

    #[inline(never)]
    fn duplicate_field(field: &'static str) -> Self {
        Outlined(E::duplicate_field(field))
    }
}

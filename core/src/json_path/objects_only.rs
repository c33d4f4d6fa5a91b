//! A struct is read from a JSON object only, never from an array: a `serde::Deserializer`
//! that forwards everything to serde_json, except that a struct is read as a map.
//!
//! Why (issue 17): serde's derive gives every struct two ways to be read, by name
//! (`visit_map`) and by position (`visit_seq`), and serde_json's `deserialize_struct` takes
//! either, so `[1, 2]` reads as `{"a": 1, "b": 2}`. No Limber JSON ever holds a struct as an
//! array (the backup, the JSON columns, the answers the FFI takes), yet the positional path of
//! every struct was compiled into the phone library: 42 KiB of it, this adapter's own code
//! counted. Reading a struct through
//! serde_json's `deserialize_map`, which only ever calls `visit_map`, leaves that path out.
//!
//! What changes: a struct given as an array is refused, with serde's own error for a value of
//! the wrong kind (`invalid type: sequence, expected struct Backup`), as a string or a number
//! given for a struct always was. Nothing else: every other `deserialize_*` is serde_json's
//! own (values, `deserialize_any`, ignored values, enums, options, newtypes, unit structs), and
//! every value inside a value is read through this adapter too (the wrappers below), so the
//! rule holds at any depth. Keys and variant names are JSON strings and are read as serde_json
//! reads them.
//!
//! Internally tagged enums and `flatten` read their value into serde's buffer through
//! `deserialize_any` first and the struct from the buffer: unchanged (a buffered array would
//! still read as a struct there; no Limber type is flattened and no tagged variant is read
//! that way from anything but objects).

use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess, VariantAccess, Visitor,
};
use std::fmt;

use super::outlined::Outlined;

/// A deserializer (in Limber, `&mut serde_json::Deserializer<_>`) whose structs are objects
/// only. Errors are the inner deserializer's own, wrapped (see `outlined`): every
/// `Deserialize` impl it reads sees [`Outlined`], every inner one the inner error.
pub(crate) struct ObjectsOnly<D>(pub D);

/// Forwards `deserialize_*` methods that take only a visitor, wrapping it.
macro_rules! forward {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Outlined<D::Error>> {
            self.0.$method(Wrap(visitor)).map_err(Outlined)
        }
    )*};
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for ObjectsOnly<D> {
    type Error = Outlined<D::Error>;

    forward! {
        deserialize_any deserialize_bool
        deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64 deserialize_i128
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 deserialize_u128
        deserialize_f32 deserialize_f64 deserialize_char deserialize_str deserialize_string
        deserialize_bytes deserialize_byte_buf deserialize_option deserialize_unit
        deserialize_seq deserialize_map deserialize_identifier deserialize_ignored_any
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Outlined<D::Error>> {
        self.0.deserialize_unit_struct(name, Wrap(visitor)).map_err(Outlined)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Outlined<D::Error>> {
        self.0.deserialize_newtype_struct(name, Wrap(visitor)).map_err(Outlined)
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, Outlined<D::Error>> {
        self.0.deserialize_tuple(len, Wrap(visitor)).map_err(Outlined)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, Outlined<D::Error>> {
        self.0.deserialize_tuple_struct(name, len, Wrap(visitor)).map_err(Outlined)
    }

    /// The one change: a struct is read as a map, so only its `visit_map` is ever called
    /// (serde_json: an object, else the invalid-type error naming the visitor's `expecting`).
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Outlined<D::Error>> {
        self.0.deserialize_map(Wrap(visitor)).map_err(Outlined)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Outlined<D::Error>> {
        self.0.deserialize_enum(name, variants, Wrap(visitor)).map_err(Outlined)
    }

    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }
}

/// A visitor, a seed, or a map, sequence, enum or variant access, whose values are read
/// through [`ObjectsOnly`]. Everything else is forwarded as it is; errors cross as
/// [`Outlined`] inward and as the inner error outward.
struct Wrap<X>(X);

/// Forwards `visit_*` methods that take a plain value.
macro_rules! visit {
    ($($method:ident: $ty:ty,)*) => {$(
        fn $method<E: de::Error>(self, v: $ty) -> Result<Self::Value, E> {
            self.0.$method::<Outlined<E>>(v).map_err(Outlined::into_inner)
        }
    )*};
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Wrap<V> {
    type Value = V::Value;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.expecting(formatter)
    }

    visit! {
        visit_bool: bool,
        visit_i8: i8, visit_i16: i16, visit_i32: i32, visit_i64: i64, visit_i128: i128,
        visit_u8: u8, visit_u16: u16, visit_u32: u32, visit_u64: u64, visit_u128: u128,
        visit_f32: f32, visit_f64: f64, visit_char: char,
        visit_str: &str, visit_borrowed_str: &'de str, visit_string: String,
        visit_bytes: &[u8], visit_borrowed_bytes: &'de [u8], visit_byte_buf: Vec<u8>,
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        self.0.visit_unit::<Outlined<E>>().map_err(Outlined::into_inner)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        self.0.visit_none::<Outlined<E>>().map_err(Outlined::into_inner)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        self.0.visit_some(ObjectsOnly(deserializer)).map_err(Outlined::into_inner)
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        self.0.visit_newtype_struct(ObjectsOnly(deserializer)).map_err(Outlined::into_inner)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        self.0.visit_seq(Wrap(seq)).map_err(Outlined::into_inner)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        self.0.visit_map(Wrap(map)).map_err(Outlined::into_inner)
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Self::Value, A::Error> {
        self.0.visit_enum(Wrap(data)).map_err(Outlined::into_inner)
    }
}

impl<'de, T: DeserializeSeed<'de>> DeserializeSeed<'de> for Wrap<T> {
    type Value = T::Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<T::Value, D::Error> {
        self.0.deserialize(ObjectsOnly(deserializer)).map_err(Outlined::into_inner)
    }
}

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for Wrap<A> {
    type Error = Outlined<A::Error>;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Outlined<A::Error>> {
        self.0.next_element_seed(Wrap(seed)).map_err(Outlined)
    }

    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Wrap<A> {
    type Error = Outlined<A::Error>;

    /// A key is a JSON string, read as serde_json reads it: no struct can come from one.
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Outlined<A::Error>> {
        self.0.next_key_seed(seed).map_err(Outlined)
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, Outlined<A::Error>> {
        self.0.next_value_seed(Wrap(seed)).map_err(Outlined)
    }

    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

impl<'de, A: EnumAccess<'de>> EnumAccess<'de> for Wrap<A> {
    type Error = Outlined<A::Error>;
    type Variant = Wrap<A::Variant>;

    /// The variant's name is a JSON string, read as serde_json reads it.
    fn variant_seed<T: DeserializeSeed<'de>>(
        self,
        seed: T,
    ) -> Result<(T::Value, Self::Variant), Outlined<A::Error>> {
        self.0.variant_seed(seed).map(|(value, variant)| (value, Wrap(variant))).map_err(Outlined)
    }
}

impl<'de, A: VariantAccess<'de>> VariantAccess<'de> for Wrap<A> {
    type Error = Outlined<A::Error>;

    fn unit_variant(self) -> Result<(), Outlined<A::Error>> {
        self.0.unit_variant().map_err(Outlined)
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Outlined<A::Error>> {
        self.0.newtype_variant_seed(Wrap(seed)).map_err(Outlined)
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, Outlined<A::Error>> {
        self.0.tuple_variant(len, Wrap(visitor)).map_err(Outlined)
    }

    /// As serde_json reads a struct variant (an object or an array): no Limber enum has one
    /// outside an internally tagged enum, which serde reads from its buffer instead.
    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Outlined<A::Error>> {
        self.0.struct_variant(fields, Wrap(visitor)).map_err(Outlined)
    }
}

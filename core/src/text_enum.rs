//! Closed sets of names (body sites, contexts, ...) that cross the CLI, JSON and FFI as
//! snake_case text. One macro so that parsing, listing and serde agree on the spelling.

macro_rules! text_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal),+ $(,)? }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[$vmeta])* $variant),+
        }

        /// As serde's derive with each variant renamed to its text (`text_enum::serde_impl`).
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_unit_variant(stringify!($name), *self as u32, self.as_str())
            }
        }

        /// As serde's derive with each variant renamed to its text, through the reader all
        /// these enums share (`text_enum::serde_impl`).
        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                const VARIANTS: &[&str] = &[$($text),+];
                let index = $crate::text_enum::serde_impl::read_variant(d, stringify!($name), VARIANTS)?;
                // `read_variant` answers an index below VARIANTS.len(), which is ALL.len().
                Self::ALL.get(index).copied().ok_or_else(|| {
                    <D::Error as serde::de::Error>::custom("a variant index out of range")
                })
            }
        }

        impl $name {
            /// Every value, in declaration order (the order shells list them in).
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The snake_case name used in JSON, the CLI, the database and across the FFI.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// Parses the snake_case name; the error names `field` and lists every valid name.
            pub fn parse(field: &str, text: &str) -> $crate::Result<Self> {
                match text {
                    $($text => Ok($name::$variant),)+
                    _ => Err($crate::validate::one_of(field, Self::ALL.iter().map(|v| v.as_str()))),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

// After the macro: its tests use it.
pub(crate) mod serde_impl;

//! Closed sets of names (body sites, contexts, ...) that cross the CLI, JSON and FFI as
//! snake_case text. One macro so that parsing, listing and serde agree on the spelling.

macro_rules! text_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal),+ $(,)? }
    ) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord,
            serde::Serialize, serde::Deserialize,
        )]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $text)] $variant),+
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

//! Names of the app's vocabularies (qualifiers, chart kinds, coordinate systems, themes…): one
//! spelling each, used by the snapshot format, the URL, the command line and the CSS classes.
//! Strings are parsed into these types once, at the boundary.

/// For a unit enum: `ALL`, `as_str` (its one spelling), `FromStr` (an error naming the
/// spellings) and `Display`.
macro_rules! vocabulary {
    ($type:ident { $($variant:ident => $name:literal),+ $(,)? }) => {
        impl $type {
            /// Every value, in order.
            pub const ALL: &'static [$type] = &[$($type::$variant),+];

            /// The one spelling (in the snapshot format, the URL and the command line).
            pub fn as_str(self) -> &'static str {
                match self {
                    $($type::$variant => $name),+
                }
            }
        }

        impl std::str::FromStr for $type {
            type Err = String;

            fn from_str(text: &str) -> Result<Self, String> {
                match text {
                    $($name => Ok($type::$variant),)+
                    other => Err(format!(
                        "{other:?} is not one of: {}",
                        [$($name),+].join(", ")
                    )),
                }
            }
        }

        impl std::fmt::Display for $type {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

pub(crate) use vocabulary;

#[cfg(test)]
mod tests {
    use crate::core::geo::Crs;
    use crate::core::snapshot::{
        ChartKind, DesignationKind, DesignationLevel, IndicatorKind, PlaceKind, Qualifier,
    };
    use crate::core::view::state::ThemeChoice;

    /// The serde name (the snapshot format) is the same spelling.
    fn serde_name<T: serde::Serialize>(value: T) -> String {
        serde_json::to_string(&value)
            .expect("serialisable")
            .trim_matches('"')
            .to_owned()
    }

    #[test]
    fn one_spelling_everywhere() {
        for qualifier in Qualifier::ALL {
            assert_eq!(serde_name(qualifier), qualifier.as_str());
            assert_eq!(qualifier.as_str().parse::<Qualifier>(), Ok(*qualifier));
        }
        for kind in ChartKind::ALL {
            assert_eq!(serde_name(kind), kind.as_str());
            assert_eq!(kind.as_str().parse::<ChartKind>(), Ok(*kind));
        }
        for crs in Crs::ALL {
            assert_eq!(serde_name(crs), crs.as_str());
            assert_eq!(crs.to_string().parse::<Crs>(), Ok(*crs));
        }
        macro_rules! same_spelling {
            ($($kind:ty),*) => {$(
                for value in <$kind>::ALL {
                    assert_eq!(serde_name(value), value.as_str());
                    assert_eq!(value.as_str().parse::<$kind>(), Ok(*value));
                }
            )*};
        }
        same_spelling!(IndicatorKind, PlaceKind, DesignationKind, DesignationLevel);
        for theme in ThemeChoice::ALL {
            assert_eq!(theme.as_str().parse::<ThemeChoice>(), Ok(*theme));
        }
        let error = "WGS-84".parse::<Crs>().expect_err("misspelt");
        assert!(error.contains("WGS84, GCJ-02, CGCS2000"), "{error}");
    }
}

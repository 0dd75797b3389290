//! The fields of a snapshot the editor lets people change: each one's JSON path (the same paths
//! the validator reports at), its text as shown in the editor, and how a typed text goes back
//! into the snapshot. Text is parsed into the snapshot's types here, at the boundary, once.

use crate::core::snapshot::validate::Problem;
use crate::core::snapshot::{IndicatorKind, Localized, Qualifier, Snapshot};
use crate::core::Language;

/// What the qualifier field offers besides the snapshot's qualifiers: the report names the
/// quantity without stating it (`value: null`).
pub const NOT_STATED: &str = "not_stated";

/// One editable field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// `meta.as_of`: the date the figures are as of.
    AsOf,
    /// `meta.period`.
    Period,
    /// `meta.title.zh|en`.
    Title(Language),
    /// `meta.description.zh|en`.
    Description(Language),
    /// `sources[i].…`.
    Source(usize, SourceField),
    /// `indicators[i].…`.
    Indicator(usize, IndicatorField),
    /// `places[i].…`.
    Place(usize, PlaceField),
    /// `sections[i].title.zh|en`.
    SectionTitle(usize, Language),
    /// `sections[i].blocks[j].text.zh|en` (a prose block).
    Prose(usize, usize, Language),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SourceField {
    Title(Language),
    Publisher(Language),
    Date,
    Url,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IndicatorField {
    Label(Language),
    Value,
    /// The qualifier, or [`NOT_STATED`].
    Qualifier,
    Kind,
    Unit(Language),
    Period,
    Quote,
    /// The source's id.
    Source,
    Note(Language),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlaceField {
    Name(Language),
    Code,
    /// The community's place id; empty for none.
    Community,
    /// `designations[j].…`: a title the report gives the place.
    Designation(usize, DesignationField),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DesignationField {
    Level,
    /// The source's id.
    Source,
    Quote,
}

fn language_key(language: Language) -> &'static str {
    match language {
        Language::Zh => "zh",
        Language::En => "en",
    }
}

impl Field {
    /// The JSON path, as the validator writes it (`indicators[3].value`).
    pub fn path(self) -> String {
        let lang = language_key;
        match self {
            Field::AsOf => "meta.as_of".to_owned(),
            Field::Period => "meta.period".to_owned(),
            Field::Title(language) => format!("meta.title.{}", lang(language)),
            Field::Description(language) => format!("meta.description.{}", lang(language)),
            Field::Source(index, field) => format!(
                "sources[{index}].{}",
                match field {
                    SourceField::Title(language) => format!("title.{}", lang(language)),
                    SourceField::Publisher(language) => format!("publisher.{}", lang(language)),
                    SourceField::Date => "date".to_owned(),
                    SourceField::Url => "url".to_owned(),
                }
            ),
            Field::Indicator(index, field) => format!(
                "indicators[{index}].{}",
                match field {
                    IndicatorField::Label(language) => format!("label.{}", lang(language)),
                    IndicatorField::Value => "value".to_owned(),
                    IndicatorField::Qualifier => "qualifier".to_owned(),
                    IndicatorField::Kind => "kind".to_owned(),
                    IndicatorField::Unit(language) => format!("unit.{}", lang(language)),
                    IndicatorField::Period => "period".to_owned(),
                    IndicatorField::Quote => "quote".to_owned(),
                    IndicatorField::Source => "source".to_owned(),
                    IndicatorField::Note(language) => format!("note.{}", lang(language)),
                }
            ),
            Field::Place(index, field) => format!(
                "places[{index}].{}",
                match field {
                    PlaceField::Name(language) => format!("name.{}", lang(language)),
                    PlaceField::Code => "code".to_owned(),
                    PlaceField::Community => "community".to_owned(),
                    PlaceField::Designation(position, part) => format!(
                        "designations[{position}].{}",
                        match part {
                            DesignationField::Level => "level",
                            DesignationField::Source => "source",
                            DesignationField::Quote => "quote",
                        }
                    ),
                }
            ),
            Field::SectionTitle(index, language) => {
                format!("sections[{index}].title.{}", lang(language))
            }
            Field::Prose(section, block, language) => {
                format!(
                    "sections[{section}].blocks[{block}].text.{}",
                    lang(language)
                )
            }
        }
    }

    /// Whether a problem at `path` is about this field: the field itself, a part of it, or the
    /// localized text it is one language of.
    pub fn owns_problem_at(self, path: &str) -> bool {
        let own = self.path();
        if path == own
            || path.starts_with(&format!("{own}."))
            || path.starts_with(&format!("{own}["))
        {
            return true;
        }
        let localized_parent = own.strip_suffix(".zh").or_else(|| own.strip_suffix(".en"));
        // A value problem about an unstated figure is the qualifier's too.
        localized_parent == Some(path)
    }

    /// The field's text in `snapshot` (`None` when the field no longer exists there).
    pub fn text_in(self, snapshot: &Snapshot) -> Option<String> {
        fn optional(text: &Option<Localized>, language: Language) -> String {
            text.as_ref()
                .map(|text| text.get(language).to_owned())
                .unwrap_or_default()
        }
        Some(match self {
            Field::AsOf => snapshot.meta.as_of.clone(),
            Field::Period => snapshot.meta.period.clone(),
            Field::Title(language) => snapshot.meta.title.get(language).to_owned(),
            Field::Description(language) => snapshot.meta.description.get(language).to_owned(),
            Field::Source(index, field) => {
                let source = snapshot.sources.get(index)?;
                match field {
                    SourceField::Title(language) => source.title.get(language).to_owned(),
                    SourceField::Publisher(language) => source.publisher.get(language).to_owned(),
                    SourceField::Date => source.date.clone().unwrap_or_default(),
                    SourceField::Url => source.url.clone().unwrap_or_default(),
                }
            }
            Field::Indicator(index, field) => {
                let indicator = snapshot.indicators.get(index)?;
                match field {
                    IndicatorField::Label(language) => indicator.label.get(language).to_owned(),
                    IndicatorField::Value => {
                        indicator.value.map(text_from_number).unwrap_or_default()
                    }
                    IndicatorField::Qualifier => match (indicator.value, indicator.qualifier) {
                        (None, Qualifier::Exact) => NOT_STATED.to_owned(),
                        (_, qualifier) => qualifier.as_str().to_owned(),
                    },
                    IndicatorField::Kind => indicator.kind.as_str().to_owned(),
                    IndicatorField::Unit(language) => indicator.unit.get(language).to_owned(),
                    IndicatorField::Period => indicator.period.clone(),
                    IndicatorField::Quote => indicator.quote.clone(),
                    IndicatorField::Source => indicator.source.clone(),
                    IndicatorField::Note(language) => optional(&indicator.note, language),
                }
            }
            Field::Place(index, field) => {
                let place = snapshot.places.get(index)?;
                match field {
                    PlaceField::Name(language) => place.name.get(language).to_owned(),
                    PlaceField::Code => place.code.clone().unwrap_or_default(),
                    PlaceField::Community => place
                        .community
                        .as_ref()
                        .map(|link| link.id.clone())
                        .unwrap_or_default(),
                    PlaceField::Designation(position, part) => {
                        let designation = place.designations.get(position)?;
                        match part {
                            DesignationField::Level => designation.level.as_str().to_owned(),
                            DesignationField::Source => designation.source.clone(),
                            DesignationField::Quote => designation.quote.clone(),
                        }
                    }
                }
            }
            Field::SectionTitle(index, language) => {
                snapshot.sections.get(index)?.title.get(language).to_owned()
            }
            Field::Prose(section, block, language) => {
                match snapshot.sections.get(section)?.blocks.get(block)? {
                    crate::core::snapshot::Block::Prose { text } => text.get(language).to_owned(),
                    _ => return None,
                }
            }
        })
    }

    /// Puts `text` into `snapshot`. A text that cannot be the field's type (a value that is not
    /// a number, a qualifier not offered) is refused with a problem at the field's path and the
    /// snapshot is left as it was.
    pub fn apply(self, snapshot: &mut Snapshot, text: &str) -> Result<(), Problem> {
        let missing = || {
            Problem::said(
                &self.path(),
                "这一项已不在数据中（可能已被撤销）",
                "this item is no longer in the data (it may have been undone)",
            )
        };
        match self {
            Field::AsOf => snapshot.meta.as_of = text.trim().to_owned(),
            Field::Period => snapshot.meta.period = text.trim().to_owned(),
            Field::Title(language) => set_localized(&mut snapshot.meta.title, language, text),
            Field::Description(language) => {
                set_localized(&mut snapshot.meta.description, language, text)
            }
            Field::Source(index, field) => {
                let source = snapshot.sources.get_mut(index).ok_or_else(missing)?;
                match field {
                    SourceField::Title(language) => {
                        set_localized(&mut source.title, language, text)
                    }
                    SourceField::Publisher(language) => {
                        set_localized(&mut source.publisher, language, text)
                    }
                    SourceField::Date => source.date = optional_text(text),
                    SourceField::Url => source.url = optional_text(text),
                }
            }
            Field::Indicator(index, field) => {
                let path = self.path();
                let indicator = snapshot.indicators.get_mut(index).ok_or_else(missing)?;
                match field {
                    IndicatorField::Label(language) => {
                        set_localized(&mut indicator.label, language, text)
                    }
                    IndicatorField::Value => {
                        if text.trim().is_empty() {
                            indicator.value = None;
                        } else {
                            indicator.value = Some(number_from_text(text, &path)?);
                        }
                    }
                    IndicatorField::Qualifier => {
                        if text == NOT_STATED {
                            indicator.value = None;
                            indicator.qualifier = Qualifier::Exact;
                        } else {
                            indicator.qualifier = text.parse::<Qualifier>().map_err(|_| {
                                Problem::said(
                                    &path,
                                    format!("“{text}”不是可选的限定"),
                                    format!("“{text}” is not a qualifier on offer"),
                                )
                            })?;
                        }
                    }
                    IndicatorField::Kind => {
                        indicator.kind = text.parse::<IndicatorKind>().map_err(|_| {
                            Problem::said(
                                &path,
                                format!("“{text}”不是可选的类型"),
                                format!("“{text}” is not a kind on offer"),
                            )
                        })?;
                    }
                    IndicatorField::Unit(language) => {
                        set_localized(&mut indicator.unit, language, text)
                    }
                    IndicatorField::Period => indicator.period = text.trim().to_owned(),
                    IndicatorField::Quote => indicator.quote = text.to_owned(),
                    IndicatorField::Source => indicator.source = text.trim().to_owned(),
                    IndicatorField::Note(language) => {
                        set_optional_localized(&mut indicator.note, language, text)
                    }
                }
            }
            Field::Place(index, field) => {
                let place = snapshot.places.get_mut(index).ok_or_else(missing)?;
                match field {
                    PlaceField::Name(language) => set_localized(&mut place.name, language, text),
                    PlaceField::Code => place.code = optional_text(text),
                    PlaceField::Designation(position, part) => {
                        let path = self.path();
                        let designation =
                            place.designations.get_mut(position).ok_or_else(missing)?;
                        match part {
                            DesignationField::Level => {
                                designation.level = text.parse().map_err(|_| {
                                    Problem::said(
                                        &path,
                                        format!("“{text}”不是可选的级别"),
                                        format!("“{text}” is not a level on offer"),
                                    )
                                })?
                            }
                            DesignationField::Source => designation.source = text.trim().to_owned(),
                            DesignationField::Quote => designation.quote = text.to_owned(),
                        }
                    }
                    PlaceField::Community => {
                        place.community =
                            optional_text(text).map(|id| crate::core::snapshot::CommunityLink {
                                inferred: place
                                    .community
                                    .as_ref()
                                    .is_some_and(|link| link.id == id && link.inferred),
                                id,
                            })
                    }
                }
            }
            Field::SectionTitle(index, language) => {
                let section = snapshot.sections.get_mut(index).ok_or_else(missing)?;
                set_localized(&mut section.title, language, text)
            }
            Field::Prose(section, block, language) => {
                match snapshot
                    .sections
                    .get_mut(section)
                    .and_then(|section| section.blocks.get_mut(block))
                {
                    Some(crate::core::snapshot::Block::Prose { text: prose }) => {
                        set_localized(prose, language, text)
                    }
                    _ => return Err(missing()),
                }
            }
        }
        snapshot.reindex();
        Ok(())
    }
}

fn set_localized(target: &mut Localized, language: Language, text: &str) {
    match language {
        Language::Zh => target.zh = text.to_owned(),
        Language::En => target.en = text.to_owned(),
    }
}

/// An optional text in both languages: gone when both are empty.
fn set_optional_localized(target: &mut Option<Localized>, language: Language, text: &str) {
    let mut localized = target.take().unwrap_or_else(|| Localized::new("", ""));
    set_localized(&mut localized, language, text);
    *target =
        (!(localized.zh.trim().is_empty() && localized.en.trim().is_empty())).then_some(localized);
}

fn optional_text(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

/// A number as the editor shows it: digits as typed in a spreadsheet, no grouping.
pub fn text_from_number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    }
}

/// A typed number: half- or full-width digits, a decimal point, grouping commas (, or ，) and
/// spaces allowed; anything else is refused with the reason, at `path`.
pub fn number_from_text(text: &str, path: &str) -> Result<f64, Problem> {
    let normalized: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ',' | '，' | ' ' | '\u{3000}'))
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' | '。' => '.',
            '－' => '-',
            other => other,
        })
        .collect();
    let well_formed = !normalized.is_empty()
        && normalized
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == '-')
        && normalized.chars().filter(|&c| c == '.').count() <= 1
        && !normalized[1..].contains('-')
        && normalized.chars().any(|c| c.is_ascii_digit());
    match normalized.parse::<f64>() {
        Ok(value) if well_formed && value.is_finite() => Ok(value),
        _ => Err(Problem::said(
            path,
            format!("“{}”不是数字：数值只能填数字（如 238 或 3.5），限定（余、近、约）请在“限定”中选", text.trim()),
            format!("“{}” is not a number: the value takes digits only (such as 238 or 3.5); choose a qualifier (at least, about) under “Qualifier”", text.trim()),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::snapshot::load::snapshot_from_json_text;

    fn default_snapshot() -> Snapshot {
        snapshot_from_json_text(include_str!("../../../data/snapshot.json")).expect("valid")
    }

    fn position(snapshot: &Snapshot, id: &str) -> usize {
        snapshot
            .indicators
            .iter()
            .position(|indicator| indicator.id == id)
            .expect("indicator")
    }

    #[test]
    fn paths_are_the_validators() {
        assert_eq!(
            Field::Indicator(3, IndicatorField::Value).path(),
            "indicators[3].value"
        );
        assert_eq!(
            Field::Indicator(0, IndicatorField::Unit(Language::En)).path(),
            "indicators[0].unit.en"
        );
        assert_eq!(
            Field::Prose(2, 1, Language::Zh).path(),
            "sections[2].blocks[1].text.zh"
        );
        assert_eq!(Field::Place(5, PlaceField::Code).path(), "places[5].code");
        assert_eq!(
            Field::Place(5, PlaceField::Designation(1, DesignationField::Quote)).path(),
            "places[5].designations[1].quote"
        );
        // Every path a field names is one the validator reports at for that field.
        let mut snapshot = default_snapshot();
        let index = position(&snapshot, "cadres_trained");
        snapshot.indicators[index].unit.zh.clear();
        let problems = crate::core::snapshot::validate::validate_snapshot(&snapshot);
        let field = Field::Indicator(index, IndicatorField::Unit(Language::Zh));
        assert!(
            problems
                .iter()
                .any(|problem| field.owns_problem_at(&problem.path)),
            "{problems:?}"
        );
        assert!(!Field::Indicator(index, IndicatorField::Unit(Language::En))
            .owns_problem_at(&format!("indicators[{index}].unit.zh")));
        // A problem about the whole localized text belongs to both languages' fields.
        assert!(field.owns_problem_at(&format!("indicators[{index}].unit")));
        // indicators[1] is not indicators[10]'s prefix.
        assert!(!Field::Indicator(1, IndicatorField::Value).owns_problem_at("indicators[10].value"));
    }

    #[test]
    fn every_field_reads_back_what_it_takes() {
        let mut snapshot = default_snapshot();
        let fields = [
            (Field::AsOf, "2022-12-31"),
            (Field::Period, "2022"),
            (Field::Title(Language::En), "A title"),
            (Field::Source(0, SourceField::Url), "https://example.org/a"),
            (Field::Source(0, SourceField::Date), "2022-01-02"),
            (Field::Indicator(2, IndicatorField::Value), "12.5"),
            (Field::Indicator(2, IndicatorField::Qualifier), "about"),
            (Field::Indicator(2, IndicatorField::Kind), "measure"),
            (Field::Indicator(2, IndicatorField::Quote), "约12.5"),
            (
                Field::Indicator(2, IndicatorField::Note(Language::Zh)),
                "说明",
            ),
            (Field::Place(0, PlaceField::Code), "371323999999"),
            (Field::Place(0, PlaceField::Name(Language::En)), "Name"),
            (Field::SectionTitle(0, Language::Zh), "标题"),
        ];
        let designated = snapshot
            .places
            .iter()
            .position(|place| !place.designations.is_empty())
            .expect("a place with a designation");
        let fields = fields.into_iter().chain([
            (
                Field::Place(
                    designated,
                    PlaceField::Designation(0, DesignationField::Level),
                ),
                "county",
            ),
            (
                Field::Place(
                    designated,
                    PlaceField::Designation(0, DesignationField::Quote),
                ),
                "县级美丽乡村",
            ),
        ]);
        for (field, text) in fields {
            field.apply(&mut snapshot, text).expect(text);
            assert_eq!(field.text_in(&snapshot).as_deref(), Some(text), "{field:?}");
        }
    }

    #[test]
    fn a_value_takes_numbers_as_people_type_them() {
        for (text, value) in [
            ("238", 238.0),
            (" 1,200 ", 1200.0),
            ("１２０", 120.0),
            ("3.5", 3.5),
            ("2，000", 2000.0),
            ("-4", -4.0),
        ] {
            assert_eq!(number_from_text(text, "p").expect(text), value, "{text}");
        }
        for text in [
            "10余", "abc", "1.2.3", "", "1-2", "NaN", "inf", "1e5", "--1", ".",
        ] {
            let problem = number_from_text(text, "indicators[0].value").expect_err(text);
            assert_eq!(problem.path, "indicators[0].value");
            assert!(
                problem.message_zh.contains("不是数字"),
                "{}",
                problem.message_zh
            );
        }
    }

    #[test]
    fn a_refused_text_leaves_the_snapshot_as_it_was() {
        let mut snapshot = default_snapshot();
        let before = snapshot.clone();
        let index = position(&snapshot, "cadres_trained");
        let problem = Field::Indicator(index, IndicatorField::Value)
            .apply(&mut snapshot, "二百三十八")
            .expect_err("not a number");
        assert_eq!(problem.path, format!("indicators[{index}].value"));
        assert_eq!(snapshot, before);
        let problem = Field::Indicator(index, IndicatorField::Qualifier)
            .apply(&mut snapshot, "roughly")
            .expect_err("not a qualifier");
        assert!(problem.message.contains("roughly"));
        assert_eq!(snapshot, before);
        assert!(Field::Indicator(999, IndicatorField::Value)
            .apply(&mut snapshot, "1")
            .is_err());
        assert_eq!(snapshot, before);
    }

    #[test]
    fn not_stated_is_a_null_value() {
        let mut snapshot = default_snapshot();
        let field = Field::Indicator(0, IndicatorField::Qualifier);
        field.apply(&mut snapshot, NOT_STATED).expect("offered");
        assert_eq!(snapshot.indicators[0].value, None);
        assert_eq!(field.text_in(&snapshot).as_deref(), Some(NOT_STATED));
        assert_eq!(
            Field::Indicator(0, IndicatorField::Value)
                .text_in(&snapshot)
                .as_deref(),
            Some("")
        );
        // Typing a value again makes it an exact figure.
        Field::Indicator(0, IndicatorField::Value)
            .apply(&mut snapshot, "7")
            .expect("number");
        assert_eq!(field.text_in(&snapshot).as_deref(), Some("exact"));
    }

    #[test]
    fn an_emptied_note_is_gone() {
        let mut snapshot = default_snapshot();
        let zh = Field::Indicator(0, IndicatorField::Note(Language::Zh));
        let en = Field::Indicator(0, IndicatorField::Note(Language::En));
        zh.apply(&mut snapshot, "甲").expect("text");
        en.apply(&mut snapshot, "").expect("text");
        assert!(snapshot.indicators[0].note.is_some());
        zh.apply(&mut snapshot, " ").expect("text");
        assert_eq!(snapshot.indicators[0].note, None);
    }
}

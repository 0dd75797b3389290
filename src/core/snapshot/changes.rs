//! The change list (变更清单): every difference between a published snapshot and a new one, for
//! the person who signs the new figures off. Items are matched by id; each change names what it
//! is in both languages, where it is (a path by id, e.g. `indicators[trees_planted].value`), and
//! the old and new values as readers see them ("至少10辆" → "12辆"). Used by `snapshot diff` and by
//! the editor.

use crate::core::format::spoken_value;
use crate::core::snapshot::{Indicator, Localized, Place, Qualifier, Snapshot};
use crate::core::Language;

/// Whether something was added, removed or changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    Added,
    Removed,
    Changed,
}

/// One difference.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub kind: ChangeKind,
    /// Where, by id: `meta.as_of`, `indicators[trees_planted].series[2022]`, `places[v-1].name.zh`.
    pub path: String,
    /// What it is, for people.
    pub subject: Localized,
    /// The published value as shown (none for an addition).
    pub old: Option<Localized>,
    /// The new value as shown (none for a removal).
    pub new: Option<Localized>,
}

impl Change {
    /// One line for the list, in `language`, with the path for IT staff at the end.
    pub fn described_in(&self, language: Language) -> String {
        let shown = |value: &Option<Localized>| {
            value
                .as_ref()
                .map_or(String::new(), |value| value.get(language).to_owned())
        };
        let subject = self.subject.get(language);
        let (old, new) = (shown(&self.old), shown(&self.new));
        match (language, self.kind) {
            (Language::Zh, ChangeKind::Added) => format!("新增　{subject}：{new}（{}）", self.path),
            (Language::Zh, ChangeKind::Removed) => {
                format!("删除　{subject}：{old}（{}）", self.path)
            }
            (Language::Zh, ChangeKind::Changed) => {
                format!("修改　{subject}：{old} → {new}（{}）", self.path)
            }
            (Language::En, ChangeKind::Added) => format!("added {subject}: {new} ({})", self.path),
            (Language::En, ChangeKind::Removed) => {
                format!("removed {subject}: {old} ({})", self.path)
            }
            (Language::En, ChangeKind::Changed) => {
                format!("changed {subject}: {old} → {new} ({})", self.path)
            }
        }
    }
}

fn both(zh: impl Into<String>, en: impl Into<String>) -> Localized {
    Localized {
        zh: zh.into(),
        en: en.into(),
    }
}

fn same_in_both(text: &str) -> Localized {
    both(text, text)
}

/// "(none)" in both languages, for a value that is absent.
fn absent() -> Localized {
    both("（无）", "(none)")
}

#[derive(Default)]
struct Collector {
    changes: Vec<Change>,
}

impl Collector {
    fn push(
        &mut self,
        kind: ChangeKind,
        path: String,
        subject: Localized,
        old: Option<Localized>,
        new: Option<Localized>,
    ) {
        self.changes.push(Change {
            kind,
            path,
            subject,
            old,
            new,
        });
    }

    /// A field shown the same way in both languages (codes, dates, ids, quotes).
    fn text(&mut self, path: String, subject: Localized, old: &str, new: &str) {
        if old != new {
            let shown = |text: &str| {
                if text.is_empty() {
                    absent()
                } else {
                    same_in_both(text)
                }
            };
            self.push(
                ChangeKind::Changed,
                path,
                subject,
                Some(shown(old)),
                Some(shown(new)),
            );
        }
    }

    fn optional_text(
        &mut self,
        path: String,
        subject: Localized,
        old: Option<&str>,
        new: Option<&str>,
    ) {
        self.text(path, subject, old.unwrap_or(""), new.unwrap_or(""));
    }

    /// A text in two languages: each language is its own field (`….zh`, `….en`).
    fn localized(&mut self, path: &str, subject: &Localized, old: &Localized, new: &Localized) {
        for (language, suffix, name) in [
            (Language::Zh, "zh", both("（中文）", " (Chinese)")),
            (Language::En, "en", both("（英文）", " (English)")),
        ] {
            let with_language = both(
                format!("{}{}", subject.zh, name.zh),
                format!("{}{}", subject.en, name.en),
            );
            self.text(
                format!("{path}.{suffix}"),
                with_language,
                old.get(language),
                new.get(language),
            );
        }
    }

    fn optional_localized(
        &mut self,
        path: &str,
        subject: &Localized,
        old: Option<&Localized>,
        new: Option<&Localized>,
    ) {
        let empty = Localized::default();
        self.localized(path, subject, old.unwrap_or(&empty), new.unwrap_or(&empty));
    }

    /// Lists matched by key: what was added and changed in the new order, then what was removed.
    fn keyed<T>(
        &mut self,
        old: &[T],
        new: &[T],
        key: impl Fn(&T) -> &str,
        mut added: impl FnMut(&mut Self, &T),
        mut removed: impl FnMut(&mut Self, &T),
        mut changed: impl FnMut(&mut Self, &T, &T),
    ) {
        for item in new {
            match old.iter().find(|before| key(before) == key(item)) {
                Some(before) => changed(self, before, item),
                None => added(self, item),
            }
        }
        for item in old
            .iter()
            .filter(|before| !new.iter().any(|item| key(item) == key(before)))
        {
            removed(self, item);
        }
    }
}

/// The fields of one item (its path and what it is), so that each field is one line.
struct Fields<'a> {
    list: &'a mut Collector,
    path: String,
    what: Localized,
}

impl Fields<'_> {
    fn text(&mut self, field: &str, name: (&str, &str), old: &str, new: &str) {
        let subject = field_of(&self.what, name);
        self.list
            .text(format!("{}.{field}", self.path), subject, old, new);
    }

    fn optional_text(
        &mut self,
        field: &str,
        name: (&str, &str),
        old: Option<&str>,
        new: Option<&str>,
    ) {
        self.text(field, name, old.unwrap_or(""), new.unwrap_or(""));
    }

    fn localized(&mut self, field: &str, name: (&str, &str), old: &Localized, new: &Localized) {
        let subject = field_of(&self.what, name);
        self.list
            .localized(&format!("{}.{field}", self.path), &subject, old, new);
    }

    fn optional_localized(
        &mut self,
        field: &str,
        name: (&str, &str),
        old: Option<&Localized>,
        new: Option<&Localized>,
    ) {
        let empty = Localized::default();
        self.localized(field, name, old.unwrap_or(&empty), new.unwrap_or(&empty));
    }
}

/// A field's name, and the subject "field of what".
fn field_of(what: &Localized, field: (&str, &str)) -> Localized {
    both(
        format!("{}的{}", what.zh, field.0),
        format!("{} of {}", field.1, what.en),
    )
}

fn meta_changes(list: &mut Collector, old: &Snapshot, new: &Snapshot) {
    let report = both("报告", "the report");
    let (a, b) = (&old.meta, &new.meta);
    list.localized(
        "meta.title",
        &field_of(&report, ("标题", "title")),
        &a.title,
        &b.title,
    );
    list.localized(
        "meta.description",
        &field_of(&report, ("简介", "description")),
        &a.description,
        &b.description,
    );
    list.text(
        "meta.period".into(),
        field_of(&report, ("统计期", "period")),
        &a.period,
        &b.period,
    );
    list.text(
        "meta.as_of".into(),
        field_of(&report, ("数据截至日期", "as-of date")),
        &a.as_of,
        &b.as_of,
    );
    list.optional_localized(
        "meta.as_of_note",
        &field_of(&report, ("日期说明", "note on the date")),
        a.as_of_note.as_ref(),
        b.as_of_note.as_ref(),
    );
    list.optional_text(
        "meta.published".into(),
        field_of(&report, ("发布日期", "publication date")),
        a.published.as_deref(),
        b.published.as_deref(),
    );
    list.optional_text(
        "meta.map_review_number".into(),
        field_of(&report, ("审图号", "map review number")),
        a.map_review_number.as_deref(),
        b.map_review_number.as_deref(),
    );
    let synthetic = |value: bool| {
        if value {
            both("是（合成数据）", "yes (synthetic data)")
        } else {
            both("否", "no")
        }
    };
    if a.synthetic != b.synthetic {
        list.push(
            ChangeKind::Changed,
            "meta.synthetic".into(),
            field_of(&report, ("是否合成", "synthetic")),
            Some(synthetic(a.synthetic)),
            Some(synthetic(b.synthetic)),
        );
    }
    for (path, level, x, y) in [
        ("township", ("镇", "township"), &a.township, &b.township),
        ("county", ("县", "county"), &a.county, &b.county),
        ("city", ("市", "city"), &a.city, &b.city),
        ("province", ("省", "province"), &a.province, &b.province),
    ] {
        let unit = both(level.0, format!("the {}", level.1));
        list.localized(
            &format!("meta.{path}.name"),
            &field_of(&unit, ("名称", "name")),
            &x.name,
            &y.name,
        );
        list.text(
            format!("meta.{path}.code"),
            field_of(&unit, ("代码", "code")),
            &x.code,
            &y.code,
        );
    }
}

fn labelled(kind: (&str, &str), label: &Localized, id: &str) -> Localized {
    both(
        format!("{}“{}”", kind.0, label.zh),
        format!("{} “{}” ({id})", kind.1, label.en),
    )
}

fn sources_and_programmes(list: &mut Collector, old: &Snapshot, new: &Snapshot) {
    let source =
        |item: &crate::core::snapshot::Source| labelled(("来源", "source"), &item.title, &item.id);
    list.keyed(
        &old.sources,
        &new.sources,
        |item| &item.id,
        |list, item| {
            list.push(
                ChangeKind::Added,
                format!("sources[{}]", item.id),
                source(item),
                None,
                Some(item.publisher.clone()),
            )
        },
        |list, item| {
            list.push(
                ChangeKind::Removed,
                format!("sources[{}]", item.id),
                source(item),
                Some(item.publisher.clone()),
                None,
            )
        },
        |list, a, b| {
            let what = source(b);
            let path = format!("sources[{}]", b.id);
            let mut fields = Fields {
                list: &mut *list,
                path: path.clone(),
                what: what.clone(),
            };
            fields.localized("title", ("标题", "title"), &a.title, &b.title);
            fields.localized(
                "publisher",
                ("发布者", "publisher"),
                &a.publisher,
                &b.publisher,
            );
            fields.optional_text(
                "date",
                ("日期", "date"),
                a.date.as_deref(),
                b.date.as_deref(),
            );
            fields.optional_text(
                "url",
                ("网址", "address"),
                a.url.as_deref(),
                b.url.as_deref(),
            );
            fields.optional_text(
                "licence",
                ("许可", "licence"),
                a.licence.as_deref(),
                b.licence.as_deref(),
            );
            fields.optional_localized("note", ("说明", "note"), a.note.as_ref(), b.note.as_ref());
        },
    );
    let programme = |item: &crate::core::snapshot::Programme| {
        labelled(("工作", "programme"), &item.label, &item.id)
    };
    list.keyed(
        &old.programmes,
        &new.programmes,
        |item| &item.id,
        |list, item| {
            list.push(
                ChangeKind::Added,
                format!("programmes[{}]", item.id),
                programme(item),
                None,
                Some(item.label.clone()),
            )
        },
        |list, item| {
            list.push(
                ChangeKind::Removed,
                format!("programmes[{}]", item.id),
                programme(item),
                Some(item.label.clone()),
                None,
            )
        },
        |list, a, b| {
            list.localized(
                &format!("programmes[{}].label", b.id),
                &field_of(&programme(b), ("名称", "name")),
                &a.label,
                &b.label,
            )
        },
    );
}

/// A value as readers see it, the qualifier in words: "至少10辆" / "at least 10 machines".
fn shown_value(value: Option<f64>, qualifier: Qualifier, unit: &Localized) -> Localized {
    Localized {
        zh: spoken_value(value, qualifier, &unit.zh, Language::Zh),
        en: spoken_value(value, qualifier, &unit.en, Language::En),
    }
}

fn indicator_fields(
    list: &mut Collector,
    a: &Indicator,
    b: &Indicator,
    place_name: &dyn Fn(&str) -> Localized,
) {
    let what = labelled(("指标", "indicator"), &b.label, &b.id);
    let path = format!("indicators[{}]", b.id);
    let (old, new) = (
        shown_value(a.value, a.qualifier, &a.unit),
        shown_value(b.value, b.qualifier, &b.unit),
    );
    if old != new {
        list.push(
            ChangeKind::Changed,
            format!("{path}.value"),
            field_of(&what, ("数值", "value")),
            Some(old),
            Some(new),
        );
    }
    let mut fields = Fields {
        list: &mut *list,
        path: path.clone(),
        what: what.clone(),
    };
    fields.text("period", ("期间", "period"), &a.period, &b.period);
    fields.text(
        "programme",
        ("所属工作", "programme"),
        &a.programme,
        &b.programme,
    );
    fields.localized("label", ("名称", "name"), &a.label, &b.label);
    fields.localized("unit", ("单位", "unit"), &a.unit, &b.unit);
    fields.text("kind", ("类型", "kind"), a.kind.as_str(), b.kind.as_str());
    fields.text("source", ("来源", "source"), &a.source, &b.source);
    fields.text("quote", ("原文", "quote"), &a.quote, &b.quote);
    fields.optional_text(
        "part_of",
        ("整体指标", "whole"),
        a.part_of.as_deref(),
        b.part_of.as_deref(),
    );
    fields.optional_localized("note", ("说明", "note"), a.note.as_ref(), b.note.as_ref());
    let value_of = |path: String, subject: Localized| KeyedValues {
        path,
        subject,
        units: (&a.unit, &b.unit),
    };
    keyed_values(
        list,
        &a.series,
        &b.series,
        |item| (&item.period, item.value, item.qualifier),
        |period| {
            value_of(
                format!("{path}.series[{period}]"),
                field_of(
                    &what,
                    (&format!("{period} 的数值"), &format!("the {period} value")),
                ),
            )
        },
    );
    keyed_values(
        list,
        &a.by_place,
        &b.by_place,
        |item| (&item.place, item.value, item.qualifier),
        |place| {
            value_of(
                format!("{path}.by_place[{place}]"),
                field_of(
                    &what,
                    (
                        &format!("{} 的数值", place_name(place).zh),
                        &format!("the value for {}", place_name(place).en),
                    ),
                ),
            )
        },
    );
}

/// Where one keyed value is, what it is called, and the units of the old and new figure.
struct KeyedValues<'a> {
    path: String,
    subject: Localized,
    units: (&'a Localized, &'a Localized),
}

/// Values keyed by period or place (a figure's series, its values per place).
fn keyed_values<'u, T>(
    list: &mut Collector,
    old: &[T],
    new: &[T],
    read: impl Fn(&T) -> (&str, Option<f64>, Qualifier),
    place_of: impl Fn(&str) -> KeyedValues<'u>,
) {
    list.keyed(
        old,
        new,
        |item| read(item).0,
        |list, item| {
            let (key, value, qualifier) = read(item);
            let at = place_of(key);
            list.push(
                ChangeKind::Added,
                at.path,
                at.subject,
                None,
                Some(shown_value(value, qualifier, at.units.1)),
            );
        },
        |list, item| {
            let (key, value, qualifier) = read(item);
            let at = place_of(key);
            list.push(
                ChangeKind::Removed,
                at.path,
                at.subject,
                Some(shown_value(value, qualifier, at.units.0)),
                None,
            );
        },
        |list, x, y| {
            let ((key, old_value, old_qualifier), (_, new_value, new_qualifier)) =
                (read(x), read(y));
            let at = place_of(key);
            let (old, new) = (
                shown_value(old_value, old_qualifier, at.units.0),
                shown_value(new_value, new_qualifier, at.units.1),
            );
            if old != new {
                list.push(
                    ChangeKind::Changed,
                    at.path,
                    at.subject,
                    Some(old),
                    Some(new),
                );
            }
        },
    );
}

fn indicators(list: &mut Collector, old: &Snapshot, new: &Snapshot) {
    // A place by its name (as in the new snapshot, else the published one), the id in English.
    let place_name = |id: &str| {
        new.places
            .iter()
            .chain(&old.places)
            .find(|place| place.id == id)
            .map_or_else(
                || same_in_both(id),
                |place| both(place.name.zh.clone(), format!("{} ({id})", place.name.en)),
            )
    };
    let what = |item: &Indicator| labelled(("指标", "indicator"), &item.label, &item.id);
    list.keyed(
        &old.indicators,
        &new.indicators,
        |item| &item.id,
        |list, item| {
            list.push(
                ChangeKind::Added,
                format!("indicators[{}]", item.id),
                what(item),
                None,
                Some(shown_value(item.value, item.qualifier, &item.unit)),
            )
        },
        |list, item| {
            list.push(
                ChangeKind::Removed,
                format!("indicators[{}]", item.id),
                what(item),
                Some(shown_value(item.value, item.qualifier, &item.unit)),
                None,
            )
        },
        |list, a, b| indicator_fields(list, a, b, &place_name),
    );
}

fn place_fields(list: &mut Collector, a: &Place, b: &Place) {
    let what = labelled(("地点", "place"), &b.name, &b.id);
    let path = format!("places[{}]", b.id);
    let mut fields = Fields {
        list: &mut *list,
        path: path.clone(),
        what: what.clone(),
    };
    fields.localized("name", ("名称", "name"), &a.name, &b.name);
    fields.text("kind", ("类别", "kind"), a.kind.as_str(), b.kind.as_str());
    fields.optional_text(
        "code",
        ("区划代码", "code"),
        a.code.as_deref(),
        b.code.as_deref(),
    );
    let community = |link: &Option<crate::core::snapshot::CommunityLink>| {
        link.as_ref().map(|link| {
            if link.inferred {
                format!("{}（推断）", link.id)
            } else {
                link.id.clone()
            }
        })
    };
    fields.optional_text(
        "community",
        ("所属社区", "community"),
        community(&a.community).as_deref(),
        community(&b.community).as_deref(),
    );
    let designations = |place: &Place| {
        place
            .designations
            .iter()
            .map(|d| format!("{}/{}", d.kind.as_str(), d.level.as_str()))
            .collect::<Vec<_>>()
            .join("、")
    };
    fields.text(
        "designations",
        ("称号", "designations"),
        &designations(a),
        &designations(b),
    );
    if a.geometry != b.geometry {
        let shown = |place: &Place| match &place.geometry {
            Some(geometry) => both(
                format!("有边界（{}）", geometry.crs.as_str()),
                format!("an outline ({})", geometry.crs.as_str()),
            ),
            None => absent(),
        };
        let (mut old, mut new) = (shown(a), shown(b));
        if old == new {
            (old, new) = (
                both(format!("{}，旧版", old.zh), format!("{}, before", old.en)),
                both(
                    format!("{}，已更改", new.zh),
                    format!("{}, changed", new.en),
                ),
            );
        }
        fields.list.push(
            ChangeKind::Changed,
            format!("{path}.geometry"),
            field_of(&what, ("边界", "outline")),
            Some(old),
            Some(new),
        );
    }
    fields.text("source", ("来源", "source"), &a.source, &b.source);
    fields.optional_localized("note", ("说明", "note"), a.note.as_ref(), b.note.as_ref());
}

fn places_and_sections(list: &mut Collector, old: &Snapshot, new: &Snapshot) {
    let place = |item: &Place| labelled(("地点", "place"), &item.name, &item.id);
    list.keyed(
        &old.places,
        &new.places,
        |item| &item.id,
        |list, item| {
            list.push(
                ChangeKind::Added,
                format!("places[{}]", item.id),
                place(item),
                None,
                Some(item.name.clone()),
            )
        },
        |list, item| {
            list.push(
                ChangeKind::Removed,
                format!("places[{}]", item.id),
                place(item),
                Some(item.name.clone()),
                None,
            )
        },
        place_fields,
    );
    let section = |item: &crate::core::snapshot::Section| {
        labelled(("章节", "section"), &item.title, &item.id)
    };
    let blocks = |count: usize| both(format!("{count} 个内容块"), format!("{count} block(s)"));
    list.keyed(
        &old.sections,
        &new.sections,
        |item| &item.id,
        |list, item| {
            list.push(
                ChangeKind::Added,
                format!("sections[{}]", item.id),
                section(item),
                None,
                Some(blocks(item.blocks.len())),
            )
        },
        |list, item| {
            list.push(
                ChangeKind::Removed,
                format!("sections[{}]", item.id),
                section(item),
                Some(blocks(item.blocks.len())),
                None,
            )
        },
        |list, a, b| {
            let what = section(b);
            list.localized(
                &format!("sections[{}].title", b.id),
                &field_of(&what, ("标题", "title")),
                &a.title,
                &b.title,
            );
            if a.blocks != b.blocks {
                let changed = a
                    .blocks
                    .iter()
                    .zip(&b.blocks)
                    .filter(|(x, y)| x != y)
                    .count()
                    + a.blocks.len().abs_diff(b.blocks.len());
                list.push(
                    ChangeKind::Changed,
                    format!("sections[{}].blocks", b.id),
                    field_of(&what, ("内容", "content")),
                    Some(blocks(a.blocks.len())),
                    Some(both(
                        format!("{} 个内容块（{changed} 处不同）", b.blocks.len()),
                        format!("{} block(s) ({changed} differ)", b.blocks.len()),
                    )),
                );
            }
        },
    );
}

/// Every difference from `old` (the published snapshot) to `new`, in document order.
pub fn changes_between(old: &Snapshot, new: &Snapshot) -> Vec<Change> {
    let mut list = Collector::default();
    meta_changes(&mut list, old, new);
    sources_and_programmes(&mut list, old, new);
    indicators(&mut list, old, new);
    places_and_sections(&mut list, old, new);
    list.changes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::snapshot::{PeriodValue, PlaceValue};

    fn default_snapshot() -> Snapshot {
        crate::core::snapshot::load::snapshot_from_json_text(include_str!(
            "../../../data/snapshot.json"
        ))
        .expect("the default snapshot is valid")
    }

    fn indicator<'a>(snapshot: &'a mut Snapshot, id: &str) -> &'a mut Indicator {
        snapshot
            .indicators
            .iter_mut()
            .find(|indicator| indicator.id == id)
            .expect(id)
    }

    #[test]
    fn the_same_snapshot_has_no_changes() {
        assert_eq!(
            changes_between(&default_snapshot(), &default_snapshot()),
            Vec::new()
        );
    }

    #[test]
    fn every_kind_of_edit_is_listed_where_it_is_with_what_readers_see() {
        let old = default_snapshot();
        let mut new = old.clone();
        new.meta.as_of = "2022-12-31".into();
        indicator(&mut new, "trees_planted").value = Some(14_000.0);
        let machines = indicator(&mut new, "machines_deployed");
        machines.value = Some(12.0);
        machines.qualifier = Qualifier::Exact;
        indicator(&mut new, "volunteers_recruited")
            .series
            .push(PeriodValue {
                period: "2022".into(),
                value: Some(260.0),
                qualifier: Qualifier::About,
            });
        indicator(&mut new, "beautiful_courtyards").quote = "创建美丽庭院3500户".into();
        let village = old.places[1].id.clone();
        indicator(&mut new, "premium_courtyards")
            .by_place
            .push(PlaceValue {
                place: village.clone(),
                value: Some(12.0),
                qualifier: Qualifier::AtLeast,
            });
        let mut added = old.indicators[0].clone();
        added.id = "new_figure".into();
        new.indicators.push(added);
        let removed = new.places.remove(0);
        new.places[0].name.zh.push('村');

        let changes = changes_between(&old, &new);
        let listed: Vec<(ChangeKind, &str)> = changes
            .iter()
            .map(|change| (change.kind, change.path.as_str()))
            .collect();
        let second = old.places[1].id.as_str();
        assert_eq!(
            listed,
            vec![
                (ChangeKind::Changed, "meta.as_of"),
                (ChangeKind::Changed, "indicators[machines_deployed].value"),
                (ChangeKind::Changed, "indicators[trees_planted].value"),
                (
                    ChangeKind::Changed,
                    "indicators[beautiful_courtyards].quote"
                ),
                (
                    ChangeKind::Added,
                    format!("indicators[premium_courtyards].by_place[{village}]").as_str()
                ),
                (
                    ChangeKind::Added,
                    "indicators[volunteers_recruited].series[2022]"
                ),
                (ChangeKind::Added, "indicators[new_figure]"),
                (
                    ChangeKind::Changed,
                    format!("places[{second}].name.zh").as_str()
                ),
                (
                    ChangeKind::Removed,
                    format!("places[{}]", removed.id).as_str()
                ),
            ]
        );
        let said = |index: usize, language| changes[index].described_in(language);
        assert_eq!(said(1, Language::Zh), "修改　指标“出动大型机械”的数值：至少10辆 → 12辆（indicators[machines_deployed].value）");
        assert_eq!(said(1, Language::En), "changed value of indicator “Heavy machines deployed” (machines_deployed): at least 10 machines → 12 machines (indicators[machines_deployed].value)");
        assert_eq!(
            said(2, Language::Zh),
            "修改　指标“种植观赏树木”的数值：1.3万棵 → 1.4万棵（indicators[trees_planted].value）"
        );
        let name = &new.places[0].name;
        assert_eq!(said(4, Language::Zh), format!("新增　指标“精品庭院”的{} 的数值：至少12户（indicators[premium_courtyards].by_place[{village}]）", name.zh));
        assert!(
            said(4, Language::En).contains(&format!(
                "the value for {} ({village}) of indicator",
                name.en
            )),
            "{}",
            said(4, Language::En)
        );
        assert!(
            said(5, Language::Zh).starts_with("新增　指标“招募志愿者”的2022 的数值：约260名"),
            "{}",
            said(5, Language::Zh)
        );
        assert!(
            said(8, Language::Zh).starts_with("删除　地点“"),
            "{}",
            said(8, Language::Zh)
        );
    }
}

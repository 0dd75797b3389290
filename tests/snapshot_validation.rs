//! Each validation rule, with a failing fixture made from the real snapshot, and the JSON path
//! the message must name.

use fuguanzhuang_viewer::core::snapshot::load::{snapshot_from_json_text, MAX_SNAPSHOT_BYTES};
use fuguanzhuang_viewer::core::snapshot::validate::{validate_snapshot, Problem};
use serde_json::{json, Value};

const DEFAULT_SNAPSHOT: &str = include_str!("../data/snapshot.json");

fn default_value() -> Value {
    serde_json::from_str(DEFAULT_SNAPSHOT).expect("default snapshot is JSON")
}

/// The problems for the default snapshot after `mutate`.
fn problems_after(mutate: impl FnOnce(&mut Value)) -> Vec<Problem> {
    let mut value = default_value();
    mutate(&mut value);
    let text = serde_json::to_string(&value).expect("serialise");
    match snapshot_from_json_text(&text) {
        Ok(_) => Vec::new(),
        Err(problems) => problems,
    }
}

#[track_caller]
fn assert_problem(problems: &[Problem], path: &str, message_part: &str) {
    assert!(
        problems
            .iter()
            .any(|p| p.path == path && p.message.contains(message_part)),
        "expected a problem at {path:?} containing {message_part:?}; got:\n{}",
        problems
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    );
}

fn index_of(value: &Value, list: &str, id: &str) -> usize {
    value[list]
        .as_array()
        .expect("list")
        .iter()
        .position(|item| item["id"] == id)
        .unwrap_or_else(|| panic!("{list} has no id {id}"))
}

#[test]
fn the_default_snapshot_is_valid() {
    let snapshot = snapshot_from_json_text(DEFAULT_SNAPSHOT).expect("valid");
    assert_eq!(snapshot.meta.township.name.zh, "富官庄镇");
    assert_eq!(snapshot.meta.township.code, "371323115000");
    assert_eq!(snapshot.programmes.len(), 5);
}

#[test]
fn unknown_schema_version() {
    let problems = problems_after(|v| v["schema_version"] = json!(2));
    assert_problem(&problems, "schema_version", "unsupported version 2");
}

#[test]
fn missing_schema_version() {
    let problems = problems_after(|v| {
        v.as_object_mut().expect("object").remove("schema_version");
    });
    assert_problem(&problems, "schema_version", "missing");
}

#[test]
fn not_an_object() {
    let problems = snapshot_from_json_text("[1, 2]").expect_err("invalid");
    assert_problem(&problems, "", "must be a JSON object, got a list");
}

#[test]
fn syntax_error_names_line_and_column() {
    let problems = snapshot_from_json_text("{\n  \"schema_version\": 1,\n  \"meta\": {,\n}")
        .expect_err("invalid");
    assert_problem(&problems, "", "not valid JSON at line 3, column 12");
}

#[test]
fn wrong_type() {
    let problems = problems_after(|v| v["indicators"][2]["value"] = json!("many"));
    assert_problem(
        &problems,
        "indicators[2].value",
        "invalid type: string \"many\"",
    );
}

#[test]
fn list_of_wrong_type() {
    let problems = problems_after(|v| v["places"] = json!({"a": 1}));
    assert_problem(&problems, "places", "must be a list, got an object");
}

#[test]
fn missing_required_field() {
    let problems = problems_after(|v| {
        v["indicators"][4]
            .as_object_mut()
            .expect("object")
            .remove("quote");
    });
    assert_problem(&problems, "indicators[4]", "missing field `quote`");
    let problems = problems_after(|v| {
        v.as_object_mut().expect("object").remove("meta");
    });
    assert_problem(&problems, "meta", "missing required field");
}

#[test]
fn unknown_fields_are_errors() {
    let problems = problems_after(|v| v["indicators"][0]["vaule"] = json!(1));
    assert_problem(&problems, "indicators[0].vaule", "unknown field `vaule`");
    let problems = problems_after(|v| v["extra"] = json!(true));
    assert_problem(&problems, "extra", "unknown field");
    let problems = problems_after(|v| v["meta"]["township"]["name"]["fr"] = json!("x"));
    assert_problem(&problems, "meta.township.name.fr", "unknown field `fr`");
}

#[test]
fn negative_and_fractional_counts() {
    let problems = problems_after(|v| v["indicators"][0]["value"] = json!(-3));
    assert_problem(&problems, "indicators[0].value", "must be ≥ 0, got -3");
    let problems = problems_after(|v| v["indicators"][0]["value"] = json!(2.5));
    assert_problem(
        &problems,
        "indicators[0].value",
        "a count must be a whole number",
    );
}

#[test]
fn non_finite_values() {
    // JSON cannot spell NaN or infinity; an overflowing literal is refused where it is...
    let problems =
        snapshot_from_json_text(&DEFAULT_SNAPSHOT.replacen("\"value\": 57", "\"value\": 1e999", 1))
            .expect_err("invalid");
    assert_problem(&problems, "indicators[0].value", "number out of range");
    // ...and a snapshot built in code with NaN is caught by the validator.
    let mut snapshot = snapshot_from_json_text(DEFAULT_SNAPSHOT).expect("valid");
    snapshot.indicators[1].value = Some(f64::NAN);
    snapshot.indicators[2].value = Some(f64::INFINITY);
    let problems = validate_snapshot(&snapshot);
    assert_problem(&problems, "indicators[1].value", "must be a finite number");
    assert_problem(&problems, "indicators[2].value", "must be a finite number");
}

#[test]
fn duplicate_ids_and_codes() {
    let problems = problems_after(|v| {
        let first = v["indicators"][0]["id"].clone();
        v["indicators"][3]["id"] = first;
    });
    assert_problem(
        &problems,
        "indicators[3].id",
        "duplicate id \"admin_villages\", also used by indicators[0]",
    );
    let problems = problems_after(|v| {
        let code = v["places"][0]["code"].clone();
        v["places"][1]["code"] = code;
    });
    assert_problem(&problems, "places[1].code", "duplicate code");
}

#[test]
fn malformed_ids() {
    let problems = problems_after(|v| v["indicators"][0]["id"] = json!("Admin Villages"));
    assert_problem(&problems, "indicators[0].id", "may use only a-z");
}

#[test]
fn unknown_references() {
    let problems = problems_after(|v| {
        v["indicators"][1]["source"] = json!("nowhere");
        v["indicators"][2]["programme"] = json!("sports");
        v["indicators"][3]["part_of"] = json!("ghost");
    });
    assert_problem(
        &problems,
        "indicators[1].source",
        "unknown source \"nowhere\"",
    );
    assert_problem(
        &problems,
        "indicators[2].programme",
        "unknown programme \"sports\"",
    );
    assert_problem(
        &problems,
        "indicators[3].part_of",
        "unknown indicator \"ghost\"",
    );

    let problems = problems_after(|v| {
        let team = index_of(v, "sections", "team");
        v["sections"][team]["blocks"][1]["indicators"][0] = json!("missing_figure");
    });
    let team = index_of(&default_value(), "sections", "team");
    assert_problem(
        &problems,
        &format!("sections[{team}].blocks[1].indicators[0]"),
        "unknown indicator \"missing_figure\"",
    );

    let problems = problems_after(|v| {
        let village = index_of(v, "places", "v-duozhuang");
        v["places"][village]["community"]["id"] = json!("c-atlantis");
    });
    let village = index_of(&default_value(), "places", "v-duozhuang");
    assert_problem(
        &problems,
        &format!("places[{village}].community.id"),
        "unknown place \"c-atlantis\"",
    );

    let problems = problems_after(|v| {
        v["indicators"][0]["by_place"] = json!([{"place": "v-nowhere", "value": 1}]);
    });
    assert_problem(
        &problems,
        "indicators[0].by_place[0].place",
        "unknown place",
    );
}

#[test]
fn community_links_must_point_at_communities() {
    let problems = problems_after(|v| {
        let village = index_of(v, "places", "v-duozhuang");
        v["places"][village]["community"]["id"] = json!("v-huangnigou");
    });
    let village = index_of(&default_value(), "places", "v-duozhuang");
    assert_problem(
        &problems,
        &format!("places[{village}].community.id"),
        "is not a community",
    );
}

#[test]
fn malformed_codes() {
    let problems = problems_after(|v| v["places"][0]["code"] = json!("37132311520"));
    assert_problem(&problems, "places[0].code", "must be 12 digits");
    let problems = problems_after(|v| v["places"][0]["code"] = json!("370101115200"));
    assert_problem(
        &problems,
        "places[0].code",
        "does not start with the county code \"371323\"",
    );
    let problems = problems_after(|v| v["meta"]["township"]["code"] = json!("370101115000"));
    assert_problem(
        &problems,
        "meta.township.code",
        "does not start with its parent's code \"371323\"",
    );
    let problems = problems_after(|v| v["meta"]["county"]["code"] = json!("37132A"));
    assert_problem(&problems, "meta.county.code", "must be 6 digits");
}

#[test]
fn invalid_geometry() {
    let ring_open = json!({"crs": "WGS84", "geojson": {"type": "Polygon", "coordinates": [[[118.6, 35.9], [118.7, 35.9], [118.7, 36.0], [118.6, 36.05]]]}});
    let problems = problems_after(|v| v["places"][20]["geometry"] = ring_open);
    assert_problem(
        &problems,
        "places[20].geometry.geojson.coordinates[0]",
        "ring is not closed",
    );

    let too_few = json!({"crs": "WGS84", "geojson": {"type": "Polygon", "coordinates": [[[118.6, 35.9], [118.7, 35.9], [118.6, 35.9]]]}});
    let problems = problems_after(|v| v["places"][20]["geometry"] = too_few);
    assert_problem(
        &problems,
        "places[20].geometry.geojson.coordinates[0]",
        "at least 4 positions",
    );

    let outside_china =
        json!({"crs": "GCJ-02", "geojson": {"type": "Point", "coordinates": [2.35, 48.85]}});
    let problems = problems_after(|v| v["places"][20]["geometry"] = outside_china);
    assert_problem(
        &problems,
        "places[20].geometry.geojson.coordinates",
        "outside the range of Gcj02",
    );

    let swapped = json!({"crs": "WGS84", "geojson": {"type": "MultiPolygon", "coordinates": [[[[35.9, 118.6], [35.9, 118.7], [36.0, 118.7], [35.9, 118.6]]]]}});
    let problems = problems_after(|v| v["places"][20]["geometry"] = swapped);
    assert_problem(
        &problems,
        "places[20].geometry.geojson.coordinates[0][0][0]",
        "outside the range of Wgs84",
    );

    let line = json!({"crs": "WGS84", "geojson": {"type": "LineString", "coordinates": [[118.6, 35.9], [118.7, 35.9]]}});
    let problems = problems_after(|v| v["places"][20]["geometry"] = line);
    assert_problem(
        &problems,
        "places[20].geometry.geojson.type",
        "must be Point, Polygon or MultiPolygon",
    );

    let unknown_crs =
        json!({"crs": "EPSG:3857", "geojson": {"type": "Point", "coordinates": [118.6, 35.9]}});
    let problems = problems_after(|v| v["places"][20]["geometry"] = unknown_crs);
    assert_problem(
        &problems,
        "places[20].geometry.crs",
        "unknown variant `EPSG:3857`",
    );
}

#[test]
fn over_long_and_empty_strings() {
    let long = "长".repeat(301);
    let problems = problems_after(|v| v["indicators"][0]["label"]["zh"] = json!(long));
    assert_problem(
        &problems,
        "indicators[0].label.zh",
        "301 characters; at most 300",
    );
    let problems = problems_after(|v| v["meta"]["title"]["en"] = json!("  "));
    assert_problem(&problems, "meta.title.en", "must not be empty");
    let problems = problems_after(|v| v["places"][3]["name"]["zh"] = json!("a\u{0}b"));
    assert_problem(&problems, "places[3].name.zh", "NUL");
}

#[test]
fn dates_must_be_real() {
    let problems = problems_after(|v| v["meta"]["as_of"] = json!("2021-02-30"));
    assert_problem(&problems, "meta.as_of", "YYYY-MM-DD");
    let problems = problems_after(|v| v["sources"][0]["date"] = json!("21"));
    assert_problem(&problems, "sources[0].date", "YYYY, YYYY-MM or YYYY-MM-DD");
}

#[test]
fn source_urls_must_be_http() {
    let problems = problems_after(|v| v["sources"][0]["url"] = json!("javascript:alert(1)"));
    assert_problem(&problems, "sources[0].url", "must start with https://");
}

#[test]
fn part_larger_than_whole() {
    let problems = problems_after(|v| {
        let part = index_of(v, "indicators", "one_shoulder_villages");
        v["indicators"][part]["value"] = json!(58);
    });
    let part = index_of(&default_value(), "indicators", "one_shoulder_villages");
    assert_problem(
        &problems,
        &format!("indicators[{part}].part_of"),
        "larger than the whole",
    );
}

#[test]
fn charts_must_fit_their_data() {
    let environment = index_of(&default_value(), "sections", "environment");
    let problems = problems_after(|v| {
        v["sections"][environment]["blocks"][3]["indicators"] =
            json!(["beautiful_courtyards", "old_refuse_removed"]);
    });
    assert_problem(
        &problems,
        &format!("sections[{environment}].blocks[3].indicators"),
        "one unit",
    );
    let problems = problems_after(|v| {
        v["sections"][environment]["blocks"][3]["chart"] = json!("part_of_whole");
    });
    assert_problem(
        &problems,
        &format!("sections[{environment}].blocks[3].indicators"),
        "has no part_of",
    );
}

#[test]
fn every_problem_is_reported_not_just_the_first() {
    let problems = problems_after(|v| {
        v["indicators"][0]["value"] = json!("x");
        v["indicators"][5]["unit"] = json!(3);
        v["places"][2]["kind"] = json!("city");
    });
    assert_problem(&problems, "indicators[0].value", "invalid type");
    assert_problem(&problems, "indicators[5].unit", "invalid type");
    assert_problem(&problems, "places[2].kind", "unknown variant `city`");
    let problems = problems_after(|v| {
        v["indicators"][0]["value"] = json!(-1);
        v["indicators"][1]["source"] = json!("nowhere");
        v["meta"]["as_of"] = json!("yesterday");
    });
    assert_eq!(problems.len(), 3, "{problems:?}");
}

#[test]
fn size_limit_is_enforced_before_parsing() {
    let huge = " ".repeat(MAX_SNAPSHOT_BYTES + 1);
    let problems = snapshot_from_json_text(&huge).expect_err("too large");
    assert_problem(&problems, "", "the limit is 33554432 bytes");
}

/// Blocks are read by hand (not serde's buffering derive for tagged enums): every way a block
/// can be wrong is named at the block, or at the field when the field itself is wrong.
#[test]
fn blocks_are_checked_field_by_field_whatever_the_order() {
    use fuguanzhuang_viewer::core::snapshot::Block;

    // A field another kind of block has.
    let problems = problems_after(|v| v["sections"][0]["blocks"][0]["chart"] = json!("comparison"));
    assert_problem(
        &problems,
        "sections[0].blocks[0]",
        "`chart` is not a field of a prose block, expected `type`, `text`",
    );
    // A field no block has, named where it is.
    let problems = problems_after(|v| v["sections"][0]["blocks"][0]["colour"] = json!(1));
    assert_problem(
        &problems,
        "sections[0].blocks[0].colour",
        "unknown field `colour`",
    );
    // A kind that does not exist.
    let problems = problems_after(|v| v["sections"][0]["blocks"][0]["type"] = json!("poem"));
    assert_problem(
        &problems,
        "sections[0].blocks[0].type",
        "unknown variant `poem`",
    );
    // A missing kind, and a missing field of a kind.
    let problems = problems_after(|v| {
        v["sections"][0]["blocks"][0]
            .as_object_mut()
            .expect("object")
            .remove("type");
    });
    assert_problem(&problems, "sections[0].blocks[0]", "missing field `type`");
    let problems = problems_after(|v| {
        v["sections"][1]["blocks"]
            .as_array_mut()
            .expect("list")
            .push(json!({"indicators": [], "type": "chart", "id": "x", "chart": "comparison"}));
    });
    assert_problem(&problems, "sections[1].blocks[3]", "missing field `title`");
    // A field of the wrong type.
    let problems = problems_after(|v| v["sections"][0]["blocks"][0]["text"] = json!(3));
    assert_problem(
        &problems,
        "sections[0].blocks[0].text",
        "invalid type: integer `3`",
    );

    // In any order, `type` first or last; a field given twice is refused.
    let text = r#"{"zh":"文","en":"Text"}"#;
    let first: Block =
        serde_json::from_str(&format!(r#"{{"type":"prose","text":{text}}}"#)).expect("type first");
    let last: Block =
        serde_json::from_str(&format!(r#"{{"text":{text},"type":"prose"}}"#)).expect("type last");
    assert_eq!(first, last);
    let map: Block =
        serde_json::from_str(r#"{"type":"map"}"#).expect("a map block's title is optional");
    assert_eq!(map, Block::Map { title: None });
    let twice = serde_json::from_str::<Block>(&format!(
        r#"{{"type":"prose","text":{text},"type":"prose"}}"#
    ))
    .expect_err("duplicate");
    assert!(
        twice.to_string().contains("duplicate field `type`"),
        "{twice}"
    );
    let not_object = serde_json::from_str::<Block>("[1]").expect_err("a list is no block");
    assert!(
        not_object
            .to_string()
            .contains("a block: an object with a `type`"),
        "{not_object}"
    );
    // Written back in the format read.
    let written = serde_json::to_string(&first).expect("JSON");
    assert_eq!(
        serde_json::from_str::<Block>(&written).expect("read back"),
        first
    );
}

#[test]
fn part_of_cycles_are_reported_as_cycles_naming_every_indicator() {
    // Two indicators that are each other's whole (the issue's example: 57 and 15).
    let problems = problems_after(|v| {
        let villages = index_of(v, "indicators", "admin_villages");
        v["indicators"][villages]["part_of"] = json!("one_shoulder_villages");
    });
    let villages = index_of(&default_value(), "indicators", "admin_villages");
    assert_problem(
        &problems,
        &format!("indicators[{villages}].part_of"),
        "cycle: \"admin_villages\" → \"one_shoulder_villages\" → \"admin_villages\"",
    );
    // Not the misleading "part larger than the whole".
    assert!(
        !problems.iter().any(|p| p.message.contains("larger than")),
        "{problems:?}"
    );
    assert_eq!(problems.len(), 1, "{problems:?}");

    // Three in a ring with equal values: still found, once.
    let problems = problems_after(|v| {
        for (id, whole) in [
            ("cultural_squares_built", "village_offices_upgraded"),
            ("village_offices_upgraded", "structures_demolished"),
            ("structures_demolished", "cultural_squares_built"),
        ] {
            let index = index_of(v, "indicators", id);
            v["indicators"][index]["part_of"] = json!(whole);
            v["indicators"][index]["value"] = json!(36);
        }
    });
    let cycles: Vec<&Problem> = problems
        .iter()
        .filter(|p| p.message.contains("cycle"))
        .collect();
    assert_eq!(cycles.len(), 1, "{problems:?}");
    for id in [
        "cultural_squares_built",
        "village_offices_upgraded",
        "structures_demolished",
    ] {
        assert!(cycles[0].message.contains(id), "{}", cycles[0].message);
    }
}

#[test]
fn an_empty_report_is_refused() {
    let problems = problems_after(|v| {
        v["indicators"] = json!([]);
        v["sections"] = json!([]);
    });
    assert_problem(&problems, "", "the report is empty");
    let problems = problems_after(|v| {
        v["indicators"] = json!([]);
        for section in v["sections"].as_array_mut().expect("sections") {
            section["blocks"] = json!([]);
        }
    });
    assert_problem(&problems, "", "the report is empty");
}

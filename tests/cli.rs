//! The `snapshot` command line: help per command, suggestions for typos, values parsed once.
#![cfg(not(target_arch = "wasm32"))]

use clap::{CommandFactory, Parser};
use fuguanzhuang_viewer::authoring::cli::{Cli, Command};
use fuguanzhuang_viewer::core::geo::Crs;

#[test]
fn help_lists_every_command_and_each_command_its_flags() {
    let help = Cli::command().render_help().to_string();
    for command in [
        "check", "diff", "schema", "synth", "build", "export", "locator", "render", "publish",
    ] {
        assert!(help.contains(command), "{command} missing from:\n{help}");
    }
    let mut cli = Cli::command();
    let build = cli
        .find_subcommand_mut("build")
        .expect("build")
        .render_help()
        .to_string();
    for flag in [
        "--base",
        "--indicators",
        "--by-place",
        "--geojson",
        "--crs",
        "--encoding",
        "--out",
        "--dry-run",
    ] {
        assert!(build.contains(flag), "{flag} missing from:\n{build}");
    }
    let error = Cli::try_parse_from(["snapshot", "--help"]).expect_err("help is shown");
    assert_eq!(error.kind(), clap::error::ErrorKind::DisplayHelp);
}

#[test]
fn typos_and_bad_values_are_named() {
    let error = Cli::try_parse_from(["snapshot", "chek", "x.json"]).expect_err("typo");
    assert!(error.to_string().contains("'check'"), "{error}");
    let error = Cli::try_parse_from(["snapshot", "synth", "--places", "3", "--crs", "WGS-84"])
        .expect_err("bad CRS");
    assert!(
        error.to_string().contains("WGS84, GCJ-02, CGCS2000"),
        "{error}"
    );
    // build needs somewhere to write, or --dry-run.
    let error = Cli::try_parse_from(["snapshot", "build", "--base", "a.json"]).expect_err("no out");
    assert_eq!(
        error.kind(),
        clap::error::ErrorKind::MissingRequiredArgument
    );
}

#[test]
fn values_are_parsed_into_their_types_once() {
    let cli = Cli::try_parse_from([
        "snapshot",
        "build",
        "--base",
        "a.json",
        "--geojson",
        "v.geojson",
        "--crs",
        "CGCS2000",
        "--dry-run",
    ])
    .expect("valid");
    match cli.command {
        Command::Build(args) => {
            assert_eq!(args.crs, Crs::Cgcs2000);
            assert!(args.dry_run);
        }
        other => panic!("parsed as {other:?}"),
    }
    let cli = Cli::try_parse_from([
        "snapshot",
        "publish",
        "--app",
        "dist",
        "--snapshot",
        "s.json",
        "--out",
        "site",
        "--site-url",
        "https://www.example.gov.cn/reports/x",
    ])
    .expect("valid");
    match cli.command {
        Command::Publish(args) => assert_eq!(
            args.site_url.map(|url| url.to_string()).as_deref(),
            Some("https://www.example.gov.cn/reports/x/")
        ),
        other => panic!("parsed as {other:?}"),
    }
}

#[test]
fn snapshot_files_from_windows_editors_are_read_or_named() {
    use fuguanzhuang_viewer::authoring::cli::read_limited;
    let snapshot = include_str!("../data/snapshot.json");
    let dir = std::env::temp_dir().join(format!("fuguanzhuang-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    // Notepad's UTF-8 adds a byte-order mark: read, and the snapshot is valid.
    let bom = dir.join("bom.json");
    std::fs::write(
        &bom,
        [b"\xEF\xBB\xBF".as_slice(), snapshot.as_bytes()].concat(),
    )
    .expect("write");
    let text = read_limited(&bom).expect("a BOM is accepted");
    assert!(fuguanzhuang_viewer::core::snapshot::load::snapshot_from_json_text(&text).is_ok());
    // Notepad's "Unicode" is UTF-16: named, with the fix.
    let utf16 = dir.join("utf16.json");
    let units: Vec<u8> = [0xFF_u8, 0xFE]
        .into_iter()
        .chain(snapshot.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    std::fs::write(&utf16, units).expect("write");
    let message = read_limited(&utf16).expect_err("refused");
    assert!(
        message.contains("UTF-16") && message.contains("save it as UTF-8"),
        "{message}"
    );
    // Chinese Windows' "ANSI" is GBK: named, with the fix.
    let gbk = dir.join("gbk.json");
    std::fs::write(&gbk, encoding_rs::GBK.encode(snapshot).0).expect("write");
    let message = read_limited(&gbk).expect_err("refused");
    assert!(
        message.contains("GBK") && message.contains("save it as UTF-8"),
        "{message}"
    );
    std::fs::remove_dir_all(&dir).expect("clean up");
}

#[test]
fn messages_are_chinese_unless_english_is_asked_for() {
    use fuguanzhuang_viewer::authoring::cli::message_language;
    use fuguanzhuang_viewer::core::Language;
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |name: &str| {
            pairs
                .iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| (*value).to_owned())
        }
    };
    assert_eq!(message_language(None, env(&[])), Language::Zh);
    assert_eq!(
        message_language(None, env(&[("LANG", "C.UTF-8")])),
        Language::Zh
    );
    assert_eq!(
        message_language(None, env(&[("LANG", "zh_CN.UTF-8")])),
        Language::Zh
    );
    assert_eq!(
        message_language(None, env(&[("LANG", "en_GB.UTF-8")])),
        Language::En
    );
    assert_eq!(
        message_language(
            None,
            env(&[("LANG", "en_US.UTF-8"), ("SNAPSHOT_LANG", "zh")])
        ),
        Language::Zh
    );
    assert_eq!(
        message_language(Some("en"), env(&[("SNAPSHOT_LANG", "zh")])),
        Language::En
    );
    let cli = Cli::try_parse_from(["snapshot", "check", "--lang", "zh", "a.json"]).expect("parses");
    assert_eq!(cli.lang.as_deref(), Some("zh"));
    assert!(Cli::try_parse_from(["snapshot", "check", "--lang", "fr", "a.json"]).is_err());
}

#[test]
fn snapshot_check_names_each_editing_mistake_in_both_languages() {
    use fuguanzhuang_viewer::authoring::cli::check_report;
    use fuguanzhuang_viewer::core::Language::{En, Zh};
    let snapshot = include_str!("../data/snapshot.json");
    let mut value: serde_json::Value = serde_json::from_str(snapshot).expect("JSON");
    let dir = std::env::temp_dir().join(format!("fuguanzhuang-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let write = |name: &str, bytes: Vec<u8>| {
        let path = dir.join(name);
        std::fs::write(&path, bytes).expect("write");
        path
    };
    let bom = write(
        "bom.json",
        [b"\xEF\xBB\xBF".as_slice(), snapshot.as_bytes()].concat(),
    );
    let utf16 = write(
        "utf16.json",
        [0xFF_u8, 0xFE]
            .into_iter()
            .chain(snapshot.encode_utf16().flat_map(u16::to_le_bytes))
            .collect(),
    );
    let gbk = write("gbk.json", encoding_rs::GBK.encode(snapshot).0.into_owned());
    let mut empty = value.clone();
    empty["indicators"] = serde_json::json!([]);
    empty["sections"] = serde_json::json!([]);
    let empty = write("empty.json", serde_json::to_vec(&empty).expect("JSON"));
    let villages = value["indicators"]
        .as_array()
        .expect("list")
        .iter()
        .position(|i| i["id"] == "admin_villages")
        .expect("admin_villages");
    value["indicators"][villages]["part_of"] = serde_json::json!("one_shoulder_villages");
    let cycle = write("cycle.json", serde_json::to_vec(&value).expect("JSON"));
    // A figure typed differently from its quote, and a qualifier the quote's words contradict:
    // valid, so the check passes, but both are named at their JSON paths.
    let mut unquoted: serde_json::Value = serde_json::from_str(snapshot).expect("JSON");
    let position = |id: &str| {
        unquoted["indicators"]
            .as_array()
            .expect("list")
            .iter()
            .position(|i| i["id"] == id)
            .expect(id)
    };
    let (trees, machines) = (position("trees_planted"), position("machines_deployed"));
    unquoted["indicators"][trees]["value"] = serde_json::json!(14000);
    unquoted["indicators"][machines]["qualifier"] = serde_json::json!("exact");
    let unquoted = write(
        "unquoted.json",
        serde_json::to_vec(&unquoted).expect("JSON"),
    );

    let (ok, lines) = check_report(&bom, Zh);
    assert!(ok, "{lines:?}");
    assert!(lines[0].contains("通过"), "{lines:?}");
    let (ok, lines) = check_report(&bom, En);
    assert!(ok && lines[0].contains("ok — "), "{lines:?}");
    for (path, zh, en) in [
        (&utf16, "UTF-16 编码", "saved as UTF-16"),
        (&gbk, "GBK", "looks like GBK"),
        (&empty, "报告为空", "the report is empty"),
        (&cycle, "part_of 形成循环", "part_of goes round in a cycle"),
    ] {
        let (ok, lines) = check_report(path, Zh);
        assert!(!ok);
        assert!(lines.join("\n").contains(zh), "{lines:?}");
        let (ok, lines) = check_report(path, En);
        assert!(!ok);
        assert!(lines.join("\n").contains(en), "{lines:?}");
    }
    let (ok, lines) = check_report(&unquoted, Zh);
    assert!(ok, "{lines:?}");
    assert_eq!(lines.len(), 4, "{lines:?}");
    assert!(lines[1].contains("2 处请核对"), "{lines:?}");
    assert!(
        lines[2].contains(&format!(
            "indicators[{machines}].qualifier：限定为“确数”，但原文“10余”表示“至少”"
        )),
        "{lines:?}"
    );
    assert!(
        lines[3].contains(&format!(
            "indicators[{trees}].value：数值 1.4万 在原文“种植观赏树木1.3万棵”中找不到（原文中的数字：1.3万）"
        )),
        "{lines:?}"
    );
    let (_, lines) = check_report(&unquoted, En);
    assert!(lines[1].contains("2 to check"), "{lines:?}");
    assert!(
        lines
            .iter()
            .any(|line| line.contains("the quote's “10余” says “at least”")),
        "{lines:?}"
    );
    // The change list from the published snapshot: exactly the two edits.
    use fuguanzhuang_viewer::authoring::cli::diff_report;
    let published = write("published.json", snapshot.as_bytes().to_vec());
    let lines = diff_report(&published, &unquoted, Zh).expect("both valid");
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert!(lines[0].ends_with("2 处变更"), "{lines:?}");
    assert!(
        lines[1].contains("修改　指标“出动大型机械”的数值：至少10辆 → 10辆"),
        "{lines:?}"
    );
    assert!(
        lines[2].contains("修改　指标“种植观赏树木”的数值：1.3万棵 → 1.4万棵"),
        "{lines:?}"
    );
    let lines = diff_report(&published, &unquoted, En).expect("both valid");
    assert!(lines[0].ends_with(": 2"), "{lines:?}");
    let refused = diff_report(&published, &cycle, Zh).expect_err("an invalid new snapshot");
    assert!(
        refused.join("\n").contains("part_of 形成循环"),
        "{refused:?}"
    );
    // JSON paths stay as they are in either language.
    let (_, lines) = check_report(&cycle, Zh);
    assert!(
        lines
            .iter()
            .any(|line| line.contains(&format!("indicators[{villages}].part_of："))),
        "{lines:?}"
    );
    std::fs::remove_dir_all(&dir).expect("clean up");
}

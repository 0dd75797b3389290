//! Where a snapshot may be loaded from.
//!
//! One build can serve several townships with `?data=path/to/other.json`. A shared link must
//! never make the portal's address show someone else's JSON, so only same-origin relative paths
//! to a `.json` file are accepted; anything else is refused with the reason.

use crate::core::wording::Worded;

/// The query parameter that names another snapshot.
pub const DATA_PARAM: &str = "data";

/// `?data=editor-draft`: the editor page's preview. The report shows the draft the editor keeps
/// in this browser's storage (under [`EDITOR_DRAFT_STORAGE_KEY`]), marked as a preview, and
/// follows it as it changes. Nothing is fetched; a link with it shows only the opener's own
/// draft, in their own browser.
pub const EDITOR_DRAFT: &str = "editor-draft";

/// Where the editor page keeps its draft (`localStorage`).
pub const EDITOR_DRAFT_STORAGE_KEY: &str = "fuguanzhuang-editor:draft";

/// Checks a snapshot location taken from the page URL. Returns the path to fetch (relative to
/// the page), or why it is refused.
pub fn snapshot_path_from_param(param: &str) -> Result<String, Worded> {
    let path = param.trim();
    if path.is_empty() {
        return Err(Worded::new("data 参数为空", "the data parameter is empty"));
    }
    if path.len() > 200 {
        return Err(Worded::new(
            "data 参数超过 200 个字符",
            "the data parameter is longer than 200 characters",
        ));
    }
    if path.starts_with('/') || path.starts_with('\\') {
        return Err(Worded::new(
            format!("不允许 {path:?}：请给出相对于本页的路径（绝对路径和其他网站一律拒绝）"),
            format!("{path:?} is not allowed: give a path relative to this page (absolute paths and other hosts are refused)"),
        ));
    }
    if path.contains(':') {
        return Err(Worded::new(
            format!("不允许 {path:?}：数据只从本网站加载，不从其他地址加载"),
            format!("{path:?} is not allowed: snapshots load only from this site, never from another address"),
        ));
    }
    if path
        .split('/')
        .any(|segment| segment == ".." || segment == ".")
    {
        return Err(Worded::new(
            format!("不允许 {path:?}：路径中不能有“.”和“..”"),
            format!("{path:?} is not allowed: '.' and '..' segments are refused"),
        ));
    }
    let allowed = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '/');
    if let Some(bad) = path.chars().find(|&c| !allowed(c)) {
        return Err(Worded::new(
            format!("不允许 {path:?}：数据路径中不能出现字符 {bad:?}"),
            format!(
                "{path:?} is not allowed: the character {bad:?} may not appear in a snapshot path"
            ),
        ));
    }
    if path.contains("//") {
        return Err(Worded::new(
            format!("不允许 {path:?}：路径中不能有空的层级"),
            format!("{path:?} is not allowed: empty path segments are refused"),
        ));
    }
    if !path.ends_with(".json") {
        return Err(Worded::new(
            format!("不允许 {path:?}：数据路径必须以 .json 结尾"),
            format!("{path:?} is not allowed: a snapshot path must end in .json"),
        ));
    }
    Ok(path.to_owned())
}

/// The value of `name` in a URL query string (with or without the leading `?`), percent- and
/// plus-decoded. The first occurrence wins. Invalid UTF-8 after decoding gives `None`.
pub fn query_param(query: &str, name: &str) -> Option<String> {
    let query = query.strip_prefix('?').unwrap_or(query);
    query.split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        (percent_decode(key)? == name).then(|| percent_decode(value))?
    })
}

/// Decodes `%XX` escapes and `+` (as a space). Malformed escapes are kept as written.
pub fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        match bytes[index] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = bytes.get(index + 1..index + 3).and_then(|pair| {
                    let high = (pair[0] as char).to_digit(16)?;
                    let low = (pair[1] as char).to_digit(16)?;
                    Some((high * 16 + low) as u8)
                });
                match hex {
                    Some(byte) => {
                        out.push(byte);
                        index += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            byte => out.push(byte),
        }
        index += 1;
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_json_paths_are_accepted() {
        assert_eq!(
            snapshot_path_from_param("data/other-town.json"),
            Ok("data/other-town.json".into())
        );
        assert_eq!(snapshot_path_from_param(" x.json "), Ok("x.json".into()));
    }

    #[test]
    fn other_hosts_and_tricks_are_refused() {
        for hostile in [
            "https://evil.example/fake.json",
            "//evil.example/fake.json",
            "/\\evil.example/fake.json",
            "\\\\evil.example\\fake.json",
            "javascript:alert(1)//.json",
            "data:application/json,{}.json",
            "../../etc/passwd.json",
            "data/./x.json",
            "data//x.json",
            "data/snapshot.json?x=1",
            "data/snapshot.json#x",
            "data/<script>.json",
            "data/snapshot.txt",
            "",
            "   ",
        ] {
            assert!(
                snapshot_path_from_param(hostile).is_err(),
                "{hostile:?} should be refused"
            );
        }
        let long = format!("{}.json", "a".repeat(300));
        assert!(snapshot_path_from_param(&long).is_err());
    }

    #[test]
    fn refusals_say_why() {
        let refusal = snapshot_path_from_param("https://evil.example/x.json").unwrap_err();
        assert!(refusal.en.contains("only from this site"), "{refusal:?}");
        assert!(refusal.zh.contains("只从本网站加载"), "{refusal:?}");
    }

    #[test]
    fn query_params_are_decoded() {
        assert_eq!(
            query_param("?tab=map&data=data%2Fother.json", "data"),
            Some("data/other.json".into())
        );
        assert_eq!(query_param("a=1&a=2", "a"), Some("1".into()));
        assert_eq!(query_param("q=a+b%20c", "q"), Some("a b c".into()));
        assert_eq!(query_param("flag", "flag"), Some(String::new()));
        assert_eq!(query_param("x=1", "data"), None);
        assert_eq!(query_param("", "data"), None);
        assert_eq!(
            query_param("v=%E5%9E%9B%E5%BA%84", "v"),
            Some("垛庄".into())
        );
    }

    #[test]
    fn malformed_escapes_do_not_panic() {
        assert_eq!(percent_decode("100%"), Some("100%".into()));
        assert_eq!(percent_decode("%zz%4"), Some("%zz%4".into()));
        assert_eq!(percent_decode("%ff"), None);
        assert_eq!(percent_decode("%E5%9E"), None);
    }
}

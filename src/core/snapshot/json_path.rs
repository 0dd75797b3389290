//! Where in a JSON document a byte offset is, as a path such as `indicators[3].value`.
//!
//! The JSON reader reports a type error by its place in the text; for people editing a
//! snapshot the path is what helps. Scanning the text up to the error's position and keeping
//! the stack of open objects (with their current key) and lists (with their current index)
//! gives it without tracking paths during every deserialisation.

/// One open container while scanning.
enum Frame {
    /// An object and the key whose value is being read (None before the first key, and
    /// between a comma and the next key).
    Object(Option<String>),
    /// A list and the index of the item being read.
    List(usize),
}

pub use crate::core::snapshot::json_text::MAX_NESTING;

/// Where `text` first nests deeper than [`MAX_NESTING`] (1-based line and column, counted as
/// the JSON reader does), if it does. Strings are skipped; the text need not be valid JSON.
pub fn too_deep_at(text: &str) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let (mut depth, mut index) = (0usize, 0usize);
    while index < bytes.len() {
        match bytes[index] {
            b'{' | b'[' => {
                depth += 1;
                if depth > MAX_NESTING {
                    let line_start = text[..index].rfind('\n').map_or(0, |newline| newline + 1);
                    let line = text[..index].matches('\n').count() + 1;
                    return Some((line, index - line_start + 1));
                }
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            b'"' => {
                index += 1;
                while index < bytes.len() && bytes[index] != b'"' {
                    index += if bytes[index] == b'\\' { 2 } else { 1 };
                }
            }
            _ => {}
        }
        index += 1;
    }
    None
}

/// The path of the innermost value that contains (or ends at) `offset` in `text`, in the
/// style `a.b[2].c`; empty for the document itself. Assumes the text is JSON up to `offset`.
pub fn json_path_at_offset(text: &str, offset: usize) -> String {
    let bytes = text.as_bytes();
    let end = offset.min(bytes.len());
    let mut stack: Vec<Frame> = Vec::new();
    let mut index = 0;
    // After a string in an object that is still waiting for its key, the string is the key.
    while index < end {
        match bytes[index] {
            b'{' => stack.push(Frame::Object(None)),
            b'[' => stack.push(Frame::List(0)),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object(key)) => *key = None,
                Some(Frame::List(item)) => *item += 1,
                None => {}
            },
            b'"' => {
                let start = index + 1;
                index = start;
                while index < bytes.len() && bytes[index] != b'"' {
                    index += if bytes[index] == b'\\' { 2 } else { 1 };
                }
                if let Some(Frame::Object(key @ None)) = stack.last_mut() {
                    let raw = &text[start..index.min(text.len())];
                    *key = Some(
                        crate::core::snapshot::json_text::from_str::<String>(&format!("\"{raw}\""))
                            .unwrap_or_else(|_| raw.to_owned()),
                    );
                }
            }
            _ => {}
        }
        index += 1;
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object(Some(key)) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Object(None) => {}
            Frame::List(item) => {
                path.push('[');
                path.push_str(&item.to_string());
                path.push(']');
            }
        }
    }
    path
}

/// Deserialises `T` from JSON text; on failure returns the path inside it where the problem
/// is and the reader's message. The typed readers are the same code as the snapshot's fast
/// path (one copy in the wasm), and the text reader tells where it stopped.
pub fn deserialize_text_with_path<T: serde::de::DeserializeOwned>(
    text: &str,
) -> Result<T, (String, String)> {
    crate::core::snapshot::json_text::from_str::<T>(text)
        .map_err(|error| (json_path_at_offset(text, error.offset), error.reason))
}

/// [`deserialize_text_with_path`] for a JSON value already read (the snapshot tool's
/// boundary files).
pub fn deserialize_with_path<T: serde::de::DeserializeOwned>(
    value: &serde_json::Value,
) -> Result<T, (String, String)> {
    deserialize_text_with_path(&value.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path_of_first_error<T: serde::de::DeserializeOwned + std::fmt::Debug>(text: &str) -> String {
        deserialize_text_with_path::<T>(text)
            .expect_err("should fail")
            .0
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Inner {
        value: f64,
        #[serde(default)]
        tags: Vec<String>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Outer {
        name: String,
        items: Vec<Inner>,
    }

    #[test]
    fn paths_name_the_field_and_index() {
        assert_eq!(
            path_of_first_error::<Outer>(r#"{"name":"a","items":[{"value":1},{"value":"x"}]}"#),
            "items[1].value"
        );
        assert_eq!(
            path_of_first_error::<Outer>(r#"{"name":"a","items":[{"value":1,"tags":["t",3]}]}"#),
            "items[0].tags[1]"
        );
        assert_eq!(
            path_of_first_error::<Outer>(r#"{"name":"a","items":[{"value":1,"vaule":2}]}"#),
            "items[0].vaule",
            "an unknown field is named"
        );
        assert_eq!(
            path_of_first_error::<Outer>(r#"{"name":"a","items":[{"tags":[]}]}"#),
            "items[0]",
            "a missing field is reported at its object"
        );
        assert_eq!(
            path_of_first_error::<Outer>(r#"{"name":5,"items":[]}"#),
            "name"
        );
        assert_eq!(path_of_first_error::<Outer>("5"), "");
    }

    #[test]
    fn keys_with_escapes_and_brackets_in_strings_do_not_confuse_the_scan() {
        let text = r#"{"a\"]{":[1,"],}[",{"k":true}]}"#;
        let offset = text.find("true").expect("present") + 2;
        assert_eq!(json_path_at_offset(text, offset), "a\"]{[2].k");
    }

    #[test]
    fn nesting_deeper_than_the_limit_is_found_where_it_starts() {
        let deep = format!(
            "{}{}",
            "[".repeat(MAX_NESTING + 1),
            "]".repeat(MAX_NESTING + 1)
        );
        assert_eq!(too_deep_at(&deep), Some((1, MAX_NESTING + 1)));
        let at_limit = format!("{}{}", "[".repeat(MAX_NESTING), "]".repeat(MAX_NESTING));
        assert_eq!(too_deep_at(&at_limit), None);
        // Brackets in strings do not count; siblings do not add up.
        let in_strings = format!("[\"{}\", {}]", "[".repeat(500), "[[]],".repeat(200) + "[]");
        assert_eq!(too_deep_at(&in_strings), None);
        let second_line = format!("{{\n  \"a\": {}", "[".repeat(MAX_NESTING));
        assert_eq!(too_deep_at(&second_line), Some((2, 8 + MAX_NESTING - 1)));
    }

    #[test]
    fn the_readers_place_becomes_a_path() {
        let text = "{\n  \"a\": [\n    1,\n    x";
        let error = crate::core::snapshot::json_text::from_str::<serde::de::IgnoredAny>(text)
            .expect_err("not JSON");
        assert_eq!((error.line, error.column), (4, 5));
        assert_eq!(&text[error.offset - 1..error.offset], "x");
        assert_eq!(json_path_at_offset(text, error.offset), "a[1]");
    }
}

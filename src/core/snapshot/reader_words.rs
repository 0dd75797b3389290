//! The JSON reader's messages in Chinese. serde and serde_json word their errors in English
//! only ("missing field `unit`", "invalid type: string \"x\", expected f64", "EOF while
//! parsing a value"); township staff read Chinese, so each known phrase is put into Chinese
//! here, keeping the names, values and JSON paths as they are. A message not recognised is
//! kept in English after a Chinese lead-in, never dropped.

/// The Chinese of one of the JSON reader's English messages.
pub fn zh_from_reader_message(en: &str) -> String {
    if let Some(rest) = en.strip_prefix("not valid JSON at line ") {
        // "not valid JSON at line L, column C: reason"
        if let Some((position, reason)) = rest.split_once(": ") {
            if let Some((line, column)) = position.split_once(", column ") {
                return format!(
                    "不是有效的 JSON（第 {line} 行，第 {column} 列）：{}",
                    zh_from_reader_message(reason)
                );
            }
        }
    }
    if let Some(rest) = en.strip_prefix("missing field ") {
        return format!("缺少字段 {rest}");
    }
    if let Some(rest) = en.strip_prefix("duplicate field ") {
        return format!("字段 {rest} 重复");
    }
    if let Some(rest) = en.strip_prefix("unknown field ") {
        return match rest.split_once(", expected ") {
            Some((field, expected)) => format!("未知字段 {field}，应为 {}", zh_expected(expected)),
            None => format!("未知字段 {rest}"),
        };
    }
    if let Some(rest) = en.strip_prefix("unknown variant ") {
        return match rest.split_once(", expected ") {
            Some((value, expected)) => format!("未知取值 {value}，应为 {}", zh_expected(expected)),
            None => format!("未知取值 {rest}"),
        };
    }
    for (prefix, zh) in [
        ("invalid type: ", "类型不对"),
        ("invalid value: ", "取值不对"),
        ("invalid length ", "长度不对"),
    ] {
        if let Some(rest) = en.strip_prefix(prefix) {
            return match rest.split_once(", expected ") {
                Some((got, expected)) => format!(
                    "{zh}：实际为 {}，应为 {}",
                    zh_kind(got),
                    zh_expected(expected)
                ),
                None => format!("{zh}：{rest}"),
            };
        }
    }
    if let Some((name, rest)) = en
        .strip_prefix('`')
        .and_then(|rest| rest.split_once("` is not a field of a "))
    {
        // Our own block reader: "`x` is not a field of a chart block, expected `type`, …"
        if let Some((kind, expected)) = rest.split_once(" block, expected ") {
            return format!("`{name}` 不是 {kind} 块的字段，应为 {expected}");
        }
    }
    if let Some(rest) = en.strip_prefix("recursion limit exceeded") {
        return format!("嵌套层数超出上限{}", zh_nesting(rest));
    }
    let known = [
        (
            "EOF while parsing a value",
            "内容在此处意外结束（文件不完整）",
        ),
        ("EOF while parsing a list", "列表没有结束（文件不完整）"),
        ("EOF while parsing an object", "对象没有结束（文件不完整）"),
        ("EOF while parsing a string", "字符串没有结束（文件不完整）"),
        ("expected value", "此处应为一个值"),
        ("expected `,` or `]`", "此处应为 `,` 或 `]`"),
        ("expected `,` or `}`", "此处应为 `,` 或 `}`"),
        ("expected `:`", "此处应为 `:`"),
        ("expected ident", "此处应为 true、false 或 null"),
        ("trailing characters", "JSON 结束后还有多余的字符"),
        ("trailing comma", "多余的逗号"),
        ("key must be a string", "键必须是字符串"),
        ("number out of range", "数字超出范围"),
        ("invalid number", "无效的数字"),
        ("invalid escape", "无效的转义符"),
        ("invalid unicode code point", "无效的 Unicode 码位"),
        (
            "lone leading surrogate in hex escape",
            "转义中有不成对的代理项",
        ),
        (
            "control character (\\u0000-\\u001F) found while parsing a string",
            "字符串中含有控制字符（\\u0000-\\u001F）",
        ),
        ("missing required field", "缺少必需的字段"),
    ];
    if let Some((_, zh)) = known.iter().find(|(phrase, _)| *phrase == en) {
        return (*zh).to_owned();
    }
    format!("数据格式有误（读取器原文）：{en}")
}

/// "one of `a`, `b`" / "`a`" / "f64" in Chinese.
fn zh_expected(expected: &str) -> String {
    match expected.strip_prefix("one of ") {
        Some(list) => format!("以下之一：{list}"),
        None => zh_kind(expected),
    }
}

/// A kind of value as serde names it ("string \"x\"", "a sequence", "f64"), in Chinese.
fn zh_kind(kind: &str) -> String {
    let words = [
        ("string ", "字符串 "),
        ("integer ", "整数 "),
        ("floating point ", "小数 "),
        ("boolean ", "布尔值 "),
        ("a string", "字符串"),
        ("a sequence", "列表"),
        ("a map", "对象"),
        ("a boolean", "布尔值"),
        ("sequence", "列表"),
        ("map", "对象"),
        ("unit value", "null"),
        ("null", "null"),
        ("f64", "数字"),
        ("f32", "数字"),
        ("u8", "非负整数"),
        ("u16", "非负整数"),
        ("u32", "非负整数"),
        ("u64", "非负整数"),
        ("usize", "非负整数"),
        ("i64", "整数"),
        ("i32", "整数"),
    ];
    for (en, zh) in words {
        if kind == en.trim_end() {
            return zh.trim_end().to_owned();
        }
        if let Some(rest) = kind.strip_prefix(en).filter(|_| en.ends_with(' ')) {
            return format!("{zh}{rest}");
        }
    }
    if let Some(name) = kind.strip_prefix("struct ") {
        return format!("对象（{name}）");
    }
    kind.to_owned()
}

/// " (nested more than 128 levels)" in Chinese.
fn zh_nesting(rest: &str) -> String {
    match rest
        .strip_prefix(" (nested more than ")
        .and_then(|rest| rest.strip_suffix(" levels)"))
    {
        Some(levels) => format!("（嵌套超过 {levels} 层）"),
        None => rest.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::zh_from_reader_message as zh;

    #[test]
    fn the_readers_phrases_are_put_into_chinese_keeping_names_and_values() {
        assert_eq!(zh("missing field `unit`"), "缺少字段 `unit`");
        assert_eq!(
            zh("invalid type: string \"x\", expected f64"),
            "类型不对：实际为 字符串 \"x\"，应为 数字"
        );
        assert_eq!(
            zh("unknown variant `sometimes`, expected one of `exact`, `at_least`"),
            "未知取值 `sometimes`，应为 以下之一：`exact`, `at_least`"
        );
        assert_eq!(
            zh("not valid JSON at line 1, column 7: EOF while parsing a value"),
            "不是有效的 JSON（第 1 行，第 7 列）：内容在此处意外结束（文件不完整）"
        );
        assert_eq!(
            zh("not valid JSON at line 3, column 9: recursion limit exceeded (nested more than 128 levels)"),
            "不是有效的 JSON（第 3 行，第 9 列）：嵌套层数超出上限（嵌套超过 128 层）"
        );
        assert_eq!(
            zh("invalid type: map, expected a sequence"),
            "类型不对：实际为 对象，应为 列表"
        );
    }

    #[test]
    fn an_unknown_phrase_is_kept_in_english_after_a_chinese_lead_in() {
        let said = zh("something new from serde");
        assert!(said.starts_with("数据格式有误"), "{said}");
        assert!(said.ends_with("something new from serde"), "{said}");
    }
}

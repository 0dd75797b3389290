//! Text files from township staff: UTF-8 (with or without BOM) or GBK/GB18030, which Chinese
//! Excel writes by default. Detected, or forced with `--encoding`.

use super::Worded;
/// Which encoding to read with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EncodingChoice {
    Auto,
    Utf8,
    Gbk,
}

impl std::str::FromStr for EncodingChoice {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        match text.to_ascii_lowercase().as_str() {
            "auto" => Ok(Self::Auto),
            "utf-8" | "utf8" => Ok(Self::Utf8),
            "gbk" | "gb18030" | "gb2312" => Ok(Self::Gbk),
            _ => Err(format!("{text:?} is not one of: auto, utf-8, gbk")),
        }
    }
}

/// Decoded text and the encoding it was read as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
}

/// Lines (1-based) that are valid UTF-8 with non-ASCII characters, and lines that are not valid
/// UTF-8 at all.
fn classify_lines(bytes: &[u8]) -> (Vec<usize>, Vec<usize>) {
    let mut utf8_lines = Vec::new();
    let mut other_lines = Vec::new();
    for (index, line) in bytes.split(|&b| b == b'\n').enumerate() {
        if line.is_ascii() {
            continue;
        }
        match std::str::from_utf8(line) {
            Ok(_) => utf8_lines.push(index + 1),
            Err(_) => other_lines.push(index + 1),
        }
    }
    (utf8_lines, other_lines)
}

/// Decodes `bytes` (a file called `name`) as UTF-8 or GBK. Errors name the file and line.
pub fn decode(name: &str, bytes: &[u8], choice: EncodingChoice) -> Result<Decoded, Worded> {
    let without_bom = bytes.strip_prefix(b"\xEF\xBB\xBF");
    let utf8 = |bytes: &[u8]| -> Result<Decoded, Worded> {
        std::str::from_utf8(bytes)
            .map(|text| Decoded { text: text.to_owned(), encoding: "UTF-8" })
            .map_err(|error| {
                let line = bytes[..error.valid_up_to()].iter().filter(|&&b| b == b'\n').count() + 1;
                Worded::new(
                    format!("{name}:{line}: 不是 UTF-8（第 {} 字节无效）；请另存为 UTF-8，或加上 --encoding gbk", error.valid_up_to()),
                    format!("{name}:{line}: not UTF-8 (invalid byte at offset {}); save as UTF-8 or pass --encoding gbk", error.valid_up_to()),
                )
            })
    };
    let gbk = |bytes: &[u8]| -> Result<Decoded, Worded> {
        let (text, _, had_errors) = encoding_rs::GB18030.decode(bytes);
        if had_errors {
            let (_, other) = classify_lines(bytes);
            let line = other.first().copied().unwrap_or(1);
            return Err(Worded::new(
                format!("{name}:{line}: 既不是 UTF-8 也不是 GBK/GB18030 文本"),
                format!("{name}:{line}: neither UTF-8 nor GBK/GB18030 text"),
            ));
        }
        Ok(Decoded {
            text: text.into_owned(),
            encoding: "GB18030",
        })
    };
    match choice {
        EncodingChoice::Utf8 => utf8(without_bom.unwrap_or(bytes)),
        EncodingChoice::Gbk => gbk(bytes),
        EncodingChoice::Auto => {
            if let Some(rest) = without_bom {
                return utf8(rest);
            }
            if std::str::from_utf8(bytes).is_ok() {
                return utf8(bytes);
            }
            // Not UTF-8 as a whole: if some lines are UTF-8 Chinese and others are not, the
            // file mixes encodings (a copy-paste between tools), which no reading can fix.
            let (utf8_lines, other_lines) = classify_lines(bytes);
            if let (Some(good), Some(bad)) = (utf8_lines.first(), other_lines.first()) {
                return Err(Worded::new(
                    format!("{name}: 编码混用：第 {good} 行是 UTF-8，第 {bad} 行不是；请把整个文件存为同一种编码"),
                    format!("{name}: mixed encodings: line {good} is UTF-8 but line {bad} is not; save the whole file in one encoding"),
                ));
            }
            gbk(bytes)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gbk_bytes(text: &str) -> Vec<u8> {
        encoding_rs::GBK.encode(text).0.into_owned()
    }

    #[test]
    fn reads_utf8_with_and_without_bom() {
        let plain = decode("a.csv", "id,名称\n".as_bytes(), EncodingChoice::Auto).expect("utf-8");
        assert_eq!(plain.text, "id,名称\n");
        let bom = decode(
            "a.csv",
            "\u{feff}id,名称\n".as_bytes(),
            EncodingChoice::Auto,
        )
        .expect("bom");
        assert_eq!(bom.text, "id,名称\n");
        assert_eq!(bom.encoding, "UTF-8");
    }

    #[test]
    fn detects_gbk() {
        let decoded = decode(
            "a.csv",
            &gbk_bytes("id,名称\nx,垛庄村\n"),
            EncodingChoice::Auto,
        )
        .expect("gbk");
        assert_eq!(decoded.text, "id,名称\nx,垛庄村\n");
        assert_eq!(decoded.encoding, "GB18030");
        let forced = decode("a.csv", &gbk_bytes("垛庄村"), EncodingChoice::Gbk).expect("gbk");
        assert_eq!(forced.text, "垛庄村");
    }

    #[test]
    fn mixed_encodings_name_the_lines() {
        let mut bytes = "id,名称\n".as_bytes().to_vec();
        bytes.extend(gbk_bytes("x,垛庄村\n"));
        let error = decode("a.csv", &bytes, EncodingChoice::Auto).expect_err("mixed");
        assert!(
            error
                .en
                .contains("mixed encodings: line 1 is UTF-8 but line 2 is not"),
            "{error:?}"
        );
        assert!(
            error.zh.contains("编码混用：第 1 行是 UTF-8，第 2 行不是"),
            "{error:?}"
        );
        let error =
            decode("a.csv", &gbk_bytes("垛庄村"), EncodingChoice::Utf8).expect_err("not utf-8");
        assert!(error.en.starts_with("a.csv:1: not UTF-8"), "{error:?}");
        assert!(error.zh.starts_with("a.csv:1: 不是 UTF-8"), "{error:?}");
    }
}

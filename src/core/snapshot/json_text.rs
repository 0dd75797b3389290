//! The JSON reader: serde's `Deserializer` over JSON text, for snapshots and outlines.
//!
//! serde_json's reader is written for speed: each of its methods is inlined into every type it
//! reads, which made reading a snapshot about a tenth of the wasm (issue 19, BENCHMARKS.md).
//! This one does the byte-level work once, in plain functions (a value's start, a string, a
//! number, skipping a value), and leaves only a small dispatch to each type. It behaves as
//! serde_json does where people see it: the same messages (so `reader_words` puts them into
//! Chinese), errors at the same places (so `json_path` names the same paths), the same
//! numbers (integers as integers, floats correctly rounded), nesting limited to 128 levels.
//! One difference: a struct is read only from an object (serde_json also takes a list of its
//! fields' values). `tests/json_text.rs` and the `json_text` fuzz target read valid and broken
//! text with both and compare.
//!
//! [`Raw`] borrows a value's text without reading it (serde_json's `RawValue`), for reading a
//! snapshot part by part.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeSeed, Unexpected, Visitor};
use serde::Deserialize;

/// How deep JSON may nest (serde_json's limit too): deeper text is refused where it starts,
/// and reading never runs out of stack.
pub const MAX_NESTING: usize = 128;

/// A JSON reading error: serde_json's message, and where (byte offset, 1-based line, and
/// column counted in bytes as serde_json counts them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    pub reason: String,
    pub offset: usize,
    pub line: usize,
    pub column: usize,
}

impl fmt::Display for ReadError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            formatter,
            "{} at line {} column {}",
            self.reason, self.line, self.column
        )
    }
}

/// Reads a `T` from the whole of `text` (whitespace around it allowed).
pub fn from_str<'de, T: Deserialize<'de>>(text: &'de str) -> Result<T, ReadError> {
    let mut reader = Reader::new(text);
    let read = T::deserialize(&mut reader).and_then(|value| match reader.whitespace() {
        Some(_) => Err(reader.peek_error(Code::TrailingCharacters)),
        None => Ok(value),
    });
    read.map_err(|error| read_error_from(text, error))
}

/// The text of one JSON value, checked but not read (serde_json's `RawValue`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Raw<'de>(pub &'de str);

impl<'de> Raw<'de> {
    pub fn get(&self) -> &'de str {
        self.0
    }
}

/// The newtype name by which [`Raw`] asks the reader for a value's text.
const RAW_NAME: &str = "\u{0}json_text::Raw";

impl<'de> Deserialize<'de> for Raw<'de> {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct RawVisitor;
        impl<'de> Visitor<'de> for RawVisitor {
            type Value = Raw<'de>;
            fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
                formatter.write_str("any valid JSON value")
            }
            fn visit_borrowed_str<E: de::Error>(self, text: &'de str) -> Result<Raw<'de>, E> {
                Ok(Raw(text))
            }
        }
        deserializer.deserialize_newtype_struct(RAW_NAME, RawVisitor)
    }
}

fn read_error_from(text: &str, error: Error) -> ReadError {
    let error = *error.0;
    let offset = error.at.unwrap_or(0).min(text.len());
    let before = &text.as_bytes()[..offset];
    let line_start = before
        .iter()
        .rposition(|&byte| byte == b'\n')
        .map_or(0, |newline| newline + 1);
    ReadError {
        reason: error.reason,
        offset,
        line: 1 + before[..line_start]
            .iter()
            .filter(|&&byte| byte == b'\n')
            .count(),
        column: offset - line_start,
    }
}

/// What is wrong with the text, worded as serde_json words it.
#[derive(Clone, Copy)]
enum Code {
    EofWhileParsingList,
    EofWhileParsingObject,
    EofWhileParsingString,
    EofWhileParsingValue,
    ExpectedColon,
    ExpectedListCommaOrEnd,
    ExpectedObjectCommaOrEnd,
    ExpectedSomeIdent,
    ExpectedSomeValue,
    InvalidEscape,
    InvalidNumber,
    NumberOutOfRange,
    ControlCharacterWhileParsingString,
    KeyMustBeAString,
    LoneLeadingSurrogateInHexEscape,
    TrailingComma,
    TrailingCharacters,
    UnexpectedEndOfHexEscape,
    RecursionLimitExceeded,
}

impl Code {
    fn words(self) -> &'static str {
        match self {
            Code::EofWhileParsingList => "EOF while parsing a list",
            Code::EofWhileParsingObject => "EOF while parsing an object",
            Code::EofWhileParsingString => "EOF while parsing a string",
            Code::EofWhileParsingValue => "EOF while parsing a value",
            Code::ExpectedColon => "expected `:`",
            Code::ExpectedListCommaOrEnd => "expected `,` or `]`",
            Code::ExpectedObjectCommaOrEnd => "expected `,` or `}`",
            Code::ExpectedSomeIdent => "expected ident",
            Code::ExpectedSomeValue => "expected value",
            Code::InvalidEscape => "invalid escape",
            Code::InvalidNumber => "invalid number",
            Code::NumberOutOfRange => "number out of range",
            Code::ControlCharacterWhileParsingString => {
                "control character (\\u0000-\\u001F) found while parsing a string"
            }
            Code::KeyMustBeAString => "key must be a string",
            Code::LoneLeadingSurrogateInHexEscape => "lone leading surrogate in hex escape",
            Code::TrailingComma => "trailing comma",
            Code::TrailingCharacters => "trailing characters",
            Code::UnexpectedEndOfHexEscape => "unexpected end of hex escape",
            Code::RecursionLimitExceeded => "recursion limit exceeded",
        }
    }
}

/// The reader's error while reading: the message and, once known, the byte offset. Boxed, so
/// that every `Result` the types pass around stays one word (less code in each of them).
#[derive(Debug)]
pub struct Error(Box<ErrorDetail>);

#[derive(Debug)]
struct ErrorDetail {
    reason: String,
    at: Option<usize>,
}

impl Error {
    fn new(reason: String, at: Option<usize>) -> Self {
        Error(Box::new(ErrorDetail { reason, at }))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(&self.0.reason)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    #[cold]
    fn custom<T: fmt::Display>(message: T) -> Self {
        Error::new(message.to_string(), None)
    }

    #[cold]
    fn invalid_type(unexpected: Unexpected, expected: &dyn de::Expected) -> Self {
        Error::custom(format_args!(
            "invalid type: {}, expected {}",
            JsonUnexpected(unexpected),
            expected
        ))
    }

    #[cold]
    fn invalid_value(unexpected: Unexpected, expected: &dyn de::Expected) -> Self {
        Error::custom(format_args!(
            "invalid value: {}, expected {}",
            JsonUnexpected(unexpected),
            expected
        ))
    }
}

/// serde's wording of an unexpected value, with JSON's `null` for the unit value.
struct JsonUnexpected<'a>(Unexpected<'a>);

impl fmt::Display for JsonUnexpected<'_> {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Unexpected::Unit => formatter.write_str("null"),
            unexpected => fmt::Display::fmt(&unexpected, formatter),
        }
    }
}

/// A value's start: a scalar read whole, or the opening of a list or an object (not yet
/// consumed).
enum Start<'de> {
    Null,
    Bool(bool),
    Unsigned(u64),
    Signed(i64),
    Float(f64),
    Text(Cow<'de, str>),
    List,
    Object,
}

impl Start<'_> {
    fn unexpected(&self) -> Unexpected<'_> {
        match self {
            Start::Null => Unexpected::Unit,
            Start::Bool(value) => Unexpected::Bool(*value),
            Start::Unsigned(value) => Unexpected::Unsigned(*value),
            Start::Signed(value) => Unexpected::Signed(*value),
            Start::Float(value) => Unexpected::Float(*value),
            Start::Text(text) => Unexpected::Str(text),
            Start::List => Unexpected::Seq,
            Start::Object => Unexpected::Map,
        }
    }
}

/// The reader: JSON text and how far it has got.
pub struct Reader<'de> {
    text: &'de str,
    index: usize,
    depth_left: usize,
    /// Inside [`Reader::skip`]: serde_json checks skipped values a little less (an escaped
    /// surrogate's pair) and words a number cut short by the end differently.
    skipping: bool,
}

impl<'de> Reader<'de> {
    pub fn new(text: &'de str) -> Self {
        Reader {
            text,
            index: 0,
            depth_left: MAX_NESTING,
            skipping: false,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.index).copied()
    }

    /// Skips whitespace; the next byte, not consumed.
    fn whitespace(&mut self) -> Option<u8> {
        let rest = &self.text.as_bytes()[self.index..];
        let skipped = rest
            .iter()
            .position(|byte| !matches!(byte, b' ' | b'\n' | b'\t' | b'\r'))
            .unwrap_or(rest.len());
        self.index += skipped;
        rest.get(skipped).copied()
    }

    /// An error about the byte just consumed.
    #[cold]
    fn error(&self, code: Code) -> Error {
        Error::new(code.words().to_owned(), Some(self.index))
    }

    /// An error about the next byte (peeked, not consumed).
    #[cold]
    fn peek_error(&self, code: Code) -> Error {
        let at = (self.index + 1).min(self.text.len());
        Error::new(code.words().to_owned(), Some(at))
    }

    /// Gives an error raised by a type (no position yet) the reader's position.
    #[cold]
    fn fix(&self, mut error: Error) -> Error {
        error.0.at.get_or_insert(self.index);
        error
    }

    fn ident(&mut self, rest: &[u8]) -> Result<(), Error> {
        for &expected in rest {
            let Some(byte) = self.peek() else {
                return Err(self.error(Code::EofWhileParsingValue));
            };
            self.index += 1;
            if byte != expected {
                return Err(self.error(Code::ExpectedSomeIdent));
            }
        }
        Ok(())
    }

    /// The next value's start: scalars are read whole; a list or an object is left at its
    /// opening bracket.
    fn start(&mut self) -> Result<Start<'de>, Error> {
        let Some(byte) = self.whitespace() else {
            return Err(self.peek_error(Code::EofWhileParsingValue));
        };
        Ok(match byte {
            b'[' => Start::List,
            b'{' => Start::Object,
            b'n' => {
                self.index += 1;
                self.ident(b"ull")?;
                Start::Null
            }
            b't' => {
                self.index += 1;
                self.ident(b"rue")?;
                Start::Bool(true)
            }
            b'f' => {
                self.index += 1;
                self.ident(b"alse")?;
                Start::Bool(false)
            }
            b'-' => {
                self.index += 1;
                self.number(false)?
            }
            b'0'..=b'9' => self.number(true)?,
            b'"' => {
                self.index += 1;
                Start::Text(self.string()?)
            }
            _ => return Err(self.peek_error(Code::ExpectedSomeValue)),
        })
    }

    /// Consumes the digits at the reader; whether there was at least one.
    fn digits(&mut self) -> bool {
        let rest = &self.text.as_bytes()[self.index..];
        let count = rest
            .iter()
            .position(|byte| !byte.is_ascii_digit())
            .unwrap_or(rest.len());
        self.index += count;
        count > 0
    }

    /// A number, its sign already consumed: an integer as an integer when it fits (as serde_json
    /// reads it), anything else as a correctly rounded float.
    fn number(&mut self, positive: bool) -> Result<Start<'de>, Error> {
        let cut_short = if self.skipping {
            Code::InvalidNumber
        } else {
            Code::EofWhileParsingValue
        };
        let from = self.index;
        match self.peek() {
            None => return Err(self.error(cut_short)),
            Some(b'0') => {
                self.index += 1;
                if let Some(b'0'..=b'9') = self.peek() {
                    return Err(self.peek_error(Code::InvalidNumber));
                }
            }
            Some(b'1'..=b'9') => {
                self.digits();
            }
            Some(_) => {
                self.index += 1;
                return Err(self.error(Code::InvalidNumber));
            }
        }
        let mut integer = true;
        if self.peek() == Some(b'.') {
            self.index += 1;
            integer = false;
            if !self.digits() {
                return Err(self.peek_error(match self.peek() {
                    Some(_) => Code::InvalidNumber,
                    None => cut_short,
                }));
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            let nonzero = self.text.as_bytes()[from..self.index]
                .iter()
                .any(|byte| (b'1'..=b'9').contains(byte));
            self.index += 1;
            integer = false;
            let mut positive_exponent = true;
            if let Some(sign @ (b'+' | b'-')) = self.peek() {
                positive_exponent = sign == b'+';
                self.index += 1;
            }
            match self.peek() {
                None => return Err(self.error(cut_short)),
                Some(b'0'..=b'9') => {
                    // As serde_json: an exponent beyond i32 is out of range right there (if
                    // it makes the number infinite), else the number is zero.
                    let mut exponent = 0i32;
                    while let Some(digit @ b'0'..=b'9') = self.peek() {
                        self.index += 1;
                        match exponent
                            .checked_mul(10)
                            .and_then(|tens| tens.checked_add(i32::from(digit - b'0')))
                        {
                            Some(next) => exponent = next,
                            None if nonzero && positive_exponent && !self.skipping => {
                                return Err(self.error(Code::NumberOutOfRange))
                            }
                            None => {
                                self.digits();
                                break;
                            }
                        }
                    }
                }
                Some(_) => {
                    self.index += 1;
                    return Err(self.error(Code::InvalidNumber));
                }
            }
        }
        if self.skipping {
            // Checked, not read: a number out of range is the reading type's problem.
            return Ok(Start::Null);
        }
        let digits = &self.text[from..self.index];
        if integer {
            if let Ok(magnitude) = digits.parse::<u64>() {
                if positive {
                    return Ok(Start::Unsigned(magnitude));
                }
                // As serde_json: -0 and magnitudes beyond i64 are floats.
                let negative = (magnitude as i64).wrapping_neg();
                return Ok(if negative >= 0 {
                    Start::Float(-(magnitude as f64))
                } else {
                    Start::Signed(negative)
                });
            }
        }
        match digits.parse::<f64>() {
            Ok(value) if value.is_finite() => {
                Ok(Start::Float(if positive { value } else { -value }))
            }
            _ => Err(self.error(Code::NumberOutOfRange)),
        }
    }

    /// A string, its opening quote consumed: borrowed from the text unless it has escapes.
    fn string(&mut self) -> Result<Cow<'de, str>, Error> {
        let from = self.index;
        let rest = &self.text.as_bytes()[from..];
        self.index += rest
            .iter()
            .position(|&byte| byte == b'"' || byte == b'\\' || byte < 0x20)
            .unwrap_or(rest.len());
        loop {
            match self.peek() {
                None => return Err(self.error(Code::EofWhileParsingString)),
                Some(b'"') => {
                    self.index += 1;
                    return Ok(Cow::Borrowed(&self.text[from..self.index - 1]));
                }
                Some(b'\\') => break,
                Some(0..=0x1F) => return Err(self.control_character()),
                Some(_) => self.index += 1,
            }
        }
        let mut unescaped = String::from(&self.text[from..self.index]);
        loop {
            let run = self.index;
            while let Some(byte) = self.peek() {
                if byte == b'"' || byte == b'\\' || byte < 0x20 {
                    break;
                }
                self.index += 1;
            }
            unescaped.push_str(&self.text[run..self.index]);
            match self.peek() {
                None => return Err(self.error(Code::EofWhileParsingString)),
                Some(b'"') => {
                    self.index += 1;
                    return Ok(Cow::Owned(unescaped));
                }
                Some(b'\\') => {
                    self.index += 1;
                    self.escape(&mut unescaped)?;
                }
                Some(_) => return Err(self.control_character()),
            }
        }
    }

    /// A control character in a string (the reader is at it).
    #[cold]
    fn control_character(&mut self) -> Error {
        if !self.skipping {
            self.index += 1;
        }
        self.error(Code::ControlCharacterWhileParsingString)
    }

    /// One escape, its backslash consumed.
    fn escape(&mut self, out: &mut String) -> Result<(), Error> {
        let Some(byte) = self.peek() else {
            return Err(self.error(Code::EofWhileParsingString));
        };
        self.index += 1;
        out.push(match byte {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => return self.unicode_escape(out),
            _ => return Err(self.error(Code::InvalidEscape)),
        });
        Ok(())
    }

    fn hex_escape(&mut self) -> Result<u32, Error> {
        let Some(hex) = self.text.as_bytes().get(self.index..self.index + 4) else {
            self.index = self.text.len();
            return Err(self.error(Code::EofWhileParsingString));
        };
        self.index += 4;
        hex.iter()
            .try_fold(0u32, |value, &digit| {
                char::from(digit)
                    .to_digit(16)
                    .map(|digit| value * 16 + digit)
            })
            .ok_or_else(|| self.error(Code::InvalidEscape))
    }

    /// `\uXXXX`, `\u` consumed; a surrogate must be followed by its pair.
    fn unicode_escape(&mut self, out: &mut String) -> Result<(), Error> {
        let first = self.hex_escape()?;
        if self.skipping {
            return Ok(());
        }
        if (0xDC00..=0xDFFF).contains(&first) {
            return Err(self.error(Code::LoneLeadingSurrogateInHexEscape));
        }
        if !(0xD800..=0xDBFF).contains(&first) {
            out.extend(char::from_u32(first));
            return Ok(());
        }
        for expected in [b'\\', b'u'] {
            match self.peek() {
                None => return Err(self.error(Code::EofWhileParsingString)),
                Some(byte) => {
                    self.index += 1;
                    if byte != expected {
                        return Err(self.error(Code::UnexpectedEndOfHexEscape));
                    }
                }
            }
        }
        let second = self.hex_escape()?;
        if !(0xDC00..=0xDFFF).contains(&second) {
            return Err(self.error(Code::LoneLeadingSurrogateInHexEscape));
        }
        out.extend(char::from_u32(
            0x1_0000 + ((first - 0xD800) << 10) + (second - 0xDC00),
        ));
        Ok(())
    }

    /// Enters a list or an object at its opening bracket.
    fn enter(&mut self) -> Result<(), Error> {
        self.depth_left -= 1;
        if self.depth_left == 0 {
            return Err(self.peek_error(Code::RecursionLimitExceeded));
        }
        self.index += 1;
        Ok(())
    }

    fn end_list(&mut self) -> Result<(), Error> {
        self.depth_left += 1;
        match self.whitespace() {
            Some(b']') => {
                self.index += 1;
                Ok(())
            }
            Some(b',') => {
                self.index += 1;
                Err(match self.whitespace() {
                    Some(b']') => self.peek_error(Code::TrailingComma),
                    _ => self.peek_error(Code::TrailingCharacters),
                })
            }
            Some(_) => Err(self.peek_error(Code::TrailingCharacters)),
            None => Err(self.peek_error(Code::EofWhileParsingList)),
        }
    }

    fn end_object(&mut self) -> Result<(), Error> {
        self.depth_left += 1;
        match self.whitespace() {
            Some(b'}') => {
                self.index += 1;
                Ok(())
            }
            Some(b',') => Err(self.peek_error(Code::TrailingComma)),
            Some(_) => Err(self.peek_error(Code::TrailingCharacters)),
            None => Err(self.peek_error(Code::EofWhileParsingObject)),
        }
    }

    /// Before a list's next element: whether there is one.
    fn has_next_element(&mut self, first: &mut bool) -> Result<bool, Error> {
        let Some(byte) = self.whitespace() else {
            return Err(self.peek_error(Code::EofWhileParsingList));
        };
        if byte == b']' {
            return Ok(false);
        }
        if std::mem::take(first) {
            return Ok(true);
        }
        if byte != b',' {
            return Err(self.peek_error(Code::ExpectedListCommaOrEnd));
        }
        self.index += 1;
        match self.whitespace() {
            // (When skipping, the value's own check words it: "expected value".)
            Some(b']') if !self.skipping => Err(self.peek_error(Code::TrailingComma)),
            Some(_) => Ok(true),
            None => Err(self.peek_error(Code::EofWhileParsingValue)),
        }
    }

    /// Before an object's next key: whether there is one (left at its opening quote).
    fn has_next_key(&mut self, first: &mut bool) -> Result<bool, Error> {
        let Some(byte) = self.whitespace() else {
            return Err(self.peek_error(Code::EofWhileParsingObject));
        };
        if byte == b'}' {
            return Ok(false);
        }
        if std::mem::take(first) {
            return if byte == b'"' {
                Ok(true)
            } else {
                Err(self.peek_error(Code::KeyMustBeAString))
            };
        }
        if byte != b',' {
            return Err(self.peek_error(Code::ExpectedObjectCommaOrEnd));
        }
        self.index += 1;
        match (self.whitespace(), self.skipping) {
            (Some(b'"'), _) => Ok(true),
            (Some(b'}'), false) => Err(self.peek_error(Code::TrailingComma)),
            (Some(_), _) => Err(self.peek_error(Code::KeyMustBeAString)),
            (None, false) => Err(self.peek_error(Code::EofWhileParsingValue)),
            (None, true) => Err(self.peek_error(Code::EofWhileParsingObject)),
        }
    }

    fn colon(&mut self) -> Result<(), Error> {
        match self.whitespace() {
            Some(b':') => {
                self.index += 1;
                Ok(())
            }
            Some(_) => Err(self.peek_error(Code::ExpectedColon)),
            None => Err(self.peek_error(Code::EofWhileParsingObject)),
        }
    }

    /// Skips one value, checking it.
    fn skip(&mut self) -> Result<(), Error> {
        let was_skipping = std::mem::replace(&mut self.skipping, true);
        let skipped = self.skip_value();
        self.skipping = was_skipping;
        skipped
    }

    fn skip_value(&mut self) -> Result<(), Error> {
        match self.start()? {
            Start::List => {
                self.enter()?;
                let mut first = true;
                while self.has_next_element(&mut first)? {
                    self.skip_value()?;
                }
                self.end_list()
            }
            Start::Object => {
                self.enter()?;
                let mut first = true;
                while self.has_next_key(&mut first)? {
                    self.index += 1;
                    self.string()?;
                    self.colon()?;
                    self.skip_value()?;
                }
                self.end_object()
            }
            _ => Ok(()),
        }
    }

    fn list<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, Error> {
        self.enter()?;
        let read = visitor.visit_seq(ListAccess {
            reader: self,
            first: true,
        });
        let end = self.end_list();
        match (read, end) {
            (Ok(value), Ok(())) => Ok(value),
            (Err(error), _) | (_, Err(error)) => Err(self.fix(error)),
        }
    }

    fn object<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, Error> {
        self.enter()?;
        let read = visitor.visit_map(ObjectAccess {
            reader: self,
            first: true,
        });
        let end = self.end_object();
        match (read, end) {
            (Ok(value), Ok(())) => Ok(value),
            (Err(error), _) | (_, Err(error)) => Err(self.fix(error)),
        }
    }

    /// The error for a value of the wrong type, where it ends (a list or an object: where it
    /// starts). Not generic: each type's reading only says what it expected.
    #[cold]
    fn wrong_type(&self, start: &Start, expected: &dyn de::Expected) -> Error {
        self.fix(de::Error::invalid_type(start.unexpected(), expected))
    }

    fn fixed<T>(&self, read: Result<T, Error>) -> Result<T, Error> {
        read.map_err(|error| self.fix(error))
    }

    /// A number, for any numeric type.
    fn typed_number<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, Error> {
        let read = match self.start()? {
            Start::Unsigned(value) => visitor.visit_u64(value),
            Start::Signed(value) => visitor.visit_i64(value),
            Start::Float(value) => visitor.visit_f64(value),
            start => return Err(self.wrong_type(&start, &visitor)),
        };
        self.fixed(read)
    }

    /// A string, for strings, characters and names (fields, variants).
    fn typed_text<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, Error> {
        let read = match self.start()? {
            Start::Text(Cow::Borrowed(text)) => visitor.visit_borrowed_str(text),
            Start::Text(Cow::Owned(text)) => visitor.visit_string(text),
            start => return Err(self.wrong_type(&start, &visitor)),
        };
        self.fixed(read)
    }
}

impl<'de> de::Deserializer<'de> for &mut Reader<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let read = match self.start()? {
            Start::List => return self.list(visitor),
            Start::Object => return self.object(visitor),
            Start::Null => visitor.visit_unit(),
            Start::Bool(value) => visitor.visit_bool(value),
            Start::Unsigned(value) => visitor.visit_u64(value),
            Start::Signed(value) => visitor.visit_i64(value),
            Start::Float(value) => visitor.visit_f64(value),
            Start::Text(Cow::Borrowed(text)) => visitor.visit_borrowed_str(text),
            Start::Text(Cow::Owned(text)) => visitor.visit_string(text),
        };
        self.fixed(read)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if self.whitespace() == Some(b'n') {
            self.index += 1;
            self.ident(b"ull")?;
            return visitor.visit_none();
        }
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        if name == RAW_NAME {
            self.whitespace();
            let from = self.index;
            self.skip()?;
            return visitor.visit_borrowed_str(&self.text[from..self.index]);
        }
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.start()? {
            Start::List => self.list(visitor),
            start => Err(self.wrong_type(&start, &visitor)),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _: usize, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.start()? {
            Start::Object => self.object(visitor),
            start => Err(self.wrong_type(&start, &visitor)),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        // serde_json also takes a list of the fields' values in order; a snapshot's objects are
        // objects, and reading lists here too would double the code for every type.
        match self.start()? {
            Start::Object => self.object(visitor),
            start => Err(self.wrong_type(&start, &visitor)),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.whitespace() {
            Some(b'"') => visitor.visit_enum(UnitVariant { reader: self }),
            Some(b'{') => {
                self.enter()?;
                let value = visitor.visit_enum(Variant { reader: self })?;
                self.depth_left += 1;
                match self.whitespace() {
                    Some(b'}') => {
                        self.index += 1;
                        Ok(value)
                    }
                    Some(_) => Err(self.error(Code::ExpectedSomeValue)),
                    None => Err(self.error(Code::EofWhileParsingObject)),
                }
            }
            Some(_) => Err(self.peek_error(Code::ExpectedSomeValue)),
            None => Err(self.peek_error(Code::EofWhileParsingValue)),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.skip()?;
        visitor.visit_unit()
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let read = match self.start()? {
            Start::Bool(value) => visitor.visit_bool(value),
            start => return Err(self.wrong_type(&start, &visitor)),
        };
        self.fixed(read)
    }
    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let read = match self.start()? {
            Start::Null => visitor.visit_unit(),
            start => return Err(self.wrong_type(&start, &visitor)),
        };
        self.fixed(read)
    }
    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_unit(visitor)
    }
    fn deserialize_i8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.typed_number(visitor)
    }
    fn deserialize_i16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.typed_number(visitor)
    }
    fn deserialize_i32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.typed_number(visitor)
    }
    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.typed_number(visitor)
    }
    fn deserialize_u8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.typed_number(visitor)
    }
    fn deserialize_u16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.typed_number(visitor)
    }
    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.typed_number(visitor)
    }
    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.typed_number(visitor)
    }
    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.typed_number(visitor)
    }
    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.typed_number(visitor)
    }
    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.typed_text(visitor)
    }
    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.typed_text(visitor)
    }
    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.typed_text(visitor)
    }
    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.typed_text(visitor)
    }
    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_any(visitor)
    }
    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_any(visitor)
    }
}

struct ListAccess<'a, 'de> {
    reader: &'a mut Reader<'de>,
    first: bool,
}

impl<'de> de::SeqAccess<'de> for ListAccess<'_, 'de> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        if self.reader.has_next_element(&mut self.first)? {
            seed.deserialize(&mut *self.reader).map(Some)
        } else {
            Ok(None)
        }
    }
}

struct ObjectAccess<'a, 'de> {
    reader: &'a mut Reader<'de>,
    first: bool,
}

impl<'de> de::MapAccess<'de> for ObjectAccess<'_, 'de> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        if !self.reader.has_next_key(&mut self.first)? {
            return Ok(None);
        }
        self.reader.index += 1;
        let key = self.reader.string()?;
        seed.deserialize(Key(key)).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        self.reader.colon()?;
        seed.deserialize(&mut *self.reader)
    }
}

/// An object's key, already read, given to the type as a string.
struct Key<'de>(Cow<'de, str>);

impl<'de> de::Deserializer<'de> for Key<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Cow::Borrowed(text) => visitor.visit_borrowed_str(text),
            Cow::Owned(text) => visitor.visit_str(&text),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}

/// An enum written as its variant's name.
struct UnitVariant<'a, 'de> {
    reader: &'a mut Reader<'de>,
}

impl<'de> de::EnumAccess<'de> for UnitVariant<'_, 'de> {
    type Error = Error;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self), Error> {
        let variant = seed.deserialize(&mut *self.reader)?;
        Ok((variant, self))
    }
}

impl<'de> de::VariantAccess<'de> for UnitVariant<'_, 'de> {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, _: T) -> Result<T::Value, Error> {
        Err(de::Error::invalid_type(
            Unexpected::UnitVariant,
            &"newtype variant",
        ))
    }

    fn tuple_variant<V: Visitor<'de>>(self, _: usize, _: V) -> Result<V::Value, Error> {
        Err(de::Error::invalid_type(
            Unexpected::UnitVariant,
            &"tuple variant",
        ))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Error> {
        Err(de::Error::invalid_type(
            Unexpected::UnitVariant,
            &"struct variant",
        ))
    }
}

/// An enum written as an object of one key, the variant's name, and its content.
struct Variant<'a, 'de> {
    reader: &'a mut Reader<'de>,
}

impl<'de> de::EnumAccess<'de> for Variant<'_, 'de> {
    type Error = Error;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self), Error> {
        let variant = seed.deserialize(&mut *self.reader)?;
        self.reader.colon()?;
        Ok((variant, self))
    }
}

impl<'de> de::VariantAccess<'de> for Variant<'_, 'de> {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        de::Deserialize::deserialize(self.reader)
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Error> {
        seed.deserialize(self.reader)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _: usize, visitor: V) -> Result<V::Value, Error> {
        de::Deserializer::deserialize_seq(self.reader, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        de::Deserializer::deserialize_struct(self.reader, "", fields, visitor)
    }
}

//! JSON that is the same data but inert on a terminal. serde_json escapes
//! the C0 controls but writes C1 controls (U+009B is a one-byte CSI), DEL,
//! bidi overrides and isolates and other invisible format characters raw,
//! so `cat report.json` could act on the terminal or reorder what it shows.
//! Every JSON the app writes (report, event report, bundle, the CLI's
//! `--json` listings) goes through [`Escaping`], which writes each of them
//! as its `\uXXXX` escape: a JSON reader gets exactly the same strings.

use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter};
use std::io::{self, Write};
use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};

/// Whether `c` is written as an escape: controls (C0, DEL, C1), format
/// characters (bidi controls, zero-width ones, the byte-order mark, soft
/// hyphen…), the line and paragraph separators, and noncharacters.
pub fn is_escaped(c: char) -> bool {
    c.is_control()
        || matches!(
            c.general_category(),
            GeneralCategory::Format
                | GeneralCategory::LineSeparator
                | GeneralCategory::ParagraphSeparator
        )
        || (c as u32 & 0xFFFE) == 0xFFFE
        || ('\u{FDD0}'..='\u{FDEF}').contains(&c)
}

/// A serde_json formatter that escapes what [`is_escaped`] names inside
/// strings and otherwise formats as `F` does.
pub struct Escaping<F>(pub F);

/// `value` as pretty-printed, terminal-safe JSON, to `out`.
pub fn to_writer_pretty<W: Write, T: Serialize + ?Sized>(
    out: W,
    value: &T,
) -> serde_json::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(out, Escaping(PrettyFormatter::new()));
    value.serialize(&mut ser)
}

/// `value` as compact, terminal-safe JSON, to `out`.
pub fn to_writer<W: Write, T: Serialize + ?Sized>(out: W, value: &T) -> serde_json::Result<()> {
    let compact = serde_json::ser::CompactFormatter;
    let mut ser = serde_json::Serializer::with_formatter(out, Escaping(compact));
    value.serialize(&mut ser)
}

/// `value` as pretty-printed, terminal-safe JSON text.
pub fn to_string_pretty<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    let mut out = Vec::new();
    to_writer_pretty(&mut out, value)?;
    Ok(String::from_utf8(out).expect("serde_json writes UTF-8"))
}

impl<F: Formatter> Formatter for Escaping<F> {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut start = 0;
        for (at, c) in fragment.char_indices() {
            if is_escaped(c) {
                w.write_all(&fragment.as_bytes()[start..at])?;
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    write!(w, "\\u{unit:04x}")?;
                }
                start = at + c.len_utf8();
            }
        }
        w.write_all(&fragment.as_bytes()[start..])
    }

    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn end_object_key<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_key(w)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn the_same_data_with_nothing_raw(texts in prop::collection::vec(crate::text::tests::any_text(), 0..4)) {
            let json = to_string_pretty(&texts).unwrap();
            prop_assert!(!json.chars().any(|c| is_escaped(c) && c != '\n'), "{}", json);
            let back: Vec<String> = serde_json::from_str(&json).unwrap();
            prop_assert_eq!(back, texts);
        }
    }

    #[test]
    fn controls_bidi_and_invisible_characters_are_escaped() {
        let text = "a\u{1b}b\u{9b}c\u{202e}d\u{2066}e\u{200b}f\u{feff}g\u{7f}h\u{e0001}";
        let json = to_string_pretty(&text).unwrap();
        assert_eq!(
            json,
            r#""a\u001bb\u009bc\u202ed\u2066e\u200bf\ufeffg\u007fh\udb40\udc01""#
        );
        assert_eq!(serde_json::from_str::<String>(&json).unwrap(), text);
        // Everything else is written as serde_json writes it.
        let plain = serde_json::json!({"é漢🎉": ["x\ny", 1, null]});
        assert_eq!(
            to_string_pretty(&plain).unwrap(),
            serde_json::to_string_pretty(&plain).unwrap()
        );
    }
}

//! Interface and report texts in French and English. The texts live in
//! `assets/i18n/{fr,en}.json`, embedded at build time; both files must hold
//! the same keys (a test checks it).

use crate::model::Lang;
use std::collections::HashMap;
use std::sync::OnceLock;

const FR: &str = include_str!("../../assets/i18n/fr.json");
const EN: &str = include_str!("../../assets/i18n/en.json");

type Table = HashMap<String, String>;

fn table(lang: Lang) -> &'static Table {
    static TABLES: OnceLock<(Table, Table)> = OnceLock::new();
    let (fr, en) = TABLES.get_or_init(|| {
        let parse =
            |s: &str| serde_json::from_str::<Table>(s).expect("embedded i18n JSON is valid");
        (parse(FR), parse(EN))
    });
    match lang {
        Lang::Fr => fr,
        Lang::En => en,
    }
}

/// The text for `key`; the key itself if it is missing, so a gap shows up
/// on screen instead of crashing.
pub fn t(lang: Lang, key: &str) -> &'static str {
    match table(lang).get(key) {
        Some(s) => s.as_str(),
        None => {
            // Leak once per missing key: a visible marker beats a panic.
            Box::leak(key.to_string().into_boxed_str())
        }
    }
}

/// `t` with `{name}` placeholders filled in.
pub fn tf(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    let mut s = t(lang, key).to_string();
    for (name, value) in args {
        s = s.replace(&format!("{{{name}}}"), value);
    }
    s
}

/// `tf` for a count `n`, in real singular or plural: the text of
/// `KEY_one` when `n` is singular in `lang` (French: 0 and 1, "0 point
/// placé"; English: 1), else of `KEY`; `{n}` is filled with `n`. The one
/// way the app words a count: never "élément(s)".
pub fn tn(lang: Lang, key: &str, n: usize, args: &[(&str, &str)]) -> String {
    let singular = match lang {
        Lang::Fr => n <= 1,
        Lang::En => n == 1,
    };
    let one = format!("{key}_one");
    let key = if singular { one.as_str() } else { key };
    let count = n.to_string();
    let mut all = vec![("n", count.as_str())];
    all.extend_from_slice(args);
    tf(lang, key, &all)
}

/// An error whose message exists in both languages.
pub trait Localized {
    fn message_in(&self, lang: Lang) -> String;
}

impl Localized for crate::store::StoreError {
    fn message_in(&self, lang: Lang) -> String {
        self.message(lang)
    }
}

impl Localized for crate::commands::CommandError {
    fn message_in(&self, lang: Lang) -> String {
        self.message(lang)
    }
}

impl Localized for crate::bundle::BundleError {
    fn message_in(&self, lang: Lang) -> String {
        self.message(lang)
    }
}

impl Localized for crate::bundle::ImportError {
    fn message_in(&self, lang: Lang) -> String {
        self.message(lang)
    }
}

/// The message of `e` in `lang` if it is one of the errors that have
/// one (store, command, bundle, import), else `None`.
pub fn localized(e: &(dyn std::error::Error + 'static), lang: Lang) -> Option<String> {
    if let Some(e) = e.downcast_ref::<crate::store::StoreError>() {
        return Some(e.message_in(lang));
    }
    if let Some(e) = e.downcast_ref::<crate::commands::CommandError>() {
        return Some(e.message_in(lang));
    }
    if let Some(e) = e.downcast_ref::<crate::bundle::BundleError>() {
        return Some(e.message_in(lang));
    }
    e.downcast_ref::<crate::bundle::ImportError>()
        .map(|e| e.message_in(lang))
}

/// The language of the system locale, normalised ("C" → English).
pub fn system_lang() -> Lang {
    sys_locale::get_locale()
        .map(|l| Lang::from_locale(&l))
        .unwrap_or_default()
}

/// A date as people write it: "10 juin 2021", "10 June 2021".
pub fn long_date(lang: Lang, date: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    const FR_MONTHS: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    const EN_MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let m = date.month0() as usize;
    match lang {
        Lang::Fr => format!("{} {} {}", date.day(), FR_MONTHS[m], date.year()),
        Lang::En => format!("{} {} {}", date.day(), EN_MONTHS[m], date.year()),
    }
}

/// What stands between a label and its value: "Question : …" in French,
/// where a space comes before a colon, "Question: …" in English.
pub fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => " : ",
        Lang::En => ": ",
    }
}

/// A date in the session's short form: "10/06/2021" in French, ISO
/// "2021-06-10" in English (where day and month order varies by country).
pub fn short_date(lang: Lang, date: chrono::NaiveDate) -> String {
    match lang {
        Lang::Fr => date.format("%d/%m/%Y").to_string(),
        Lang::En => date.format("%Y-%m-%d").to_string(),
    }
}

/// Reads a date typed by a person: ISO (2021-06-10) always; in French also
/// day first (10/06/2021, 10-06-2021, 10.06.2021, 10/6/21); in either
/// language the long form ("10 juin 2021", "10 June 2021").
pub fn parse_date(lang: Lang, text: &str) -> Option<chrono::NaiveDate> {
    use chrono::NaiveDate;
    let text = text.trim();
    if let Ok(d) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Some(d);
    }
    if lang == Lang::Fr {
        let unified = text.replace(['-', '.'], "/");
        for format in ["%d/%m/%Y", "%d/%m/%y"] {
            if let Ok(d) = NaiveDate::parse_from_str(&unified, format) {
                // "%Y" also takes "21" as the year 21: keep those for %y.
                if format == "%d/%m/%Y" && unified.rsplit('/').next()?.len() < 4 {
                    continue;
                }
                return Some(d);
            }
        }
    }
    let lower = text.to_lowercase();
    let mut words = lower.split_whitespace();
    let (day, month, year) = (words.next()?, words.next()?, words.next()?);
    if words.next().is_some() {
        return None;
    }
    let day: u32 = day.trim_end_matches(['.', ',']).parse().ok()?;
    let year: i32 = year.parse().ok()?;
    let month = (1..=12u32).find(|&m| {
        let d = NaiveDate::from_ymd_opt(2000, m, 1).expect("a valid month");
        Lang::ALL
            .iter()
            .any(|l| long_date(*l, d).to_lowercase().split(' ').nth(1) == Some(month))
    })?;
    NaiveDate::from_ymd_opt(year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_have_the_same_keys() {
        let mut fr: Vec<_> = table(Lang::Fr).keys().collect();
        let mut en: Vec<_> = table(Lang::En).keys().collect();
        fr.sort();
        en.sort();
        assert_eq!(fr, en);
        for lang in Lang::ALL {
            assert!(table(lang).values().all(|v| !v.trim().is_empty()));
        }
    }

    /// A key written twice reads as the last one: a merge that kept both
    /// wordings would silently show one. Each key is written once.
    #[test]
    fn no_key_is_written_twice() {
        for (lang, text) in [("fr", FR), ("en", EN)] {
            let mut seen = std::collections::HashSet::new();
            for line in text.lines() {
                let Some(rest) = line.trim_start().strip_prefix('"') else {
                    continue;
                };
                let key = rest.split('"').next().unwrap_or_default();
                assert!(seen.insert(key.to_string()), "{lang}: {key} twice");
            }
        }
    }

    #[test]
    fn dates_read_as_people_type_them() {
        let d = chrono::NaiveDate::from_ymd_opt(2021, 6, 10).unwrap();
        for typed in [
            "2021-06-10",
            "10/06/2021",
            "10-06-2021",
            "10.6.2021",
            "10/06/21",
            "10 juin 2021",
        ] {
            assert_eq!(parse_date(Lang::Fr, typed), Some(d), "{typed}");
        }
        assert_eq!(parse_date(Lang::En, "10 June 2021"), Some(d));
        assert_eq!(parse_date(Lang::En, "2021-06-10"), Some(d));
        // Day-first is French only: in English 10/06 could be October.
        assert_eq!(parse_date(Lang::En, "10/06/2021"), None);
        assert_eq!(parse_date(Lang::Fr, "31/02/2021"), None);
        assert_eq!(parse_date(Lang::Fr, "demain"), None);
        assert_eq!(short_date(Lang::Fr, d), "10/06/2021");
        assert_eq!(parse_date(Lang::Fr, &short_date(Lang::Fr, d)), Some(d));
    }

    #[test]
    fn placeholders_fill() {
        assert_eq!(
            tf(Lang::Fr, "report.blocks", &[("n", "3")]),
            "3 grandes briques"
        );
        assert_eq!(
            long_date(
                Lang::Fr,
                chrono::NaiveDate::from_ymd_opt(2021, 6, 10).unwrap()
            ),
            "10 juin 2021"
        );
    }

    #[test]
    fn counts_are_worded_singular_or_plural() {
        let placed = |lang, n| tn(lang, "votes.cli_placed", n, &[("left", "2")]);
        assert_eq!(placed(Lang::Fr, 1), "1 point placé, il en reste 2");
        assert_eq!(placed(Lang::Fr, 0), "0 point placé, il en reste 2");
        assert_eq!(placed(Lang::Fr, 3), "3 points placés, il en reste 2");
        assert_eq!(placed(Lang::En, 1), "1 dot placed, 2 left");
        assert_eq!(placed(Lang::En, 0), "0 dots placed, 2 left");
    }

    /// Official documents avoid the point médian and "(s)": texts use
    /// neutral words and real plurals ([`tn`]). A "·" between spaces is a
    /// separator, which is fine.
    #[test]
    fn texts_use_neutral_words_and_real_plurals() {
        for lang in Lang::ALL {
            for (key, text) in table(lang) {
                let inclusive = text.char_indices().any(|(i, c)| {
                    c == '·' && text[i + c.len_utf8()..].starts_with(|n: char| n.is_alphabetic())
                });
                assert!(!inclusive, "{key}: {text}");
                assert!(!text.contains("(s)"), "{key}: {text}");
            }
        }
    }
}

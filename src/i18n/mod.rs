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
}

//! French typography for the formats people read (Markdown, HTML, PDF,
//! ODT, the review screen's preview): the space French writes before
//! `? ! ; :` and inside « » must never end a line, or a "?" starts the
//! next one. Each such ordinary space becomes a no-break space; nothing
//! is added where the writer typed no space (people's words are theirs).
//!
//! Which space: U+202F (narrow no-break space, the "fine insécable")
//! before `? ! ;`, U+00A0 (no-break space) before `:` and inside « » —
//! the Imprimerie nationale's rule, which French word processors follow.
//! Both are "glue" (class GL) for the Unicode line breaking algorithm the
//! PDF uses, and DejaVu Sans, the PDF's font, draws both (tested below).
//!
//! Applied once, in [`Report::for_reading`], to every text of the view
//! model; the data formats (CSV, report JSON) and the bundle are built
//! without it and keep the stored text as typed. English is unchanged.

use super::{Format, Options, Report};
use crate::model::{Lang, SessionData};

/// Narrow no-break space, before `? ! ;`.
const NARROW: char = '\u{202F}';
/// No-break space, before `:` and `»`, after `«`.
const NO_BREAK: char = '\u{A0}';

/// `text` with each ordinary space before `? ! ; : »` or after `«` made
/// unbreakable, as French typography wants. Other spaces are kept.
pub fn french(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        if c != ' ' {
            out.push(c);
            continue;
        }
        // The character after this run of spaces decides, so that
        // "mot  ?" keeps no breakable space before its "?".
        let next = chars[i..].iter().find(|&&n| n != ' ');
        let after_open_quote = chars[..i].iter().rev().find(|&&p| p != ' ') == Some(&'«');
        out.push(match next {
            Some('?' | '!' | ';') => NARROW,
            Some(':' | '»') => NO_BREAK,
            _ if after_open_quote => NO_BREAK,
            _ => ' ',
        });
    }
    out
}

impl Report {
    /// The report as people read it (Markdown, HTML, PDF, ODT, the review
    /// screen): [`Report::build_with`], then the language's typography.
    pub fn for_reading(data: &SessionData, options: Options) -> Report {
        let mut report = Report::build_with(data, options);
        if report.language == Lang::Fr {
            report.colon = "\u{A0}: ";
            each_text(&mut report, &mut |s| for_lang(Lang::Fr, s));
        }
        report
    }

    /// The report `format` shows: [`Report::for_reading`] for a format
    /// people read, [`Report::build_with`] (the stored text) for data.
    pub fn for_format(data: &SessionData, options: Options, format: Format) -> Report {
        if format.is_read() {
            Report::for_reading(data, options)
        } else {
            Report::build_with(data, options)
        }
    }
}

/// `text` as a report in `lang` prints it: French typography for French,
/// unchanged otherwise.
pub fn for_lang(lang: Lang, text: &mut String) {
    if lang == Lang::Fr && text.contains(' ') {
        *text = french(text);
    }
}

/// Calls `f` on every text of `r` a reader sees (not ids, not times).
/// Item trees are walked with a stack, never recursively.
fn each_text(r: &mut Report, f: &mut dyn FnMut(&mut String)) {
    for s in [
        &mut r.title,
        &mut r.event,
        &mut r.question,
        &mut r.context,
        &mut r.lead,
        &mut r.place,
        &mut r.synthesis.text,
        &mut r.synthesis.blocks_heading,
        &mut r.synthesis.proposal,
        &mut r.votes.summary,
        &mut r.votes.heading,
        &mut r.participation.summary,
        &mut r.theme_votes.heading,
    ] {
        f(s);
    }
    r.participants.iter_mut().for_each(&mut *f);
    r.anonymous_note.iter_mut().for_each(&mut *f);
    r.labels.values_mut().for_each(&mut *f);
    for (title, text) in &mut r.synthesis.blocks {
        f(title);
        f(text);
    }
    let mut items: Vec<&mut super::Item> = Vec::new();
    for g in &mut r.discussion {
        f(&mut g.heading);
        items.extend(g.items.iter_mut());
    }
    items.extend(r.ideas.iter_mut());
    items.extend(r.resources.iter_mut());
    items.extend(r.parking.iter_mut());
    items.extend(r.spoken.iter_mut());
    items.extend(r.trace.chains.iter_mut());
    for t in &mut r.themes {
        f(&mut t.name);
        items.extend(t.items.iter_mut());
    }
    for s in &mut r.shared {
        f(&mut s.heading);
        f(&mut s.stage);
        for g in &mut s.groups {
            f(&mut g.label);
            items.extend(g.items.iter_mut());
        }
    }
    while let Some(item) = items.pop() {
        f(&mut item.text);
        f(&mut item.stage);
        item.author.iter_mut().for_each(&mut *f);
        items.extend(item.children.iter_mut());
    }
    for d in &mut r.decisions {
        f(&mut d.text);
    }
    for a in &mut r.actions {
        f(&mut a.text);
        f(&mut a.status);
        a.who.iter_mut().for_each(&mut *f);
    }
    let counts = [
        &mut r.stats.by_participant,
        &mut r.stats.by_stage,
        &mut r.stats.by_kind,
        &mut r.stats.by_origin,
    ];
    for c in counts.into_iter().flatten() {
        f(&mut c.label);
    }
    for s in &mut r.stats.time.stages {
        f(&mut s.label);
    }
    for b in &mut r.participation.bars {
        f(&mut b.label);
        f(&mut b.title);
    }
    r.votes.columns.iter_mut().for_each(&mut *f);
    r.theme_votes.columns.iter_mut().for_each(&mut *f);
    let ranked = r.votes.ranking.iter_mut();
    for v in ranked.chain(r.theme_votes.ranking.iter_mut()) {
        for s in [&mut v.text, &mut v.label, &mut v.kind_label, &mut v.title] {
            f(s);
        }
        v.label_lines.iter_mut().for_each(&mut *f);
    }
    if let Some(review) = &mut r.review {
        for s in [
            &mut review.heading,
            &mut review.version,
            &mut review.sign_offs_heading,
            &mut review.applied_heading,
        ] {
            f(s);
        }
        review.sign_offs.iter_mut().for_each(&mut *f);
        for a in &mut review.applied {
            f(&mut a.text);
            f(&mut a.on);
            a.from.iter_mut().for_each(&mut *f);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_spaces_before_punctuation_do_not_break() {
        assert_eq!(
            french("Pour tous les agents ? Oui ! Voici ; note : « dit »"),
            "Pour tous les agents\u{202F}? Oui\u{202F}! Voici\u{202F}; note\u{A0}: «\u{A0}dit\u{A0}»"
        );
    }

    #[test]
    fn no_space_is_added_and_others_are_kept() {
        assert_eq!(french("Quoi? Oui!"), "Quoi? Oui!");
        assert_eq!(french("a b  c"), "a b  c");
        assert_eq!(french("mot  ?"), "mot\u{202F}\u{202F}?");
        assert_eq!(french("https://x.org"), "https://x.org");
    }

    #[test]
    fn the_pdf_font_has_both_spaces_and_the_line_breaker_glues_them() {
        let font = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
        let face = rustybuzz::Face::from_slice(font, 0).unwrap();
        assert!(face.glyph_index(NARROW).is_some());
        assert!(face.glyph_index(NO_BREAK).is_some());
        let text = "agents\u{202F}? note\u{A0}: fin";
        let breaks: Vec<usize> = unicode_linebreak::linebreaks(text)
            .map(|(at, _)| at)
            .collect();
        // Only after "? " and at the end: never before the punctuation.
        assert_eq!(
            breaks,
            [
                text.find("note").unwrap(),
                text.find("fin").unwrap(),
                text.len()
            ]
        );
    }
}

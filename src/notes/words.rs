//! The words notes are written with: headings, kind labels and bullets,
//! in French and English, compared without accents, case or spacing (so
//! "Synthese", "SYNTHÈSE" and "## Synthèse :" are one heading, and an OCR
//! slip such as "c onstat" still reads as "constat").

use crate::model::{Kind, Lang};

/// What a heading opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// Before the first heading: the title, then lines to sort.
    Preamble,
    Title,
    Question,
    Context,
    Synthesis,
    /// The synthesis's building blocks ("3 grandes briques").
    Blocks,
    Proposal,
    Lead,
    Participants,
    Discussion,
    Ideas,
    Resources,
    Actions,
    /// A heading we do not know: what it holds goes to sort.
    Unknown,
}

impl Section {
    /// Sections whose lines are elements (bullets, sub-points, kinds).
    pub fn is_list(self) -> bool {
        matches!(
            self,
            Section::Discussion | Section::Ideas | Section::Resources | Section::Actions
        )
    }

    /// The kind an element takes here when no label says otherwise.
    pub fn default_kind(self) -> Kind {
        match self {
            Section::Ideas => Kind::Idea,
            Section::Resources => Kind::Resource,
            Section::Actions => Kind::Action,
            Section::Question | Section::Context => Kind::Context,
            Section::Proposal | Section::Synthesis | Section::Blocks => Kind::Proposal,
            _ => Kind::Observation,
        }
    }

    /// Its name in the dry run.
    pub fn key(self) -> &'static str {
        match self {
            Section::Preamble => "preamble",
            Section::Title => "title",
            Section::Question => "question",
            Section::Context => "context",
            Section::Synthesis => "synthesis",
            Section::Blocks => "blocks",
            Section::Proposal => "proposal",
            Section::Lead => "lead",
            Section::Participants => "participants",
            Section::Discussion => "discussion",
            Section::Ideas => "ideas",
            Section::Resources => "resources",
            Section::Actions => "actions",
            Section::Unknown => "unknown",
        }
    }
}

/// Lower case, no accents, every run of other characters one space:
/// "Éléments importants  de la discussion :" → "elements importants de la discussion".
pub fn fold(text: &str) -> String {
    let ascii = deunicode::deunicode(text).to_lowercase();
    ascii
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Headings exactly as facilitators write them (folded), with their language.
const HEADINGS: &[(&str, Section, Lang)] = &[
    ("titre", Section::Title, Lang::Fr),
    ("title", Section::Title, Lang::En),
    ("question", Section::Question, Lang::Fr),
    ("question posee", Section::Question, Lang::Fr),
    ("la question", Section::Question, Lang::Fr),
    ("question de depart", Section::Question, Lang::Fr),
    ("the question", Section::Question, Lang::En),
    ("contexte", Section::Context, Lang::Fr),
    ("origine", Section::Context, Lang::Fr),
    ("contexte origine", Section::Context, Lang::Fr),
    ("context", Section::Context, Lang::En),
    ("background", Section::Context, Lang::En),
    ("synthese", Section::Synthesis, Lang::Fr),
    ("resume", Section::Synthesis, Lang::Fr),
    ("synthesis", Section::Synthesis, Lang::En),
    ("summary", Section::Synthesis, Lang::En),
    ("proposition", Section::Proposal, Lang::Fr),
    ("propositions", Section::Proposal, Lang::Fr),
    ("proposal", Section::Proposal, Lang::En),
    ("porteuse", Section::Lead, Lang::Fr),
    ("porteur", Section::Lead, Lang::Fr),
    ("porteur se", Section::Lead, Lang::Fr),
    ("porteurs", Section::Lead, Lang::Fr),
    ("anime par", Section::Lead, Lang::Fr),
    ("animee par", Section::Lead, Lang::Fr),
    ("animation", Section::Lead, Lang::Fr),
    ("animateur", Section::Lead, Lang::Fr),
    ("responsable", Section::Lead, Lang::Fr),
    ("animatrice", Section::Lead, Lang::Fr),
    ("referent", Section::Lead, Lang::Fr),
    ("referente", Section::Lead, Lang::Fr),
    ("referent e", Section::Lead, Lang::Fr),
    ("lead", Section::Lead, Lang::En),
    ("led by", Section::Lead, Lang::En),
    ("facilitator", Section::Lead, Lang::En),
    ("facilitated by", Section::Lead, Lang::En),
    ("participants", Section::Participants, Lang::Fr),
    ("participantes", Section::Participants, Lang::Fr),
    ("participant e s", Section::Participants, Lang::Fr),
    ("presents", Section::Participants, Lang::Fr),
    ("present e s", Section::Participants, Lang::Fr),
    ("attendees", Section::Participants, Lang::En),
    ("participants list", Section::Participants, Lang::En),
    ("constats", Section::Discussion, Lang::Fr),
    ("constats et enjeux", Section::Discussion, Lang::Fr),
    ("constats enjeux", Section::Discussion, Lang::Fr),
    ("key points", Section::Discussion, Lang::En),
    ("observations", Section::Discussion, Lang::En),
    ("observations and stakes", Section::Discussion, Lang::En),
    ("ressources", Section::Resources, Lang::Fr),
    ("references", Section::Resources, Lang::Fr),
    ("liens", Section::Resources, Lang::Fr),
    ("resources", Section::Resources, Lang::En),
    ("links", Section::Resources, Lang::En),
    ("actions", Section::Actions, Lang::En),
    ("prochaines etapes", Section::Actions, Lang::Fr),
    ("suites", Section::Actions, Lang::Fr),
    ("next steps", Section::Actions, Lang::En),
];

/// A heading's section and language, from its folded text: the table
/// above, plus the forms that vary ("Éléments importants de la
/// discussion", "Idées à creuser", "3 grandes briques").
pub fn heading(folded: &str) -> Option<(Section, Lang)> {
    let folded = strip_number(folded);
    if let Some((_, section, lang)) = HEADINGS.iter().find(|(h, ..)| *h == folded) {
        return Some((*section, *lang));
    }
    let words = folded.split(' ').count();
    if words > 6 {
        return None;
    }
    // Whole words only: "Fabrique de l'info" names no building block.
    let has = |w: &str| folded.split(' ').any(|x| x == w);
    let starts = |w: &str| folded.starts_with(w);
    if has("brique") || has("briques") {
        Some((Section::Blocks, Lang::Fr))
    } else if has("building") && (has("block") || has("blocks")) {
        Some((Section::Blocks, Lang::En))
    } else if has("discussion") && (starts("element") || starts("points")) {
        Some((Section::Discussion, Lang::Fr))
    } else if has("discussion") {
        Some((Section::Discussion, Lang::En))
    } else if starts("idee") || starts("pistes") {
        Some((Section::Ideas, Lang::Fr))
    } else if starts("idea") {
        Some((Section::Ideas, Lang::En))
    } else {
        None
    }
}

/// "1 synthese" → "synthese", "ii question" → "question": numbered headings.
fn strip_number(folded: &str) -> &str {
    match folded.split_once(' ') {
        Some((n, rest))
            if n.chars().all(|c| c.is_ascii_digit())
                || (n.len() <= 4 && n.chars().all(|c| "ivx".contains(c))) =>
        {
            rest
        }
        _ => folded,
    }
}

/// Kind labels written before an element, folded and without spaces.
const LABELS: &[(&str, Kind)] = &[
    ("contexte", Kind::Context),
    ("context", Kind::Context),
    ("origine", Kind::Context),
    ("contexteorigine", Kind::Context),
    ("background", Kind::Context),
    ("constat", Kind::Observation),
    ("constats", Kind::Observation),
    ("observation", Kind::Observation),
    ("observations", Kind::Observation),
    ("fact", Kind::Observation),
    ("enjeu", Kind::Stake),
    ("enjeux", Kind::Stake),
    ("stake", Kind::Stake),
    ("stakes", Kind::Stake),
    ("issue", Kind::Stake),
    ("question", Kind::Question),
    ("questions", Kind::Question),
    ("ressource", Kind::Resource),
    ("ressources", Kind::Resource),
    ("resource", Kind::Resource),
    ("resources", Kind::Resource),
    ("reference", Kind::Resource),
    ("lien", Kind::Resource),
    ("link", Kind::Resource),
    ("idee", Kind::Idea),
    ("idees", Kind::Idea),
    ("idea", Kind::Idea),
    ("ideas", Kind::Idea),
    ("piste", Kind::Idea),
    ("proposition", Kind::Proposal),
    ("proposal", Kind::Proposal),
    ("action", Kind::Action),
    ("todo", Kind::Action),
];

/// The kind a label names: "Constat", "c onstat", "ENJEU", "Ressource".
pub fn label_kind(label: &str) -> Option<Kind> {
    let squeezed: String = fold(label).split(' ').collect();
    LABELS.iter().find(|(l, _)| *l == squeezed).map(|(_, k)| *k)
}

/// A kind label in front of `text`: "constat : …", "Constat - …",
/// "ressource:…". Gives the kind and the text after the separator.
pub fn labelled(text: &str) -> Option<(Kind, &str)> {
    let head: String = text.chars().take(32).collect();
    let cut = [":", " - ", " – ", " — "]
        .iter()
        .filter_map(|sep| head.find(sep).map(|at| (at, sep.len())))
        .min()?;
    let kind = label_kind(&text[..cut.0])?;
    Some((kind, unmarked(&text[cut.0 + cut.1..])))
}

/// A value without the Markdown emphasis its label wore: "**Lead :** Ana"
/// gives "Ana", not "** Ana".
pub fn unmarked(value: &str) -> &str {
    value.trim().trim_start_matches(['*', '_']).trim()
}

/// The kind the first word names, for "enjeu de portage…" (the word stays
/// in the text: it is part of the sentence).
pub fn first_word_kind(text: &str) -> Option<Kind> {
    let word = text.split_whitespace().next()?;
    label_kind(word)
}

/// How a list line begins: the bullet's family, so that "«" and "»" (the
/// same bullet, often mistaken for each other) are one, and a number or
/// letter ("1.", "2)", "a)") is one whatever its value.
pub fn bullet(text: &str) -> Option<(char, usize)> {
    let mut chars = text.char_indices();
    let (_, first) = chars.next()?;
    let family = match first {
        '«' | '»' => Some('«'),
        '*' | '•' | '◦' | '▪' | '·' | '-' | '–' | '—' | '+' => Some(first),
        _ => None,
    };
    let spaced = |at: usize| text[at..].starts_with(char::is_whitespace) || text.len() == at;
    if let Some(family) = family {
        let at = first.len_utf8();
        return spaced(at).then_some((family, at));
    }
    // "12." "3)" "a)" "b." followed by a space.
    let end = text
        .char_indices()
        .find(|(_, c)| !c.is_ascii_alphanumeric())
        .map(|(i, _)| i)?;
    let number = &text[..end];
    let numeric = !number.is_empty()
        && number.len() <= 3
        && (number.chars().all(|c| c.is_ascii_digit())
            || (number.len() == 1 && number.chars().all(|c| c.is_ascii_lowercase())));
    let mark = text[end..].chars().next()?;
    (numeric && (mark == '.' || mark == ')') && spaced(end + 1)).then_some(('1', end + 1))
}

/// Whether a text ends a sentence or opens a list (so the next line does
/// not continue it).
pub fn is_terminated(text: &str) -> bool {
    text.trim_end().ends_with(['.', '!', '?', ':', ';', '…'])
}

/// Whether a line after a blank one still continues `before`: only when
/// `before` clearly did not end (a hyphen, a comma, or a lower-case word
/// with the next line starting in lower case too).
pub fn continues_across_blank(before: &str, line: &str) -> bool {
    let before = before.trim_end();
    if is_terminated(before) {
        return false;
    }
    if before.ends_with(['-', ',']) {
        return true;
    }
    let last_lower = before
        .split_whitespace()
        .last()
        .is_some_and(|w| w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_uppercase));
    last_lower && line.trim_start().starts_with(char::is_lowercase)
}

/// A short line that opens something (no closing punctuation, a capital
/// first, a blank line after it): a heading, even one we do not know.
pub fn heading_like(line: &str, next: &str) -> bool {
    let line = line.trim();
    next.trim().is_empty()
        && !is_terminated(line)
        && line.starts_with(char::is_uppercase)
        && line.chars().count() <= 60
        && line.split_whitespace().count() <= 6
}

/// Joins a line broken by the page onto what came before it: "pratico-" +
/// "pratique" is "pratico-pratique", anything else gets one space.
pub fn join(into: &mut String, more: &str) {
    let more = more.trim();
    if more.is_empty() {
        return;
    }
    let hyphenated = into.ends_with('-')
        && into[..into.len() - 1]
            .chars()
            .last()
            .is_some_and(char::is_alphabetic);
    if !into.is_empty() && !hyphenated {
        into.push(' ');
    }
    into.push_str(more);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_are_read_without_accents_case_or_numbers() {
        for (text, section) in [
            ("Synthese", Section::Synthesis),
            ("SYNTHÈSE", Section::Synthesis),
            ("Éléments importants de la discussion", Section::Discussion),
            ("Eléments importants de la discussion", Section::Discussion),
            ("Idées a creuser", Section::Ideas),
            ("Ideas to explore", Section::Ideas),
            ("3 grandes briques", Section::Blocks),
            ("Porteur·se", Section::Lead),
            ("Animé par", Section::Lead),
            ("Référent·e", Section::Lead),
            ("2. Question", Section::Question),
            ("Key points of the discussion", Section::Discussion),
        ] {
            assert_eq!(heading(&fold(text)).map(|h| h.0), Some(section), "{text}");
        }
        assert_eq!(heading(&fold("Martin PREAUD")), None);
        for text in ["Fabrique de l'info", "Rubrique inconnue", "Débriquer"] {
            assert_eq!(heading(&fold(text)), None, "{text}");
        }
    }

    #[test]
    fn kind_labels_survive_ocr_slips() {
        for text in [
            "constat : x",
            "constat: x",
            "Constat - x",
            "c onstat : x",
            "CONSTAT :x",
        ] {
            assert_eq!(labelled(text), Some((Kind::Observation, "x")), "{text}");
        }
        assert_eq!(
            labelled("ressource : MOOC").map(|l| l.0),
            Some(Kind::Resource)
        );
        assert_eq!(labelled("Stake: y").map(|l| l.0), Some(Kind::Stake));
        assert_eq!(
            labelled("contexte/origine : z").map(|l| l.0),
            Some(Kind::Context)
        );
        assert_eq!(labelled("la charte : comment"), None);
        assert_eq!(first_word_kind("enjeu de portage"), Some(Kind::Stake));
    }

    #[test]
    fn bullets_are_families() {
        assert_eq!(bullet("« a"), Some(('«', 2)));
        assert_eq!(bullet("» a").map(|b| b.0), Some('«'));
        assert_eq!(bullet("- a"), Some(('-', 1)));
        assert_eq!(bullet("12. a"), Some(('1', 3)));
        assert_eq!(bullet("b) a"), Some(('1', 2)));
        assert_eq!(bullet("-2"), None);
        assert_eq!(bullet("*emphasis*"), None);
        assert_eq!(bullet("abc) x"), None);
    }

    #[test]
    fn broken_lines_join_back() {
        let mut s = "pratico-".to_string();
        join(&mut s, "pratique");
        assert_eq!(s, "pratico-pratique");
        let mut s = "en impliquant aussi la".to_string();
        join(&mut s, "  hiérarchie ");
        assert_eq!(s, "en impliquant aussi la hiérarchie");
        assert!(is_terminated("comment ?"));
        assert!(!is_terminated("(pour libérer du temps)"));
        assert!(continues_across_blank("pratico-", "pratique"));
        assert!(continues_across_blank("aussi la", "hiérarchie"));
        assert!(continues_across_blank("des outils,", "Des méthodes"));
        assert!(!continues_across_blank("Comment faire ?", "suite"));
        assert!(!continues_across_blank("aussi la", "Remarques diverses"));
        assert!(heading_like("Remarques diverses", ""));
        assert!(!heading_like("Remarques diverses", "suite"));
        assert!(!heading_like("hiérarchie", ""));
    }
}

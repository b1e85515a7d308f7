//! Notes → what they say: a pure reading, line by line, of headings,
//! fields, elements with their kinds and nesting, and lines to sort. Every
//! line of the text gets a `Place`, so nothing is dropped unseen.

use super::words::{self, Section};
use super::NotesError;
use crate::model::{Kind, Lang, MAX_DEPTH};

/// Why an element has its kind: said in the dry run, never guessed silently.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KindFrom {
    /// "constat : …"
    Label,
    /// "enjeu de portage…"
    FirstWord,
    /// A discussion element asking something.
    QuestionMark,
    /// The kind of the labelled line (or "Enjeux" sub-heading) above it:
    /// a label names the kind of a run of lines until another label.
    Run,
    /// The section's usual kind.
    Section,
    /// A line nothing recognised: to sort.
    ToSort,
}

/// One element of a list (or a line to sort), flat with its depth.
#[derive(Debug, Clone, PartialEq)]
pub struct Element {
    /// Where it starts (1-based).
    pub line: usize,
    pub depth: usize,
    pub kind: Kind,
    pub from: KindFrom,
    pub text: String,
    pub section: Section,
    indent: usize,
    /// Where its text starts after the bullet: a line indented to here
    /// continues it (Markdown's way).
    column: usize,
}

impl Element {
    pub fn to_sort(&self) -> bool {
        self.from == KindFrom::ToSort
    }
}

/// Where one line of the notes went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Blank,
    /// A heading, its underline or a rule: the shape of the notes.
    Heading(Section),
    /// Part of a session field (title, question, synthesis, lead…).
    Field(Section),
    /// Part of the element at this index (its first line or a broken one).
    Element(usize),
}

/// What a file of notes says.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Notes {
    /// The language the headings are written in, when they say.
    pub lang: Option<Lang>,
    pub title: String,
    pub question: String,
    pub context: String,
    pub synthesis: String,
    /// Building blocks: (title, text).
    pub blocks: Vec<(String, String)>,
    pub proposal: String,
    pub lead: String,
    pub participants: Vec<String>,
    pub elements: Vec<Element>,
    /// One per line of the text, in order.
    pub places: Vec<Place>,
}

/// Reads `text` (already decoded); `file` names it in errors.
pub fn parse(file: &str, text: &str) -> Result<Notes, NotesError> {
    let lines: Vec<&str> = text.lines().collect();
    if lines.iter().all(|l| l.trim().is_empty()) {
        return Err(NotesError::new(file, None, "notes.error.empty", &[]));
    }
    let mut p = Parser {
        notes: Notes::default(),
        section: Section::Preamble,
        stack: Vec::new(),
        last: None,
        votes: (0, 0),
        run: None,
    };
    let mut i = 0;
    while i < lines.len() {
        let next = lines.get(i + 1).map(|l| l.trim()).unwrap_or("");
        let consumed = p
            .line(lines[i], next)
            .map_err(|problem| NotesError::new(file, Some(i + 1), problem, &[]))?;
        i += consumed;
    }
    let (fr, en) = p.votes;
    p.notes.lang = match (fr, en) {
        (0, 0) => None,
        (fr, en) if fr >= en => Some(Lang::Fr),
        _ => Some(Lang::En),
    };
    Ok(p.notes)
}

/// A list line's bullet position: its indentation and bullet family.
type Marker = (usize, char);

struct Parser {
    notes: Notes,
    section: Section,
    /// The bullets open above the current line, outermost first.
    stack: Vec<Marker>,
    /// The element a broken line may continue.
    last: Option<usize>,
    /// Headings seen in French and in English.
    votes: (usize, usize),
    /// The kind that the last label or kind sub-heading gave the lines
    /// of the current list (see `KindFrom::Run`).
    run: Option<Kind>,
}

impl Parser {
    /// Reads one line (and the underline after it, when it has one);
    /// returns how many lines it used.
    fn line(&mut self, raw: &str, next: &str) -> Result<usize, &'static str> {
        let indent = raw
            .chars()
            .take_while(|c| c.is_whitespace())
            .map(|c| if c == '\t' { 4 } else { 1 })
            .sum::<usize>();
        let cleaned = crate::text::clean(raw, false);
        let text = cleaned.trim();
        if text.is_empty() {
            self.notes.places.push(Place::Blank);
            return Ok(1);
        }
        if is_rule(text) {
            self.notes.places.push(Place::Heading(self.section));
            return Ok(1);
        }
        if let Some(kind) = self.kind_heading(text) {
            // "Enjeux :" inside the discussion: the lines under it are stakes.
            self.stack.clear();
            self.last = None;
            self.run = Some(kind);
            self.notes.places.push(Place::Heading(self.section));
            return Ok(1);
        }
        if let Some((section, underlined)) = self.heading(text, next) {
            let words = text.trim_start_matches('#').trim();
            if section == Section::Unknown && self.is_untitled() {
                // An unknown first heading ("# Atelier 5") is the title.
                self.notes.title = words.to_string();
                self.notes.places.push(Place::Field(Section::Title));
                self.section = Section::Preamble;
            } else if section == Section::Unknown {
                // Its words are kept with what it holds: to sort.
                self.open(section);
                self.set_aside(indent, None, words);
            } else {
                self.open(section);
                self.notes.places.push(Place::Heading(section));
            }
            if underlined {
                self.notes.places.push(Place::Heading(section));
                return Ok(2);
            }
            return Ok(1);
        }
        let bullet = words::bullet(text);
        if bullet.is_none() {
            if let Some((section, value)) = self.inline_field(text) {
                self.open(section);
                self.content(indent, None, value)?;
                return Ok(1);
            }
        }
        if bullet.is_none() && self.breaks_off(text, next) {
            // Not the paragraph before it: a heading we do not know, or a
            // new paragraph where one ended. Kept, to sort, with what follows.
            self.open(Section::Unknown);
            self.set_aside(indent, None, text);
            return Ok(1);
        }
        let body = match bullet {
            Some((_, at)) => text[at..].trim(),
            None => text,
        };
        let column = indent + text.chars().count() - body.chars().count();
        self.content(indent, bullet.map(|b| (b.0, column)), body)?;
        Ok(1)
    }

    /// Whether a line without a bullet leaves the paragraph, the block or
    /// the element before it: a short heading-like line does (unless the
    /// line before clearly goes on), and in a field so does a line after a
    /// blank one that the paragraph does not clearly continue.
    fn breaks_off(&self, text: &str, next: &str) -> bool {
        let n = &self.notes;
        let field = matches!(
            self.section,
            Section::Question | Section::Context | Section::Synthesis | Section::Proposal
        );
        let before: &str = match self.section {
            Section::Question => &n.question,
            Section::Context => &n.context,
            Section::Synthesis => &n.synthesis,
            Section::Proposal => &n.proposal,
            Section::Blocks => n
                .blocks
                .last()
                .map_or("", |(t, b)| if b.is_empty() { t } else { b }),
            s if s.is_list() => self.last.map_or("", |i| &n.elements[i].text),
            _ => return false,
        };
        let before = before.trim_end();
        if before.is_empty() || before.ends_with(['-', ',']) {
            return false;
        }
        // A line right under an unfinished one is the page breaking it.
        let stands_alone = self.after_blank() || words::is_terminated(before);
        if stands_alone && words::heading_like(text, next) {
            return true;
        }
        field && self.after_blank() && !words::continues_across_blank(before, text)
    }

    fn after_blank(&self) -> bool {
        matches!(self.notes.places.last(), Some(Place::Blank))
    }

    fn is_untitled(&self) -> bool {
        self.notes.title.is_empty() && self.notes.elements.is_empty()
    }

    /// A heading: `# …`, a line underlined with `===` or `---`, or a line
    /// (with or without a closing colon) that is a heading we know.
    fn heading(&mut self, text: &str, next: &str) -> Option<(Section, bool)> {
        let marked = text.starts_with('#') && {
            let rest = text.trim_start_matches('#');
            rest.is_empty() || rest.starts_with(' ')
        };
        let underlined = words::bullet(text).is_none()
            && next.len() >= 3
            && (next.chars().all(|c| c == '=') || next.chars().all(|c| c == '-'));
        let folded = words::fold(text.trim_end_matches([':', ' ']));
        let known = (text.chars().count() <= 80)
            .then(|| words::heading(&folded))
            .flatten();
        if let Some((_, lang)) = known {
            match lang {
                Lang::Fr => self.votes.0 += 1,
                Lang::En => self.votes.1 += 1,
            }
        }
        let plain_known = known.is_some() && words::bullet(text).is_none();
        match (known, marked || underlined) {
            (Some((section, _)), true) => Some((section, underlined)),
            (Some((section, _)), false) if plain_known => Some((section, false)),
            (None, true) => Some((Section::Unknown, underlined)),
            _ => None,
        }
    }

    /// "Porteuse : Florence Mensah", "Participants : A, B", "Titre : …":
    /// a field's label and its value on one line. In a list, a kind label
    /// ("question : …") is an element instead.
    fn inline_field<'t>(&mut self, text: &'t str) -> Option<(Section, &'t str)> {
        let (label, value) = text.split_once(':')?;
        let value = words::unmarked(value);
        if value.is_empty() || label.chars().count() > 40 {
            return None;
        }
        let (section, _) = words::heading(&words::fold(label))?;
        let is_kind = words::label_kind(label).is_some();
        let fits = match section {
            Section::Title | Section::Lead | Section::Participants => true,
            Section::Question | Section::Context | Section::Synthesis | Section::Proposal => {
                !(is_kind && self.section.is_list())
            }
            _ => false,
        };
        fits.then_some((section, value))
    }

    fn open(&mut self, section: Section) {
        self.section = section;
        self.stack.clear();
        self.last = None;
        self.run = None;
    }

    /// A line in a list that only names a kind ("Enjeux :", "## Stakes",
    /// "**Questions**"): a sub-heading giving its kind to the lines below.
    fn kind_heading(&self, text: &str) -> Option<Kind> {
        if !self.section.is_list() || words::bullet(text).is_some() {
            return None;
        }
        let bare = text.trim_start_matches('#').trim_end_matches([':', ' ']);
        let bare = bare.trim_matches(['*', '_', ' ']);
        let kind = words::label_kind(bare)?;
        // "Ressources" after the discussion opens its own section.
        let opens = words::heading(&words::fold(bare)).map(|h| h.0);
        let here = opens.is_none_or(|s| s == self.section);
        (here && natural(self.section, kind)).then_some(kind)
    }

    /// A line of content in the current section.
    fn content(
        &mut self,
        indent: usize,
        bullet: Option<(char, usize)>,
        text: &str,
    ) -> Result<(), &'static str> {
        let n = &mut self.notes;
        let field = Place::Field(self.section);
        match self.section {
            Section::Preamble | Section::Title if n.title.is_empty() => {
                n.title = text.to_string();
                n.places.push(Place::Field(Section::Title));
            }
            Section::Question | Section::Context if bullet.is_none() => {
                let into = match self.section {
                    Section::Question => &mut n.question,
                    _ => &mut n.context,
                };
                words::join(into, text);
                n.places.push(field);
            }
            Section::Synthesis if bullet.is_none() => {
                words::join(&mut n.synthesis, text);
                n.places.push(field);
            }
            Section::Synthesis | Section::Blocks => {
                self.section = Section::Blocks;
                block(n, bullet.is_some(), text);
                n.places.push(Place::Field(Section::Blocks));
            }
            Section::Proposal => {
                words::join(&mut n.proposal, text);
                n.places.push(field);
            }
            Section::Lead => {
                if !n.lead.is_empty() {
                    n.lead.push_str(", ");
                }
                n.lead.push_str(text);
                n.places.push(field);
            }
            Section::Participants if looks_like_names(text) => {
                n.participants.extend(
                    text.split([',', ';'])
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(String::from),
                );
                n.places.push(field);
            }
            s if s.is_list() || matches!(s, Section::Question | Section::Context) => {
                self.element(indent, bullet, text)?;
            }
            _ => self.set_aside(indent, bullet, text),
        }
        Ok(())
    }

    /// A line nothing here recognises: kept as it was written, to sort.
    fn set_aside(&mut self, indent: usize, bullet: Option<(char, usize)>, text: &str) {
        let n = &mut self.notes;
        let line = n.places.len() + 1;
        n.places.push(Place::Element(n.elements.len()));
        let written = match bullet {
            Some((b, _)) if b != '1' && b != '«' => format!("{b} {text}"),
            _ => text.to_string(),
        };
        n.elements.push(Element {
            line,
            depth: 0,
            kind: Kind::Context,
            from: KindFrom::ToSort,
            text: written,
            section: self.section,
            indent,
            column: indent,
        });
    }

    /// An element of a list, or the rest of one the page broke.
    fn element(
        &mut self,
        indent: usize,
        bullet: Option<(char, usize)>,
        text: &str,
    ) -> Result<(), &'static str> {
        let labelled = words::labelled(text);
        let after_blank = self.after_blank();
        let n = &mut self.notes;
        if bullet.is_none() && labelled.is_none() {
            if let Some(last) = self.last {
                let e = &mut n.elements[last];
                let aligned = indent == 0 || indent == e.column;
                let goes_on = if after_blank {
                    words::continues_across_blank(&e.text, text)
                } else {
                    !words::is_terminated(&e.text)
                };
                if aligned && goes_on || e.text.is_empty() {
                    words::join(&mut e.text, text);
                    n.places.push(Place::Element(last));
                    return Ok(());
                }
            }
        }
        let marker: Marker = (indent, bullet.map_or(' ', |b| b.0));
        let depth = match (labelled, self.stack.last()) {
            // A labelled element with a bullet not seen yet stands on its
            // own at the top, unless it is indented under something.
            (Some(_), Some(&(top, _))) if indent <= top && !self.stack.contains(&marker) => {
                self.stack.truncate(1);
                0
            }
            _ => nest(&mut self.stack, marker),
        };
        if depth > MAX_DEPTH {
            return Err("notes.error.too_deep");
        }
        let run = self.run.filter(|_| depth == 0);
        let (kind, from, text) = match labelled {
            Some((kind, "")) => (kind, KindFrom::Label, text),
            Some((kind, rest)) => (kind, KindFrom::Label, rest),
            None => match words::first_word_kind(text).filter(|k| natural(self.section, *k)) {
                Some(kind) => (kind, KindFrom::FirstWord, text),
                None if self.section == Section::Discussion && text.contains('?') => {
                    (Kind::Question, KindFrom::QuestionMark, text)
                }
                None => match run {
                    Some(kind) => (kind, KindFrom::Run, text),
                    None => (self.section.default_kind(), KindFrom::Section, text),
                },
            },
        };
        if depth == 0 && matches!(from, KindFrom::Label | KindFrom::FirstWord) {
            // A question asked or a resource cited in passing does not end
            // a run of stakes; any other label starts its own run.
            if !matches!(kind, Kind::Question | Kind::Resource) {
                self.run = natural(self.section, kind).then_some(kind);
            }
        }
        let line = n.places.len() + 1;
        self.last = Some(n.elements.len());
        n.places.push(Place::Element(n.elements.len()));
        n.elements.push(Element {
            line,
            depth,
            kind,
            from,
            text: text.to_string(),
            section: self.section,
            indent,
            column: bullet.map_or(indent, |b| b.1),
        });
        Ok(())
    }
}

/// The depth of a list line: back to the level of the same bullet at the
/// same indentation when one is open, else one level below the line
/// before (a deeper indentation or a different bullet is a sub-point).
fn nest(stack: &mut Vec<Marker>, marker: Marker) -> usize {
    while stack.last().is_some_and(|&(indent, _)| indent > marker.0) {
        stack.pop();
    }
    if let Some(at) = stack.iter().rposition(|m| *m == marker) {
        stack.truncate(at + 1);
        return at;
    }
    stack.push(marker);
    stack.len() - 1
}

/// Kinds a first word may give in a section (never one that would move
/// the element to another stage).
fn natural(section: Section, kind: Kind) -> bool {
    match section {
        Section::Discussion => matches!(
            kind,
            Kind::Observation | Kind::Stake | Kind::Question | Kind::Resource
        ),
        Section::Ideas => matches!(kind, Kind::Idea | Kind::Question | Kind::Resource),
        _ => false,
    }
}

/// A building block: "title : text", "title = text" or "title (text)";
/// a line without a bullet continues the last one unless it ended.
fn block(n: &mut Notes, bulleted: bool, text: &str) {
    if let Some((title, body)) = n.blocks.last_mut() {
        let open = if body.is_empty() { &*title } else { &*body };
        if !bulleted && !words::is_terminated(open) {
            let into = if body.is_empty() { title } else { body };
            words::join(into, text);
            return;
        }
    }
    let split = [" : ", ":", " = "]
        .iter()
        .filter_map(|sep| text.find(sep).map(|at| (at, sep.len())))
        .min();
    let (title, body) = match split {
        Some((at, len)) => (text[..at].trim(), text[at + len..].trim()),
        None => match text.strip_suffix(')').and_then(|t| t.rsplit_once('(')) {
            Some((title, body)) if !title.trim().is_empty() => (title.trim(), body.trim()),
            _ => (text, ""),
        },
    };
    n.blocks.push((title.to_string(), body.to_string()));
}

/// A roster line: short names, no sentence.
fn looks_like_names(text: &str) -> bool {
    text.chars().count() <= 120
        && !text.contains(':')
        && !words::is_terminated(text)
        && text
            .split([',', ';'])
            .all(|name| name.split_whitespace().count() <= 5)
}

/// "---", "***", "___": a Markdown rule.
fn is_rule(text: &str) -> bool {
    let squeezed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    squeezed.len() >= 3
        && ["-", "*", "_", "="]
            .iter()
            .any(|c| squeezed.chars().all(|x| x.to_string() == *c))
}

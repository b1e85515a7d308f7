//! The parser on small notes: where each line goes.

use super::parse::{parse, KindFrom, Place};
use super::words::Section;
use crate::model::{Kind, MAX_DEPTH};

fn depths(text: &str) -> Vec<(usize, String)> {
    let notes = parse("t", text).unwrap();
    notes
        .elements
        .iter()
        .map(|e| (e.depth, e.text.clone()))
        .collect()
}

#[test]
fn indentation_and_bullet_changes_make_sub_points() {
    let text = "Ideas\n- a\n  - a1\n    * a11\n  - a2\n- b\n* b1\n- c\n1. c1\n2. c2\n";
    let got = depths(text);
    let want = [
        (0, "a"),
        (1, "a1"),
        (2, "a11"),
        (1, "a2"),
        (0, "b"),
        (1, "b1"),
        (0, "c"),
        (1, "c1"),
        (1, "c2"),
    ];
    let want: Vec<(usize, String)> = want.iter().map(|(d, t)| (*d, t.to_string())).collect();
    assert_eq!(got, want);
}

#[test]
fn broken_lines_join_and_finished_ones_do_not() {
    let text = "Discussion\n« constat : one two\nthree\n\n\n\nfour\n« ends here.\nnew line\n";
    let notes = parse("t", text).unwrap();
    let texts: Vec<&str> = notes.elements.iter().map(|e| e.text.as_str()).collect();
    assert_eq!(texts, ["one two three four", "ends here.", "new line"]);
    assert_eq!(notes.elements[0].kind, Kind::Observation);
    assert_eq!(notes.elements[0].from, KindFrom::Label);
    assert_eq!(
        notes.places[2],
        Place::Element(0),
        "line 3 joined to line 2"
    );
}

#[test]
fn kinds_come_from_labels_first_words_and_question_marks_never_silently() {
    let notes = parse(
        "t",
        "Discussion\n- Enjeu - a\n- enjeu de b\n- why c?\n- d\n- idée : e\n",
    )
    .unwrap();
    let got: Vec<(Kind, KindFrom)> = notes.elements.iter().map(|e| (e.kind, e.from)).collect();
    assert_eq!(
        got,
        [
            (Kind::Stake, KindFrom::Label),
            (Kind::Stake, KindFrom::FirstWord),
            (Kind::Question, KindFrom::QuestionMark),
            (Kind::Stake, KindFrom::Run),
            (Kind::Idea, KindFrom::Label),
        ]
    );
}

fn kinds(text: &str) -> Vec<(String, usize, Kind, KindFrom)> {
    let notes = parse("t", text).unwrap();
    notes
        .elements
        .iter()
        .map(|e| (e.text.clone(), e.depth, e.kind, e.from))
        .collect()
}

#[test]
fn a_label_gives_its_kind_to_the_unlabelled_lines_after_it() {
    // Questions and resources in between do not end the run; a sub-point
    // keeps its own kind; another label ends it, a context label too.
    let text = "Discussion\n- a\n- enjeu : b\n- c ?\n- ressource : d\n- e\n  - e1\n\
                - constat : f\n- g\n- contexte : h\n- i\n";
    let want = [
        ("a", 0, Kind::Observation, KindFrom::Section),
        ("b", 0, Kind::Stake, KindFrom::Label),
        ("c ?", 0, Kind::Question, KindFrom::QuestionMark),
        ("d", 0, Kind::Resource, KindFrom::Label),
        ("e", 0, Kind::Stake, KindFrom::Run),
        ("e1", 1, Kind::Observation, KindFrom::Section),
        ("f", 0, Kind::Observation, KindFrom::Label),
        ("g", 0, Kind::Observation, KindFrom::Run),
        ("h", 0, Kind::Context, KindFrom::Label),
        ("i", 0, Kind::Observation, KindFrom::Section),
    ];
    let want: Vec<_> = want
        .iter()
        .map(|(t, d, k, f)| (t.to_string(), *d, *k, *f))
        .collect();
    assert_eq!(kinds(text), want);
}

#[test]
fn a_kind_sub_heading_gives_its_kind_to_the_lines_under_it() {
    let text = "Discussion\n- a\nEnjeux :\n- b\n- c\n## Questions\n- d\n**Constats**\n- e\n\
                Ressources\n- f\n";
    let notes = parse("t", text).unwrap();
    let got: Vec<_> = notes.elements.iter().map(|e| (e.kind, e.from)).collect();
    assert_eq!(
        got,
        [
            (Kind::Observation, KindFrom::Section),
            (Kind::Stake, KindFrom::Run),
            (Kind::Stake, KindFrom::Run),
            (Kind::Question, KindFrom::Run),
            (Kind::Observation, KindFrom::Run),
            (Kind::Resource, KindFrom::Section),
        ]
    );
    assert_eq!(notes.places[2], Place::Heading(Section::Discussion));
    // "Ressources" is a section of its own, not a sub-heading.
    assert_eq!(notes.places[9], Place::Heading(Section::Resources));
    assert_eq!(notes.elements[5].section, Section::Resources);
}

#[test]
fn every_line_gets_a_place_and_unknown_ones_go_to_sort() {
    let text = "My title\nstray line\n\n## Odd heading\nsomething\n\nLead: Ana\nParticipants\nBo, Cy\nA very long sentence that is not a roster of names at all, is it.\n";
    let notes = parse("t", text).unwrap();
    assert_eq!(notes.places.len(), text.lines().count());
    assert_eq!(notes.title, "My title");
    assert_eq!(notes.lead, "Ana");
    assert_eq!(notes.participants, ["Bo", "Cy"]);
    let to_sort: Vec<&str> = notes
        .elements
        .iter()
        .filter(|e| e.to_sort())
        .map(|e| e.text.as_str())
        .collect();
    assert_eq!(
        to_sort,
        [
            "stray line",
            "Odd heading",
            "something",
            "A very long sentence that is not a roster of names at all, is it."
        ]
    );
    assert_eq!(notes.places[7], Place::Heading(Section::Participants));
}

#[test]
fn headings_in_every_form() {
    let text = "# Title here\n\nSYNTHÈSE\nsome text\n\nQuestion :\nwhy\n\nIdeas\n=====\n- x\n";
    let notes = parse("t", text).unwrap();
    assert_eq!(notes.title, "Title here");
    assert_eq!(notes.synthesis, "some text");
    assert_eq!(notes.question, "why");
    assert_eq!(notes.elements[0].kind, Kind::Idea);
    assert_eq!(
        notes.places[9],
        Place::Heading(Section::Ideas),
        "the underline"
    );
}

#[test]
fn ten_thousand_levels_stop_at_the_first_one_too_deep() {
    let mut text = String::from("Ideas\n");
    for i in 0..10_000 {
        text.push_str(&" ".repeat(i));
        text.push_str("- x\n");
    }
    let e = parse("deep.txt", &text).unwrap_err();
    assert_eq!(e.line, Some(MAX_DEPTH + 3));
    assert_eq!(e.key, "notes.error.too_deep");
    let fine: String = (0..=MAX_DEPTH)
        .map(|i| format!("{}- x\n", " ".repeat(i)))
        .collect();
    assert!(parse("t", &format!("Ideas\n{fine}")).is_ok());
}

#[test]
fn an_empty_file_is_refused() {
    assert_eq!(parse("e", " \n\t\n").unwrap_err().key, "notes.error.empty");
}

#[test]
fn a_heading_containing_brique_is_not_the_building_blocks() {
    let text =
        "Titre X\n\nQuestion\n\nComment faire ?\n\nFabrique de l'info\n\nune ligne hors de tout.\n";
    let notes = parse("t", text).unwrap();
    assert!(notes.blocks.is_empty(), "{:?}", notes.blocks);
    assert_eq!(notes.question, "Comment faire ?");
    let to_sort: Vec<&str> = notes
        .elements
        .iter()
        .filter(|e| e.to_sort())
        .map(|e| e.text.as_str())
        .collect();
    assert_eq!(to_sort, ["Fabrique de l'info", "une ligne hors de tout."]);
}

#[test]
fn a_paragraph_ends_at_its_punctuation_and_before_an_unknown_heading() {
    let text = "Titre X\n\nQuestion\n\nComment faire ?\n\nOn a parlé de tout.\n\n\
                Remarques diverses\n\nune remarque\n";
    let notes = parse("t", text).unwrap();
    assert_eq!(notes.question, "Comment faire ?");
    let to_sort: Vec<&str> = notes
        .elements
        .iter()
        .filter(|e| e.to_sort())
        .map(|e| e.text.as_str())
        .collect();
    assert_eq!(
        to_sort,
        ["On a parlé de tout.", "Remarques diverses", "une remarque"]
    );
    let text = "Idées à creuser\n- une idée sans fin\n\nDivers\n\nautre chose\n";
    let notes = parse("t", text).unwrap();
    let texts: Vec<(&str, bool)> = notes
        .elements
        .iter()
        .map(|e| (e.text.as_str(), e.to_sort()))
        .collect();
    assert_eq!(
        texts,
        [
            ("une idée sans fin", false),
            ("Divers", true),
            ("autre chose", true)
        ]
    );
}

//! `update` for every action, on a real database: what the facilitator
//! does and what ends up committed.

use crate::common;

use atelier::model::{Kind, Lang, SessionStatus};
use atelier::store::Store;
use atelier::tui::action::Action;
use atelier::tui::app::App;
use atelier::tui::keymap::Context;
use atelier::tui::popup::Popup;
use atelier::tui::screens::run::Focus;
use atelier::tui::screens::{home::HomeState, review::ReviewState, run, synthesis::SynthesisState};
use atelier::tui::widgets::editor::text_of;
use common::tui::{act, app, editor_text, key, live_texts, run, running, say, store, type_text};
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

#[test]
fn opening_a_draft_session_starts_the_first_stage() {
    let (_d, app) = running();
    let r = run(&app);
    assert_eq!(r.flow.current, 0);
    assert!(r.data.stages[0].started_at().is_some());
    assert_eq!(r.data.session.status, SessionStatus::Running);
    assert_eq!(r.focus, Focus::Input);
    assert_eq!(app.context(), run::INPUT);
}

#[test]
fn submit_records_with_participant_and_kind() {
    let (_d, mut app) = running();
    act(&mut app, Action::Participant(2));
    act(&mut app, Action::CycleKind);
    say(&mut app, "We need time for this");
    let r = run(&app);
    let c = r.data.live().next().unwrap();
    assert_eq!(c.text, "We need time for this");
    assert_eq!(
        r.data.participant(c.participant_id.unwrap()).unwrap().name,
        "Bo"
    );
    assert_eq!(c.kind, Kind::Question, "Tab moved from context to question");
    assert!(r.participant.is_none(), "the speaker resets to the group");
    assert_eq!(
        r.kind,
        Kind::Context,
        "the kind resets to the stage's first"
    );
    assert!(app.core.status.as_ref().unwrap().text.contains("Recorded"));
    // Committed: a second connection sees it.
    let other = Store::open(store(&app).path()).unwrap();
    assert_eq!(other.load(r.session_id()).unwrap().live().count(), 1);
}

#[test]
fn empty_submit_records_nothing_and_unknown_participant_is_refused() {
    let (_d, mut app) = running();
    act(&mut app, Action::Submit);
    assert!(live_texts(&app).is_empty());
    act(&mut app, Action::Participant(9));
    assert!(app
        .core
        .status
        .as_ref()
        .unwrap()
        .text
        .contains("No participant number 9"));
    assert!(run(&app).participant.is_none());
}

#[test]
fn newline_and_text_undo_redo_in_the_input() {
    let (_d, mut app) = running();
    type_text(&mut app, "one");
    act(&mut app, Action::Newline);
    type_text(&mut app, "two");
    act(&mut app, Action::UndoText);
    act(&mut app, Action::RedoText);
    act(&mut app, Action::Submit);
    assert_eq!(live_texts(&app), ["one\ntwo"]);
}

#[test]
fn stage_moves_record_start_and_end() {
    let (_d, mut app) = running();
    act(&mut app, Action::NextStage);
    let r = run(&app);
    assert_eq!(r.flow.current, 1);
    assert!(r.data.stages[0].ended_at().is_some());
    assert!(r.data.stages[1].started_at().is_some());
    act(&mut app, Action::PrevStage);
    assert_eq!(run(&app).flow.current, 0);
    assert!(run(&app).data.stages[1].ended_at().is_some());
    for _ in 0..3 {
        act(&mut app, Action::NextStage);
    }
    act(&mut app, Action::NextStage);
    assert!(
        matches!(app.core.popup, Some(Popup::Confirm { .. })),
        "asks to end"
    );
    act(&mut app, Action::Yes);
    assert!(app.screen_as::<ReviewState>().is_some());
    let id = app.screen_as::<ReviewState>().unwrap().data.session.id;
    assert_eq!(
        store(&app).session(id).unwrap().status,
        SessionStatus::Closed
    );
}

#[test]
fn edit_delete_undo_restore() {
    let (_d, mut app) = running();
    say(&mut app, "first");
    say(&mut app, "second");
    act(&mut app, Action::Back);
    assert_eq!(run(&app).focus, Focus::List);
    act(&mut app, Action::Up);
    act(&mut app, Action::Edit);
    assert_eq!(run(&app).focus, Focus::Input);
    type_text(&mut app, " (edited)");
    act(&mut app, Action::Submit);
    assert_eq!(live_texts(&app), ["first (edited)", "second"]);
    let id = run(&app).selected_id().unwrap();
    assert_eq!(store(&app).revisions(id).unwrap()[0].text, "first");
    act(&mut app, Action::Undo);
    assert_eq!(live_texts(&app), ["first", "second"]);
    act(&mut app, Action::Delete);
    assert_eq!(live_texts(&app), ["second"]);
    act(&mut app, Action::Undo);
    assert_eq!(live_texts(&app), ["first", "second"]);
    act(&mut app, Action::Delete);
    act(&mut app, Action::RestoreDeleted);
    assert_eq!(app.context(), Context::PICKER);
    act(&mut app, Action::Confirm);
    assert_eq!(live_texts(&app), ["first", "second"]);
}

#[test]
fn restoring_from_another_stage_goes_there_as_stepping_would() {
    let (_d, mut app) = running();
    say(&mut app, "said in the first stage");
    act(&mut app, Action::Back);
    act(&mut app, Action::Delete);
    act(&mut app, Action::NextStage);
    act(&mut app, Action::NextStage);
    assert_eq!(run(&app).flow.current, 2);
    act(&mut app, Action::RestoreDeleted);
    act(&mut app, Action::Confirm);
    let r = run(&app);
    assert_eq!(r.flow.current, 0, "shown where it lives");
    assert_eq!(live_texts(&app), ["said in the first stage"]);
    let stages = &r.data.stages;
    assert!(
        stages[2].ended_at().is_some(),
        "the stage left is recorded as left"
    );
    assert!(
        stages[0].ended_at().is_none(),
        "the stage entered runs again"
    );
}

#[test]
fn indent_outdent_and_move() {
    let (_d, mut app) = running();
    say(&mut app, "a");
    say(&mut app, "b");
    say(&mut app, "c");
    act(&mut app, Action::Back);
    act(&mut app, Action::Indent);
    let r = run(&app);
    let c = r.contribution(r.selected_id().unwrap()).unwrap();
    assert_eq!(c.text, "c");
    assert!(c.parent_id.is_some());
    act(&mut app, Action::Outdent);
    let r = run(&app);
    assert!(r
        .contribution(r.selected_id().unwrap())
        .unwrap()
        .parent_id
        .is_none());
    act(&mut app, Action::MoveUp);
    assert_eq!(live_texts(&app), ["a", "c", "b"]);
    act(&mut app, Action::MoveDown);
    assert_eq!(live_texts(&app), ["a", "b", "c"]);
    act(&mut app, Action::Undo);
    assert_eq!(live_texts(&app), ["a", "c", "b"]);
}

#[test]
fn kind_who_and_stage_pickers() {
    let (_d, mut app) = running();
    say(&mut app, "x");
    act(&mut app, Action::Back);
    act(&mut app, Action::CycleKind);
    let kind = |app: &App| run(app).data.live().next().unwrap().kind;
    assert_eq!(kind(&app), Kind::Question);
    act(&mut app, Action::PrevKind);
    assert_eq!(kind(&app), Kind::Context);
    act(&mut app, Action::SetWho);
    assert_eq!(app.context(), Context::PICKER);
    key(&mut app, KeyCode::Char('3'), KeyModifiers::NONE);
    let r = run(&app);
    let who = r.data.live().next().unwrap().participant_id.unwrap();
    assert_eq!(r.data.participant(who).unwrap().name, "Cy");
    act(&mut app, Action::MoveToStage);
    act(&mut app, Action::Down);
    act(&mut app, Action::Confirm);
    let r = run(&app);
    assert_eq!(r.data.live().next().unwrap().stage_id, r.data.stages[1].id);
    assert!(r.rows.is_empty(), "gone from this stage's list");
}

#[test]
fn participant_picker_filters_by_typing() {
    let (_d, mut app) = running();
    act(&mut app, Action::PickParticipant);
    type_text(&mut app, "bo");
    act(&mut app, Action::Confirm);
    let r = run(&app);
    assert_eq!(
        r.data.participant(r.participant.unwrap()).unwrap().name,
        "Bo"
    );
}

#[test]
fn stage_notes_are_saved() {
    let (_d, mut app) = running();
    act(&mut app, Action::Back);
    act(&mut app, Action::Notes);
    type_text(&mut app, "Start with Cy");
    act(&mut app, Action::Submit);
    assert_eq!(run(&app).data.stages[0].notes, "Start with Cy");
}

#[test]
fn quitting_with_typed_text_asks_first_and_keeps_a_draft() {
    let (_d, mut app) = running();
    type_text(&mut app, "half a sentence");
    act(&mut app, Action::Quit);
    assert!(!app.core.quit);
    assert!(matches!(app.core.popup, Some(Popup::Confirm { .. })));
    act(&mut app, Action::No);
    assert!(!app.core.quit);
    act(&mut app, Action::Back);
    act(&mut app, Action::Back);
    assert!(app.screen_as::<HomeState>().is_some());
    // Quitting from home says where the draft waits.
    act(&mut app, Action::Quit);
    match &app.core.popup {
        Some(Popup::Confirm { message, .. }) => {
            assert!(message.contains("draft in “Test”"), "{message}")
        }
        _ => panic!("home asks before quitting with a draft kept"),
    }
    act(&mut app, Action::No);
    assert!(!app.core.quit);
    act(&mut app, Action::Open);
    assert!(run(&app).has_text(), "the draft came back");
    act(&mut app, Action::Quit);
    act(&mut app, Action::Yes);
    assert!(app.core.quit);
}

#[test]
fn editing_an_item_puts_the_unsent_text_aside_and_gives_it_back() {
    let (_d, mut app) = running();
    say(&mut app, "Recorded item");
    type_text(&mut app, "half a sentence");
    act(&mut app, Action::Back);
    // Edit, then cancel: the unsent text is back in the box.
    act(&mut app, Action::Edit);
    assert_eq!(text_of(&run(&app).input), "Recorded item");
    act(&mut app, Action::Back);
    assert_eq!(text_of(&run(&app).input), "half a sentence");
    // An edit with changes is not dropped on one key: Esc asks.
    act(&mut app, Action::Edit);
    type_text(&mut app, " changed");
    act(&mut app, Action::Back);
    assert!(matches!(app.core.popup, Some(Popup::Confirm { .. })));
    act(&mut app, Action::No);
    assert_eq!(text_of(&run(&app).input), "Recorded item changed");
    act(&mut app, Action::Back);
    act(&mut app, Action::Yes);
    assert_eq!(live_texts(&app), ["Recorded item"]);
    assert_eq!(text_of(&run(&app).input), "half a sentence");
    // Edit, then save: the item changes and the unsent text is back.
    act(&mut app, Action::Edit);
    type_text(&mut app, " (edited)");
    act(&mut app, Action::Submit);
    assert_eq!(live_texts(&app), ["Recorded item (edited)"]);
    assert_eq!(text_of(&run(&app).input), "half a sentence");
    // Leaving mid-edit keeps the text put aside as the session's draft,
    // and quitting asks first.
    act(&mut app, Action::Edit);
    act(&mut app, Action::Quit);
    assert!(matches!(app.core.popup, Some(Popup::Confirm { .. })));
    act(&mut app, Action::No);
    app.save_drafts();
    let session = run(&app).session_id();
    let reopened = run::RunState::open(&mut app.core, session).unwrap();
    assert_eq!(text_of(&reopened.input), "half a sentence");
}

#[test]
fn help_opens_and_closes() {
    let (_d, mut app) = running();
    act(&mut app, Action::Help);
    assert_eq!(app.context(), Context::HELP);
    act(&mut app, Action::Down);
    act(&mut app, Action::Back);
    assert_eq!(app.context(), run::INPUT);
}

/// The help overlay scrolls by the page keys, and Home and End jump to
/// its ends (the keys as pressed, through the keymap): on a 80×24
/// terminal, the run list's last keys, off-screen at first, can be read,
/// and a long description wraps instead of being cut at the border.
#[test]
fn help_scrolls_by_page_and_to_its_ends() {
    let (_d, mut app) = running();
    act(&mut app, Action::Back);
    act(&mut app, Action::Help);
    let draw = |app: &mut App| {
        let shown = common::tui::screen(app, 80, 24);
        let offset = app.core.help.as_ref().map(|h| h.offset.get());
        (shown, offset)
    };
    let (first, offset) = draw(&mut app);
    assert_eq!(offset, Some(0));
    let last_key = "Ctrl+C  quit";
    let wrapped = "network join with a QR code";
    assert!(!first.contains(last_key), "off-screen at first:\n{first}");
    assert!(!first.contains(wrapped), "{first}");

    key(&mut app, KeyCode::End, KeyModifiers::NONE);
    let (end, last) = draw(&mut app);
    let last = last.unwrap();
    assert!(end.contains(last_key), "{end}");
    assert!(end.contains(wrapped), "the room's key, whole:\n{end}");
    let page = app.core.help.as_ref().unwrap().page.get();
    assert!(
        page >= 10 && last > page,
        "more than a page: {last} > {page}"
    );

    key(&mut app, KeyCode::PageUp, KeyModifiers::NONE);
    assert_eq!(draw(&mut app).1, Some(last - page));
    key(&mut app, KeyCode::Home, KeyModifiers::NONE);
    let (top, offset) = draw(&mut app);
    assert_eq!((offset, &top), (Some(0), &first));
    key(&mut app, KeyCode::PageDown, KeyModifiers::NONE);
    let (next, offset) = draw(&mut app);
    assert_eq!(offset, Some(page));
    // A page on starts at the row after the last one shown before.
    let range = format!("({}–{}/", page + 1, 2 * page);
    assert!(next.contains(&range), "{range}:\n{next}");
}

#[test]
fn esc_in_an_editor_with_typed_text_asks_before_dropping_it() {
    let (_d, mut app) = running();
    act(&mut app, Action::Back);
    act(&mut app, Action::Synthesis);
    act(&mut app, Action::Edit);
    type_text(&mut app, "Une synthèse longue à écrire");
    act(&mut app, Action::Back);
    let shown = common::tui::screen(&app, 80, 24);
    assert!(shown.contains("lose what you typed"), "{shown}");
    // No: the editor comes back with every character.
    act(&mut app, Action::No);
    assert_eq!(
        editor_text(&app).as_deref(),
        Some("Une synthèse longue à écrire")
    );
    // Yes: closed, nothing saved.
    act(&mut app, Action::Back);
    act(&mut app, Action::Yes);
    assert_eq!(editor_text(&app), None);
    let id = app.screen_as::<SynthesisState>().unwrap().data.session.id;
    assert!(app.core.store.synthesis(id).unwrap().is_empty());
    // An editor left as it opened closes on Esc at once.
    act(&mut app, Action::Edit);
    act(&mut app, Action::Back);
    assert_eq!(editor_text(&app), None);
    assert!(!common::tui::screen(&app, 80, 24).contains("lose what you typed"));
}

#[test]
fn synthesis_is_written_and_picked() {
    let (_d, mut app) = running();
    say(&mut app, "Tools are missing");
    act(&mut app, Action::Back);
    act(&mut app, Action::Synthesis);
    act(&mut app, Action::Edit);
    type_text(&mut app, "We agree.");
    act(&mut app, Action::Submit);
    act(&mut app, Action::FocusPrev);
    act(&mut app, Action::PickToBlock);
    act(&mut app, Action::PickToProposal);
    act(&mut app, Action::AddBlock);
    type_text(&mut app, "Governance");
    act(&mut app, Action::Newline);
    type_text(&mut app, "who carries it");
    act(&mut app, Action::Submit);
    let id = app.screen_as::<SynthesisState>().unwrap().data.session.id;
    let syn = app.core.store.synthesis(id).unwrap();
    assert_eq!(syn.text, "We agree.");
    assert_eq!(syn.proposal, "Tools are missing");
    assert_eq!(syn.blocks.len(), 2);
    assert_eq!(syn.blocks[1].title, "Governance");
    assert_eq!(syn.blocks[1].text, "who carries it");
    // Deleting a building block asks first; "no" keeps it.
    act(&mut app, Action::FocusNext); // text
    act(&mut app, Action::FocusNext); // blocks
    act(&mut app, Action::Delete);
    assert!(matches!(app.core.popup, Some(Popup::Confirm { .. })));
    act(&mut app, Action::No);
    assert_eq!(app.core.store.synthesis(id).unwrap().blocks.len(), 2);
    act(&mut app, Action::Delete);
    act(&mut app, Action::Yes);
    assert_eq!(app.core.store.synthesis(id).unwrap().blocks.len(), 1);
    // The deletion is undone, and redone.
    act(&mut app, Action::Undo);
    let blocks = app.core.store.synthesis(id).unwrap().blocks;
    assert_eq!(blocks.len(), 2);
    assert_eq!(blocks[1].text, "who carries it");
    act(&mut app, Action::Redo);
    assert_eq!(app.core.store.synthesis(id).unwrap().blocks.len(), 1);
    // Undo goes back through every change, the text last.
    for _ in 0..5 {
        act(&mut app, Action::Undo);
    }
    assert!(app.core.store.synthesis(id).unwrap().is_empty());
    let shown = &app.screen_as::<SynthesisState>().unwrap().data.synthesis;
    assert!(shown.is_empty(), "the screen shows what is stored");
}

#[test]
fn back_from_review_lands_on_the_list_so_keys_are_commands() {
    let (_d, mut app) = running();
    act(&mut app, Action::Back);
    act(&mut app, Action::Review);
    assert!(app.screen_as::<ReviewState>().is_some());
    act(&mut app, Action::Back);
    assert_eq!(run(&app).focus, Focus::List);
    // `i` now starts typing instead of being typed.
    key(&mut app, KeyCode::Char('i'), KeyModifiers::NONE);
    assert_eq!(run(&app).focus, Focus::Input);
    assert!(!run(&app).has_text());
}

/// Every file under `dir`, as paths relative to it.
fn files_under(dir: &std::path::Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                todo.push(path);
            } else {
                let rel = path.strip_prefix(dir).unwrap();
                out.push(rel.to_string_lossy().into_owned());
            }
        }
    }
    out.sort();
    out
}

#[test]
fn review_exports_every_report_format_and_the_archive_apart() {
    let (dir, store, _id) = common::sample_store();
    let mut app = app(store, Lang::En);
    let exports = dir.path().join("exports");
    app.core.export_dir = exports.clone();
    act(&mut app, Action::Review);
    act(&mut app, Action::ExportAll);
    let name = "2021-06-10-atelier-5-emergence-session-1-1410ab41";
    assert_eq!(
        files_under(&exports),
        ["csv", "html", "json", "md", "odt", "pdf"].map(|ext| format!("{name}.{ext}")),
        "export all writes the reports only"
    );
    let json = std::fs::read_to_string(exports.join(format!("{name}.json"))).unwrap();
    assert!(json.contains("\"format\": \"atelier.report\""));
    assert!(app.core.status.as_ref().unwrap().text.contains("6 files"));
    let odt = std::fs::read(exports.join(format!("{name}.odt"))).unwrap();
    assert!(
        odt.starts_with(b"PK\x03\x04"),
        "the ODT is a package, written as bytes"
    );
    let pdf = std::fs::read(exports.join(format!("{name}.pdf"))).unwrap();
    assert!(pdf.starts_with(b"%PDF-"), "the PDF is written as bytes");

    act(&mut app, Action::ExportBundle);
    let archive = exports.join(format!("archives/{name}.archive-complete.json"));
    assert_eq!(
        std::fs::read_to_string(&archive).unwrap(),
        common::sample_text()
    );
    assert_eq!(files_under(&exports).len(), 7);
    let status = &app.core.status.as_ref().unwrap().text;
    // The file is in the exports panel; the one-line status names its
    // folder, short enough for an 80-column terminal.
    assert!(
        status.contains("Complete archive written to archives/"),
        "{status}"
    );
    assert!(status.chars().count() <= 78, "{status}");
    act(&mut app, Action::Back);
    assert!(app.screen_as::<HomeState>().is_some());
}

#[test]
fn mouse_wheel_scrolls_the_list_while_typing() {
    use ratatui::crossterm::event::{Event, MouseEvent, MouseEventKind};
    let (_d, mut app) = running();
    for t in ["a", "b", "c", "d", "e"] {
        say(&mut app, t);
    }
    let wheel = |kind| {
        Event::Mouse(MouseEvent {
            kind,
            column: 5,
            row: 10,
            modifiers: KeyModifiers::NONE,
        })
    };
    let before = run(&app).selected;
    atelier::tui::handle_event(&mut app, wheel(MouseEventKind::ScrollUp));
    assert!(run(&app).selected < before);
    assert_eq!(run(&app).focus, Focus::Input, "typing focus kept");
    type_text(&mut app, "still typing");
    assert!(run(&app).has_text());
}

#[test]
fn hostile_text_never_breaks_the_layout() {
    let (_d, mut app) = running();
    for text in [
        "漢字とかなの混在テキスト、とても長い文章がここに続きます。漢字漢字漢字漢字漢字漢字",
        "👩‍👩‍👧‍👦 famille 🎉🎉🎉 emoji",
        "نص عربي من اليمين إلى اليسار مع كلمات كثيرة",
        "\u{1b}[2J\u{1b}[31mred?\u{7}\u{202e}reversed",
        &"x".repeat(500),
    ] {
        atelier::tui::handle_event(
            &mut app,
            ratatui::crossterm::event::Event::Paste(text.into()),
        );
        act(&mut app, Action::Submit);
    }
    assert_eq!(live_texts(&app).len(), 5);
    for (w, h) in [(80, 24), (61, 18), (120, 40), (200, 60)] {
        let screen = common::tui::screen(&app, w, h);
        for line in screen.lines() {
            assert!(
                unicode_width::UnicodeWidthStr::width(line) <= w as usize,
                "{line}"
            );
            assert!(!line.contains('\u{1b}'), "escape reached the screen");
        }
    }
}

#[test]
fn quitting_from_an_editor_and_answering_no_keeps_its_text() {
    let (_d, mut app) = running();
    act(&mut app, Action::Back);
    act(&mut app, Action::Notes);
    type_text(&mut app, "notes not yet saved");
    act(&mut app, Action::Quit);
    assert!(matches!(app.core.popup, Some(Popup::Confirm { .. })));
    act(&mut app, Action::No);
    assert_eq!(editor_text(&app).as_deref(), Some("notes not yet saved"));
    act(&mut app, Action::Submit);
    assert_eq!(run(&app).data.stages[0].notes, "notes not yet saved");
}

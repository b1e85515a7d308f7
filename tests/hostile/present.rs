//! The projector view (`atelier present`) draws the corpus inert: every
//! stage in turn, with its items, names and the join panel, leaves no
//! control character or bidi override in a cell.

use super::assert_terminal_safe;
use super::corpus;
use atelier::room::public::public_state;
use atelier::tui::present::view;
use atelier::tui::theme::Theme;
use ratatui::backend::TestBackend;
use ratatui::Terminal;

#[test]
fn the_projector_view_draws_the_corpus_inert() {
    for corpus in corpus::load() {
        let (_dir, mut store) = super::common::temp_store();
        let data = corpus::session(&corpus);
        let id = data.session.id;
        store.insert_session_data(&data).unwrap();
        store
            .open_room_status(id, "http://10.0.0.5:7777/", &corpus.payloads[0])
            .unwrap();
        let mut leaving = None;
        let mut drawn_items = 0;
        for stage in &data.stages {
            store.enter_stage(id, stage.id, leaving).unwrap();
            leaving = Some(stage.id);
            let state = public_state(&store, id).unwrap();
            drawn_items += state.items.len();
            let mut terminal = Terminal::new(TestBackend::new(100, 40)).unwrap();
            terminal
                .draw(|f| view::render(&state, 0, &Theme { color: true }, f.area(), f.buffer_mut()))
                .unwrap();
            let buf = terminal.backend().buffer();
            let cells: String = buf.content().iter().map(|c| c.symbol()).collect();
            let what = format!("the projector view of {} ({})", corpus.name, stage.key);
            assert_terminal_safe(&what, &cells);
        }
        assert!(
            drawn_items > 0,
            "{}: the corpus's items were shown",
            corpus.name
        );
    }
}

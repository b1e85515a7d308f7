//! The terminal interface: a synchronous loop fed by one channel (terminal
//! input, signals, and later the room server), drawing after each change.

pub mod action;
pub mod app;
pub mod core;
pub mod event_loop;
pub mod events;
pub mod flow;
pub mod history;
pub mod keymap;
pub mod popup;
pub mod present;
pub mod room_panel;
pub mod screen;
pub mod screens;
pub mod terminal;
pub mod text;
pub mod theme;
pub mod ui;
pub mod undo_label;
pub mod update;
pub mod widgets;

use crate::i18n::system_lang;
use crate::model::Lang;
use crate::store::Store;
use crate::templates::Catalog;
use anyhow::Context as _;
use app::App;
use std::path::Path;

/// The sample session, offered on the very first launch.
pub const SAMPLE: &str = include_str!("../../sessions/atelier-5-emergence-session-1.json");
const SAMPLE_FLAG: &str = "sample_offered";

/// Opens the terminal interface on the database at `db` (or the default).
pub fn run(db: Option<&Path>, lang: Option<Lang>) -> anyhow::Result<()> {
    let path = db
        .map(Path::to_path_buf)
        .unwrap_or_else(crate::paths::default_db);
    let mut store = Store::open(&path)?;
    let catalog = Catalog::load(crate::paths::user_templates().as_deref());
    offer_sample(&mut store, &catalog).context("cannot add the sample session")?;
    let lang = lang.unwrap_or_else(system_lang);
    let mut app = App::new(
        store,
        lang,
        catalog,
        crate::model::now,
        crate::paths::export_dir(),
    );
    app.core.templates_dir = crate::paths::user_templates();
    let (keys, keymap_error) = keymap::load_user(crate::paths::user_keymap().as_deref());
    keymap::install(keys);
    let catalog_error = app.core.catalog.errors.first().map(ToString::to_string);
    if let Some(e) = catalog_error.or(keymap_error) {
        app.core.error(e);
    }
    let (tx, rx) = event_loop::channel();
    app.core.room_events = Some(tx.clone());
    event_loop::spawn_signal_listener(tx.clone());
    let (guard, mut terminal) = terminal::TerminalGuard::enter()?;
    event_loop::spawn_terminal_reader(tx);
    let result = event_loop::run(&mut terminal, &mut app, &rx);
    app.save_drafts();
    // The room closes before the process leaves (an exit on a signal
    // would skip its drop): the port is freed and its status cleared.
    app.core.room = None;
    drop(guard);
    match result? {
        event_loop::Exit::Quit => Ok(()),
        // Everything is saved and the terminal restored: leave as a
        // process stopped by that signal is expected to.
        event_loop::Exit::Signal(signal) => std::process::exit(128 + signal),
    }
}

/// Puts the sample session in a database the first time the app opens it.
pub fn offer_sample(store: &mut Store, catalog: &Catalog) -> anyhow::Result<()> {
    if store.meta(SAMPLE_FLAG)?.is_some() {
        return Ok(());
    }
    if store.list_sessions(true)?.is_empty() {
        let mut data = crate::bundle::parse(
            "sessions/atelier-5-emergence-session-1.json",
            SAMPLE,
            catalog,
        )?;
        // Its event says it is the sample, so it never sits in a real
        // workshop's "Emergence" (home groups and `atelier event list`).
        let lang = data.session.language;
        let event = crate::i18n::tf(lang, "sample.event", &[("event", &data.session.event)]);
        data.session.event = event;
        store.insert_session_data(&data)?;
    }
    store.set_meta(SAMPLE_FLAG, "1")?;
    Ok(())
}

pub use events::{handle_event, handle_key};

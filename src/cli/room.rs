//! `atelier room SESSION`: serves the session's room until Ctrl+C or
//! SIGTERM, without the terminal screen (a second laptop, scripts, tests).

use super::commands::open_store;
use crate::i18n::tf;
use crate::model::Lang;
use crate::room::{self, RoomOptions};
use crate::store::RoomSettings;
use anyhow::Result;
use std::io::Write;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

pub fn run(
    out: &mut impl Write,
    db: Option<&PathBuf>,
    session: &str,
    options: RoomOptions,
    accept_all: bool,
    lang: Lang,
) -> Result<()> {
    let mut store = open_store(db)?;
    let session = store.resolve_session(session)?;
    let path = store.path().to_path_buf();
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    if options.bind.is_none() && room::address::local_address().is_none() {
        writeln!(out, "{}", crate::i18n::t(lang, "room.cli_loopback"))?;
    }
    // Opened first: a refused option (a taken port, a bad code) changes
    // nothing in the database.
    let running = room::open(&path, session, options, Box::new(|_| {}))?;
    if accept_all {
        store.apply::<_, crate::store::StoreError>(|tx| {
            let settings = tx.room_settings(session)?;
            tx.set_room_settings(
                session,
                RoomSettings {
                    accept_all: true,
                    ..settings
                },
            )
        })?;
    }
    drop(store);
    writeln!(
        out,
        "{}",
        tf(
            lang,
            "room.cli_open",
            &[("url", running.url()), ("code", running.code())]
        )
    )?;
    out.flush()?;
    while !stop.load(Ordering::Relaxed) {
        std::thread::sleep(Duration::from_millis(100));
    }
    running.close();
    writeln!(out, "{}", crate::i18n::t(lang, "room.cli_closed"))?;
    Ok(())
}

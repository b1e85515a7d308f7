//! `atelier present`: the projector view in a terminal of its own. It reads
//! the file read-only and only through `room::public` (what the room may
//! see), and follows the facilitator within a second: SQLite's
//! `data_version` tells, at no I/O cost, when another connection wrote;
//! only then is the state read again.

pub mod view;

use super::event_loop::{self, Event, Exit};
use super::terminal;
use super::theme::Theme;
use crate::model::Id;
use crate::room::public::{public_state, PublicState};
use crate::store::Store;
use ratatui::crossterm::event::{Event as TermEvent, KeyCode, KeyEventKind, KeyModifiers};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

/// How often the view looks for writes (and ticks the timer).
const WATCH_EVERY: Duration = Duration::from_secs(1);

/// While the join code shows, the state is read again this often even
/// without a write, so a room whose server died stops showing its code.
const ROOM_RECHECK: Duration = Duration::from_secs(5);

/// Shows `session` until q or Esc, or a signal; the terminal is put back
/// on every way out.
pub fn run(store: Store, session: Id) -> anyhow::Result<()> {
    let mut state = public_state(&store, session)?;
    let (tx, rx) = event_loop::channel();
    event_loop::spawn_signal_listener(tx.clone());
    let (guard, mut term) = terminal::TerminalGuard::enter()?;
    event_loop::spawn_terminal_reader(tx);
    let result = follow(&mut term, &store, session, &mut state, &rx);
    drop(guard);
    match result? {
        Exit::Quit => Ok(()),
        Exit::Signal(signal) => std::process::exit(128 + signal),
    }
}

fn follow(
    term: &mut terminal::Term,
    store: &Store,
    session: Id,
    state: &mut PublicState,
    rx: &Receiver<Event>,
) -> anyhow::Result<Exit> {
    let theme = Theme::from_env();
    let mut watched = store.data_version()?;
    let mut read_at = Instant::now();
    loop {
        let since = read_at.elapsed().as_secs() as i64;
        term.draw(|f| view::render(state, since, &theme, f.area(), f.buffer_mut()))?;
        match rx.recv_timeout(WATCH_EVERY) {
            Ok(Event::Terminal(TermEvent::Key(key), _)) if key.kind != KeyEventKind::Release => {
                let ctrl_c =
                    key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c');
                if matches!(key.code, KeyCode::Char('q') | KeyCode::Esc) || ctrl_c {
                    return Ok(Exit::Quit);
                }
            }
            Ok(Event::Terminal(..) | Event::Room(_)) | Err(RecvTimeoutError::Timeout) => {}
            Ok(Event::Signal(signal)) => return Ok(Exit::Signal(signal)),
            Ok(Event::InputClosed(reason)) => {
                anyhow::bail!("the terminal cannot be read any more: {reason}")
            }
            Err(RecvTimeoutError::Disconnected) => return Ok(Exit::Quit),
        }
        let now = store.data_version()?;
        let room_check = state.room.is_some() && read_at.elapsed() >= ROOM_RECHECK;
        if now != watched || room_check {
            watched = now;
            *state = public_state(store, session)?;
            read_at = Instant::now();
        }
    }
}

//! The event loop. One channel feeds it: terminal input (read on a thread
//! of its own), signals, and whatever else the app listens to later (the
//! room server). The loop also wakes on its own, once a second at most, to
//! tick a visible timer and to notice writes by another process (a CLI
//! `add`, a second instance) through SQLite's `data_version`, which costs
//! no I/O. An idle app makes one such cheap check a second and draws only
//! after something happened.

use super::app::App;
use super::{events, terminal, ui};
use ratatui::crossterm::event::{self as term_event, KeyCode, KeyEventKind, KeyModifiers};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

/// Everything that can wake the loop.
#[derive(Debug)]
pub enum Event {
    /// A terminal event, stamped when it was read: a paste that reaches us
    /// as plain key presses is recognised by how close together they came.
    Terminal(term_event::Event, Instant),
    /// SIGTERM, SIGHUP or SIGINT from outside: save and leave.
    Signal(i32),
    /// The terminal cannot be read any more (closed, or an I/O error).
    InputClosed(String),
    /// The room's server committed a write (its data shows through
    /// `data_version` below; the panel's count of phones changed).
    Room(crate::room::RoomNotice),
}

/// How the loop ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// The facilitator quit.
    Quit,
    /// A signal asked us to stop; the process exits with `128 + signal`.
    Signal(i32),
}

/// Key presses closer together than this came from one write to the
/// terminal: a paste, not a person typing (key repeat is ~30 ms apart).
const BURST_GAP: Duration = Duration::from_millis(4);

/// How often the loop looks for another process's writes when idle.
const WATCH_EVERY: Duration = Duration::from_secs(1);

/// The sending side of the loop's channel, for any source of events.
pub fn channel() -> (Sender<Event>, Receiver<Event>) {
    mpsc::channel()
}

/// Reads the terminal on a thread of its own, so the loop can wait on the
/// channel for every source at once.
pub fn spawn_terminal_reader(tx: Sender<Event>) {
    std::thread::Builder::new()
        .name("terminal-input".into())
        .spawn(move || loop {
            match term_event::read() {
                Ok(ev) => {
                    if tx.send(Event::Terminal(ev, Instant::now())).is_err() {
                        return;
                    }
                }
                Err(e) => {
                    let _ = tx.send(Event::InputClosed(e.to_string()));
                    return;
                }
            }
        })
        .expect("a thread can be started");
}

/// Turns SIGTERM, SIGHUP and SIGINT into events, so the loop saves what is
/// typed before leaving. Should the loop not answer (stuck in a write),
/// the terminal is put back and the process leaves after a grace period.
#[cfg(unix)]
pub fn spawn_signal_listener(tx: Sender<Event>) {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT]) else {
        return;
    };
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                let _ = tx.send(Event::Signal(signal));
                std::thread::sleep(Duration::from_secs(3));
                terminal::restore();
                std::process::exit(128 + signal);
            }
        })
        .expect("a thread can be started");
}

#[cfg(not(unix))]
pub fn spawn_signal_listener(_tx: Sender<Event>) {}

/// Draws, waits for the next event or wake-up, handles it; until the
/// facilitator quits or a signal arrives.
pub fn run(
    terminal: &mut terminal::Term,
    app: &mut App,
    rx: &Receiver<Event>,
) -> anyhow::Result<Exit> {
    let mut pending: Option<Event> = None;
    let mut watched = app.core.store.data_version().ok();
    let mut dirty = true;
    loop {
        if dirty {
            terminal.draw(|f| ui::draw(f, app))?;
            dirty = false;
        }
        if app.ring_bell() {
            use std::io::Write;
            let out = terminal.backend_mut();
            out.write_all(b"\x07")?;
            out.flush()?;
        }
        if app.core.quit {
            return Ok(Exit::Quit);
        }
        let next = match pending.take() {
            Some(ev) => Ok(ev),
            None => rx.recv_timeout(wait(app)),
        };
        match next {
            Ok(Event::Terminal(ev, at)) => {
                pending = handle_terminal(app, rx, ev, at);
                dirty = true;
            }
            Ok(Event::Signal(signal)) => {
                app.save_drafts();
                return Ok(Exit::Signal(signal));
            }
            Ok(Event::InputClosed(reason)) => {
                app.save_drafts();
                anyhow::bail!("the terminal cannot be read any more: {reason}");
            }
            Ok(Event::Room(_)) => dirty = true,
            Err(RecvTimeoutError::Timeout) => {
                // A visible timer ticks on this wake-up.
                dirty |= app.timer_visible();
            }
            Err(RecvTimeoutError::Disconnected) => return Ok(Exit::Quit),
        }
        let now = app.core.store.data_version().ok();
        if now != watched {
            watched = now;
            app.store_changed();
            dirty = true;
        }
    }
}

/// How long the loop may sleep: to the next whole second while a timer is
/// on screen, else until the next look for outside writes.
fn wait(app: &App) -> Duration {
    if app.timer_visible() {
        let millis = 1000 - u64::from((app.core.clock)().timestamp_subsec_millis() % 1000);
        Duration::from_millis(millis.max(1))
    } else {
        WATCH_EVERY
    }
}

/// Handles one terminal event. Key presses that arrive as one burst in a
/// place that takes text are text, never commands. Returns an event read
/// ahead that was not part of the burst.
fn handle_terminal(
    app: &mut App,
    rx: &Receiver<Event>,
    first: term_event::Event,
    at: Instant,
) -> Option<Event> {
    let Some(c) = typed_char(&first) else {
        events::handle_event(app, first);
        return None;
    };
    let mut burst = vec![(first, c)];
    let mut last = at;
    let mut ahead = None;
    while let Ok(next) = rx.recv_timeout(BURST_GAP) {
        match next {
            Event::Terminal(ev, t) if t.duration_since(last) < BURST_GAP => match typed_char(&ev) {
                Some(c) => {
                    burst.push((ev, c));
                    last = t;
                }
                None => {
                    ahead = Some(Event::Terminal(ev, t));
                    break;
                }
            },
            other => {
                ahead = Some(other);
                break;
            }
        }
    }
    if burst.len() > 1 && events::pastes_into(app) {
        let text: String = burst.iter().map(|(_, c)| *c).collect();
        events::paste(app, &text);
    } else {
        for (ev, _) in burst {
            events::handle_event(app, ev);
        }
    }
    ahead
}

/// The character a key press would type as part of a pasted text: a plain
/// or shifted character, Enter as a line break, Tab as a tab.
fn typed_char(ev: &term_event::Event) -> Option<char> {
    let term_event::Event::Key(key) = ev else {
        return None;
    };
    if key.kind == KeyEventKind::Release
        || key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SUPER)
    {
        return None;
    }
    match key.code {
        KeyCode::Char(c) => Some(c),
        KeyCode::Enter => Some('\n'),
        KeyCode::Tab => Some('\t'),
        _ => None,
    }
}

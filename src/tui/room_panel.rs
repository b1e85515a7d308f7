//! The room from the run screen: one key opens it (the HTTP server for
//! phones, `room::open`) and closes it. While it is open, a panel in place
//! of the roster shows how to join: the QR code, the URL and the code, and
//! how many phones joined. The room belongs to the app, not to the run
//! screen, so it stays open on the vote or synthesis screens; it closes
//! with the same key, when its session is closed or another session is
//! opened, and when the app quits (dropping it stops the server).

use super::core::Core;
use super::event_loop::Event;
use super::theme::Theme;
use super::widgets::qr::Qr;
use crate::i18n::{t, tf};
use crate::model::{Id, Lang, SessionStatus};
use crate::room::{RoomNotice, RoomOptions, RunningRoom};
use crate::tui::text::{clean, truncate};
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::Sender;
use std::sync::Arc;

/// A room open from the app.
pub struct OpenRoom {
    pub session: Id,
    running: RunningRoom,
    qr: Option<Qr>,
    /// Phones that joined since it opened (a phone joining twice counts
    /// twice: the server keeps no identity the screen could compare).
    joined: Arc<AtomicUsize>,
}

impl OpenRoom {
    pub fn url(&self) -> &str {
        self.running.url()
    }

    pub fn code(&self) -> &str {
        self.running.code()
    }

    pub fn joined(&self) -> usize {
        self.joined.load(Ordering::Relaxed)
    }
}

/// Opens the room of `session`, or closes it when it is open.
pub fn toggle(core: &mut Core, session: Id) {
    if core.room.as_ref().is_some_and(|r| r.session == session) {
        close(core);
        return;
    }
    // A room another program serves for this session (`atelier room` in
    // another terminal) stays the only one: two servers would give phones
    // two codes, and the first to stop would mark the room closed.
    if let Some(elsewhere) = served_elsewhere(core, session) {
        let url = clean(&elsewhere.url, false);
        core.info(tf(core.lang, "room.open_elsewhere", &[("url", &url)]));
        return;
    }
    // One room at a time: another session's closes first.
    core.room = None;
    let joined = Arc::new(AtomicUsize::new(0));
    let notify = notifier(Arc::clone(&joined), core.room_events.clone());
    let db = core.store.path().to_path_buf();
    match crate::room::open(&db, session, RoomOptions::default(), notify) {
        Ok(running) => {
            let text = tf(
                core.lang,
                "room.opened",
                &[("url", running.url()), ("code", running.code())],
            );
            let only_here = serves_this_computer_only(running.url());
            core.room = Some(OpenRoom {
                session,
                qr: Qr::new(running.url()),
                running,
                joined,
            });
            if only_here {
                // A QR code no phone can reach must not look like success.
                let warning = t(core.lang, "room.cli_loopback");
                core.info(clean(&format!("{text} — {warning}"), false));
            } else {
                core.success(clean(&text, false));
            }
        }
        Err(e) => {
            let reason = clean(&format!("{e:#}"), false);
            core.error(tf(core.lang, "room.cannot_open", &[("reason", &reason)]));
        }
    }
}

/// Closes the open room, if any (dropping it stops the server).
pub fn close(core: &mut Core) {
    if core.room.take().is_some() {
        core.info(core.t("room.closed_here"));
    }
}

/// The room another program serves for `session` now (its heartbeat is
/// recent), if any.
fn served_elsewhere(core: &mut Core, session: Id) -> Option<crate::model::RoomStatus> {
    let now = (core.clock)();
    match core.store.room_status(session) {
        Ok(room) => room.filter(|r| r.alive_at(now)),
        Err(e) => {
            core.fail(&e);
            None
        }
    }
}

/// The session whose room is open, if any.
pub fn open_session(core: &Core) -> Option<Id> {
    core.room.as_ref().map(|r| r.session)
}

/// What the status line says while a room is open and the screen shows
/// no session (home, search): phones can still send input, where, and how
/// to close it; `None` when no room is open or the screen shows one.
pub fn reminder(core: &Core, on_screen: Option<Id>) -> Option<String> {
    let room = core.room.as_ref()?;
    if on_screen.is_some() {
        return None;
    }
    let title = core
        .store
        .session(room.session)
        .map(|s| truncate(&clean(&s.title, false), 16))
        .unwrap_or_default();
    Some(tf(
        core.lang,
        "room.home_status",
        &[("title", &title), ("url", &clean(room.url(), false))],
    ))
}

/// What the server calls after each write it commits: counts the phones
/// that joined, and wakes the event loop so the screen shows the write.
fn notifier(
    joined: Arc<AtomicUsize>,
    events: Option<Sender<Event>>,
) -> Box<dyn Fn(RoomNotice) + Send + Sync> {
    Box::new(move |notice| {
        if notice == RoomNotice::Joined {
            joined.fetch_add(1, Ordering::Relaxed);
        }
        if let Some(events) = &events {
            let _ = events.send(Event::Room(notice));
        }
    })
}

/// Closes the room when what is on screen leaves it behind: its session
/// closed, or another session opened. The home screen keeps it open.
pub fn follow_screen(core: &mut Core, on_screen: Option<Id>) {
    let Some(room) = &core.room else { return };
    let other = on_screen.is_some_and(|s| s != room.session);
    let closed = core
        .store
        .session(room.session)
        .map_or(true, |s| s.status == SessionStatus::Closed);
    if other || closed {
        close(core);
    }
}

/// The columns the panel needs on the run screen when `session`'s room is
/// open (the QR code and a border), else `None`.
pub fn width_for(core: &Core, session: Id) -> Option<u16> {
    let room = core.room.as_ref().filter(|r| r.session == session)?;
    Some(room.qr.as_ref().map_or(30, |qr| qr.size().0 + 2))
}

/// Draws the panel of `session`'s room in `area`; `false` when it has no
/// open room (the caller draws what the place usually shows).
pub fn render(core: &Core, session: Id, area: Rect, buf: &mut Buffer) -> bool {
    let Some(room) = core.room.as_ref().filter(|r| r.session == session) else {
        return false;
    };
    let join = Join {
        url: room.url(),
        code: room.code(),
        joined: room.joined(),
        qr: room.qr.as_ref(),
    };
    draw(&join, core.lang, &core.theme, area, buf);
    true
}

/// What the panel shows.
pub struct Join<'a> {
    pub url: &'a str,
    pub code: &'a str,
    pub joined: usize,
    pub qr: Option<&'a Qr>,
}

/// The panel: a bordered block with the QR code when it fits, then the
/// URL, the code and the phones joined (these always, even on a small
/// screen, since they can be typed).
pub fn draw(join: &Join, lang: Lang, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let title = format!(" {} ", t(lang, "room.panel_title"));
    let block = Block::bordered()
        .title(title)
        .border_style(theme.border(true));
    let inner = block.inner(area);
    block.render(area, buf);
    let columns = inner.width as usize;
    let lines = vec![
        Line::from(Span::styled(
            truncate(&clean(join.url, false), columns),
            theme.accent(),
        )),
        Line::from(Span::styled(
            tf(
                lang,
                "room.panel_code",
                &[("code", &clean(join.code, false))],
            ),
            theme.heading().add_modifier(Modifier::BOLD),
        )),
        Line::from(Span::styled(
            tf(
                lang,
                "room.panel_joined",
                &[("n", &join.joined.to_string())],
            ),
            theme.muted(),
        )),
        Line::from(Span::styled(
            truncate(t(lang, "room.panel_close"), columns),
            theme.muted(),
        )),
    ];
    let mut lines = lines;
    if serves_this_computer_only(join.url) {
        lines.insert(
            1,
            Line::from(Span::styled(
                truncate(t(lang, "room.panel_loopback"), columns),
                theme.heading().add_modifier(Modifier::BOLD),
            )),
        );
    }
    let text_rows = lines.len() as u16;
    let mut y = inner.y;
    if let Some(qr) = join.qr {
        let (w, h) = qr.size();
        if w <= inner.width && h + text_rows <= inner.height {
            let x = inner.x + (inner.width - w) / 2;
            qr.render(Rect::new(x, y, w, h), buf);
            y += h;
        }
    }
    let rest = Rect::new(inner.x, y, inner.width, inner.bottom().saturating_sub(y));
    Paragraph::new(lines)
        .alignment(Alignment::Center)
        .render(rest, buf);
}

/// Whether the room listens on a loopback address: no phone can reach it
/// (no local network was found), as `atelier room` also says.
pub fn serves_this_computer_only(url: &str) -> bool {
    let host = url
        .trim_start_matches("http://")
        .split(['/', ':'])
        .next()
        .unwrap_or("");
    host == "localhost"
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

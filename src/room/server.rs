//! Opening and closing the room: the listening socket, the runtime on its
//! own thread, the room's status in the store (so a second terminal can
//! show how to join), and the watch on the database that feeds the event
//! streams.

use super::shared::Shared;
use super::{api, connections, devices, RoomNotice, RoomOptions};
use crate::model::{Id, SessionStatus};
use crate::store::Store;
use anyhow::{bail, Context, Result};
use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpListener};
use std::path::Path;
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;
use tokio::sync::watch;

/// The port the room listens on unless told otherwise (a free one when
/// it is taken).
pub const DEFAULT_PORT: u16 = 7777;
/// How often the server looks for another connection's writes.
const WATCH_EVERY: Duration = Duration::from_millis(300);
/// How often the server says in the store that it still runs.
const HEARTBEAT_EVERY: Duration = Duration::from_secs(5);
/// How long open connections get to finish once the room closes.
const GRACE: Duration = Duration::from_millis(800);

/// An open room. Closing it (or dropping it) stops the server, frees the
/// port and clears the room's status in the store.
pub struct RunningRoom {
    url: String,
    code: String,
    stop: Option<watch::Sender<bool>>,
    thread: Option<JoinHandle<()>>,
}

impl RunningRoom {
    /// What a phone opens, e.g. `http://192.168.1.20:7777/`.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The join code.
    pub fn code(&self) -> &str {
        &self.code
    }

    /// Stops the server and waits until the port is free and the status
    /// cleared.
    pub fn close(mut self) {
        self.shut();
    }

    fn shut(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(true);
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for RunningRoom {
    fn drop(&mut self) {
        self.shut();
    }
}

impl std::fmt::Debug for RunningRoom {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RunningRoom")
            .field("url", &self.url)
            .finish_non_exhaustive()
    }
}

/// Opens the room of `session` in the database at `db`: the server gets a
/// connection of its own. `notify` hears of every write it commits.
pub fn open(
    db: &Path,
    session: Id,
    options: RoomOptions,
    notify: Box<dyn Fn(RoomNotice) + Send + Sync>,
) -> Result<RunningRoom> {
    let mut store = Store::open(db)?;
    let details = store.session(session)?;
    if details.status == SessionStatus::Closed {
        bail!(
            "session {:?} is closed: its room cannot open (a closed session takes no more input)",
            details.title
        );
    }
    // One server per session: a second would give phones another code, and
    // the first to stop would mark the room closed under the other.
    let now = store.clock().now();
    if let Some(other) = store.room_status(session)?.filter(|r| r.alive_at(now)) {
        bail!(
            "the room of session {:?} is already open in another program, at {}: close it there \
             first (a room whose program stopped without closing it counts as closed {} s after \
             its last heartbeat)",
            details.title,
            other.url,
            crate::model::RoomStatus::ALIVE_SECONDS
        );
    }
    let code = match options.code {
        Some(code) => checked_code(&code)?,
        None => devices::new_code().context("no random source for the join code")?,
    };
    let ip = options.bind.unwrap_or_else(default_bind);
    let listener = listen(ip, options.port)?;
    let addr = listener.local_addr()?;
    let url = format!("http://{addr}/");
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .max_blocking_threads(4)
        .build()
        .context("cannot start the room's runtime")?;
    let first = api::public_json(&store, session)?;
    store.open_room_status(session, &url, &code)?;
    let (state_tx, state_rx) = watch::channel(first);
    let shared = Arc::new(Shared::new(
        store,
        session,
        code.clone(),
        url.clone(),
        notify,
        state_rx,
        options.limits,
    ));
    let (stop_tx, stop_rx) = watch::channel(false);
    let thread = std::thread::Builder::new()
        .name("atelier-room".into())
        .spawn(move || {
            runtime.block_on(serve(listener, Arc::clone(&shared), state_tx, stop_rx));
            runtime.shutdown_timeout(GRACE);
            let _ = shared.blocking_store(|store| Ok(store.close_room_status(shared.session)?));
        })
        .context("cannot start the room's thread")?;
    Ok(RunningRoom {
        url,
        code,
        stop: Some(stop_tx),
        thread: Some(thread),
    })
}

/// Where to listen when not told: the local-network address, else only
/// this computer (no network: nobody else could reach it anyway).
fn default_bind() -> IpAddr {
    super::address::local_address().unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST))
}

/// A code typed by the facilitator: 4 to 12 letters or digits.
fn checked_code(code: &str) -> Result<String> {
    let code = code.trim();
    if !(4..=12).contains(&code.chars().count()) || !code.chars().all(|c| c.is_ascii_alphanumeric())
    {
        bail!("a join code is 4 to 12 letters or digits, not {code:?}");
    }
    Ok(code.to_string())
}

/// The port asked for, or the default one, else any free one.
fn listen(ip: IpAddr, port: Option<u16>) -> Result<TcpListener> {
    let listener = match port {
        Some(port) => TcpListener::bind(SocketAddr::new(ip, port))
            .with_context(|| format!("cannot listen on {}", SocketAddr::new(ip, port)))?,
        None => TcpListener::bind(SocketAddr::new(ip, DEFAULT_PORT))
            .or_else(|_| TcpListener::bind(SocketAddr::new(ip, 0)))
            .with_context(|| format!("cannot listen on {ip}"))?,
    };
    listener.set_nonblocking(true)?;
    Ok(listener)
}

/// Serves until `stop` turns true, then gives open connections a moment.
async fn serve(
    listener: TcpListener,
    shared: Arc<Shared>,
    state: watch::Sender<Arc<str>>,
    stop: watch::Receiver<bool>,
) {
    let Ok(listener) = tokio::net::TcpListener::from_std(listener) else {
        return;
    };
    let watcher = tokio::spawn(watch_store(Arc::clone(&shared), state, stop.clone()));
    let limits = shared.limits.clone();
    let app = api::router(shared);
    connections::serve(listener, app, &limits, stop, GRACE).await;
    watcher.abort();
}

/// Republishes the public state whenever the database changed (our own
/// writes, or another connection's, seen in `data_version`), and beats
/// the room's heartbeat. Ends with the room, which ends the event streams.
async fn watch_store(
    shared: Arc<Shared>,
    state: watch::Sender<Arc<str>>,
    mut stop: watch::Receiver<bool>,
) {
    let mut seen = None;
    let mut last_beat = tokio::time::Instant::now();
    loop {
        tokio::select! {
            _ = stop.wait_for(|s| *s) => return,
            _ = shared.wrote.notified() => seen = None,
            _ = tokio::time::sleep(WATCH_EVERY) => {}
        }
        let beat = last_beat.elapsed() >= HEARTBEAT_EVERY;
        if beat {
            last_beat = tokio::time::Instant::now();
            shared.tidy_limits();
        }
        let session = shared.session;
        let known = seen;
        let looked = shared
            .with_store(move |store| {
                if beat {
                    store.room_heartbeat(session)?;
                }
                let version = store.data_version()?;
                if known == Some(version) {
                    return Ok((version, None));
                }
                Ok((version, Some(api::public_json(store, session)?)))
            })
            .await;
        if let Ok((version, fresh)) = looked {
            seen = Some(version);
            if let Some(json) = fresh {
                state.send_if_modified(|current| {
                    let changed = *current != json;
                    if changed {
                        *current = json;
                    }
                    changed
                });
            }
        }
    }
}

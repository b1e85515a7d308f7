//! A real room server on 127.0.0.1 (a free port) over a real database in a
//! temp dir, and a small HTTP client speaking its API.
#![allow(dead_code)]

use atelier::model::Id;
use atelier::room::{self, RoomLimits, RoomNotice, RoomOptions, RunningRoom};
use atelier::store::{RoomSettings, Store};
use reqwest::blocking::{Client, Response};
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::net::{IpAddr, Ipv4Addr};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use tempfile::TempDir;

pub const CODE: &str = "424242";

pub struct Room {
    pub _dir: TempDir,
    pub db: PathBuf,
    pub session: Id,
    pub running: Option<RunningRoom>,
    pub notices: Arc<Mutex<Vec<RoomNotice>>>,
    pub client: Client,
    pub limits: RoomLimits,
}

/// A session with `people` on the roster, its room open on loopback.
pub fn open_room(people: &[&str], accept_all: bool) -> Room {
    let (dir, mut store) = crate::common::temp_store();
    let session = crate::common::new_session(&mut store, people);
    let db = store.path().to_path_buf();
    drop(store);
    open_on(dir, db, session, accept_all, RoomLimits::default())
}

/// `open_room` with the room's limits shrunk (or stretched) for a test.
pub fn open_room_with(people: &[&str], accept_all: bool, limits: RoomLimits) -> Room {
    let (dir, mut store) = crate::common::temp_store();
    let session = crate::common::new_session(&mut store, people);
    let db = store.path().to_path_buf();
    drop(store);
    open_on(dir, db, session, accept_all, limits)
}

fn open_on(dir: TempDir, db: PathBuf, session: Id, accept_all: bool, limits: RoomLimits) -> Room {
    if accept_all {
        Store::open(&db)
            .unwrap()
            .apply(|tx| {
                tx.set_room_settings(
                    session,
                    RoomSettings {
                        accept_all: true,
                        show_items: true,
                    },
                )
            })
            .unwrap();
    }
    let notices = Arc::new(Mutex::new(Vec::new()));
    let running = serve(&db, session, &notices, &limits);
    Room {
        _dir: dir,
        db,
        session,
        running: Some(running),
        notices,
        client: Client::builder()
            .timeout(std::time::Duration::from_secs(20))
            .build()
            .unwrap(),
        limits,
    }
}

fn serve(
    db: &std::path::Path,
    session: Id,
    notices: &Arc<Mutex<Vec<RoomNotice>>>,
    limits: &RoomLimits,
) -> RunningRoom {
    let heard = Arc::clone(notices);
    room::open(
        db,
        session,
        RoomOptions {
            bind: Some(IpAddr::V4(Ipv4Addr::LOCALHOST)),
            port: Some(0),
            code: Some(CODE.into()),
            limits: limits.clone(),
        },
        Box::new(move |n| heard.lock().unwrap().push(n)),
    )
    .unwrap()
}

/// What came back: status, the device token if one was set, the body.
pub struct Answer {
    pub status: StatusCode,
    pub token: Option<String>,
    pub content_type: String,
    pub csp: Option<String>,
    pub body: Value,
}

pub fn answer(r: Response) -> Answer {
    let header = |name| {
        r.headers()
            .get(name)
            .map(|v: &reqwest::header::HeaderValue| v.to_str().unwrap().to_string())
    };
    let cookie = header(reqwest::header::SET_COOKIE);
    let content_type = header(reqwest::header::CONTENT_TYPE).unwrap_or_default();
    let csp = header(reqwest::header::CONTENT_SECURITY_POLICY);
    let status = r.status();
    let text = r.text().unwrap();
    if let Some(c) = &cookie {
        assert!(
            c.contains("HttpOnly") && c.contains("SameSite=Strict"),
            "{c}"
        );
    }
    let token = cookie.map(|c| {
        c.split(';')
            .next()
            .unwrap()
            .trim_start_matches("atelier_room=")
            .to_string()
    });
    let body = serde_json::from_str(&text).unwrap_or(Value::String(text));
    Answer {
        status,
        token,
        content_type,
        csp,
        body,
    }
}

impl Room {
    pub fn url(&self, path: &str) -> String {
        format!(
            "{}{}",
            self.running.as_ref().unwrap().url(),
            path.trim_start_matches('/')
        )
    }

    pub fn store(&self) -> Store {
        Store::open(&self.db).unwrap()
    }

    pub fn post(&self, token: Option<&str>, path: &str, body: &Value) -> Answer {
        let mut request = self.client.post(self.url(path)).json(body);
        if let Some(token) = token {
            request = request.header("Cookie", format!("atelier_room={token}"));
        }
        answer(request.send().unwrap())
    }

    /// A phone's contribution of `kind` (as `/api/state` names it).
    pub fn send(&self, token: &str, kind: &str, text: &str) -> Answer {
        self.post(
            Some(token),
            "/api/contributions",
            &json!({ "kind": kind, "text": text }),
        )
    }

    pub fn get(&self, token: Option<&str>, path: &str) -> Answer {
        let mut request = self.client.get(self.url(path));
        if let Some(token) = token {
            request = request.header("Cookie", format!("atelier_room={token}"));
        }
        answer(request.send().unwrap())
    }

    /// Joins with the code and then as `who` (a join body without the
    /// code); returns the device token.
    pub fn join_as(&self, who: Value) -> String {
        let joined = self.post(None, "/api/join", &json!({ "code": CODE }));
        assert_eq!(joined.status, StatusCode::OK, "{:?}", joined.body);
        let token = joined.token.expect("a device cookie");
        let chosen = self.post(Some(&token), "/api/join", &who);
        assert_eq!(chosen.status, StatusCode::OK, "{:?}", chosen.body);
        token
    }

    /// The first kind the current stage takes.
    pub fn open_kind(&self, token: &str) -> String {
        let state = self.get(Some(token), "/api/state");
        state.body["stage"]["kinds"][0]["key"]
            .as_str()
            .expect("the stage's kinds")
            .to_string()
    }

    pub fn close(&mut self) {
        self.running.take().unwrap().close();
    }

    /// Closes the room and opens it again on the same database (a new
    /// server: every device must join again).
    pub fn restart(&mut self) {
        self.close();
        self.running = Some(serve(&self.db, self.session, &self.notices, &self.limits));
    }

    /// The `host:port` the server listens on.
    pub fn addr(&self) -> std::net::SocketAddr {
        let url = self.running.as_ref().unwrap().url();
        url.trim_start_matches("http://")
            .trim_end_matches('/')
            .parse()
            .unwrap()
    }
}

/// `open_room` with the session already in its stage `stage` (0 based).
pub fn open_room_at_stage(people: &[&str], accept_all: bool, stage: usize) -> Room {
    open_room_at_stage_with(people, accept_all, stage, RoomLimits::default())
}

/// `open_room_at_stage` with the room's limits shrunk for a test.
pub fn open_room_at_stage_with(
    people: &[&str],
    accept_all: bool,
    stage: usize,
    limits: RoomLimits,
) -> Room {
    let (dir, mut store) = crate::common::temp_store();
    let session = crate::common::new_session(&mut store, people);
    let stages = store.stages(session).unwrap();
    store.enter_stage(session, stages[stage].id, None).unwrap();
    let db = store.path().to_path_buf();
    drop(store);
    open_on(dir, db, session, accept_all, limits)
}

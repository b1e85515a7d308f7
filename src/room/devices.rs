//! The phones (and projector pages) that joined: each holds a random token
//! in a cookie; the server keeps, in memory only, who the device chose to
//! be, when it was last heard from, the name it added and its open event
//! streams. Nothing here is written to the database: an anonymous device
//! leaves no trace beside its texts.

use crate::model::Id;
use axum::http::{header, HeaderMap, HeaderValue};
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The cookie holding a device's token.
pub const COOKIE: &str = "atelier_room";
/// How long an expired device is still recognised as such.
const REMEMBER_EXPIRED: Duration = Duration::from_secs(3600);

/// Who a device sends as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Identity {
    /// Joined with the code, no name chosen yet (the projector page stays so).
    Undecided,
    /// A person of the roster.
    Named(Id),
    /// No name: what it sends is stored with no author.
    Anonymous,
}

/// Why a token is not let in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// No device holds it (never joined, or forgotten long ago).
    Unknown,
    /// Its device was idle too long: it must join again.
    Expired,
}

#[derive(Debug)]
struct Device {
    identity: Identity,
    /// When the device was last heard from.
    seen: Instant,
    /// The name this device added to the roster (one per device).
    added: Option<Id>,
    /// Its event streams open now.
    streams: usize,
}

pub struct Devices {
    by_token: Mutex<HashMap<String, Device>>,
    max: usize,
    idle: Duration,
}

/// A fresh unguessable token (256 random bits, hex).
pub fn new_token() -> std::io::Result<String> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| std::io::Error::other(e.to_string()))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// Six random digits, easy to type on a phone's keypad.
pub fn new_code() -> std::io::Result<String> {
    let mut bytes = [0u8; 4];
    // Draw again past the last whole million so every code is as likely.
    loop {
        getrandom::fill(&mut bytes).map_err(|e| std::io::Error::other(e.to_string()))?;
        let n = u32::from_le_bytes(bytes);
        if n < 4_294_000_000 {
            return Ok(format!("{:06}", n % 1_000_000));
        }
    }
}

/// The token in the request's cookie, if any.
pub fn token_of(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(cookie::Cookie::split_parse)
        .filter_map(Result::ok)
        .find(|c| c.name() == COOKIE)
        .map(|c| c.value().to_string())
}

/// The `Set-Cookie` value giving a device its token: not readable by the
/// page's script, never sent by another site's page.
pub fn set_cookie(token: &str) -> HeaderValue {
    let cookie = cookie::Cookie::build((COOKIE, token))
        .http_only(true)
        .same_site(cookie::SameSite::Strict)
        .path("/")
        .build();
    HeaderValue::from_str(&cookie.to_string()).expect("a hex token makes a valid header")
}

impl Devices {
    /// At most `max` live devices; one idle for `idle` is expired.
    pub fn new(max: usize, idle: Duration) -> Devices {
        Devices {
            by_token: Mutex::new(HashMap::new()),
            max,
            idle,
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Device>> {
        self.by_token.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn expired(&self, device: &Device) -> bool {
        device.seen.elapsed() >= self.idle
    }

    /// Lets a new device in; `None` when the room is full. Expired
    /// devices make room.
    pub fn admit(&self, token: &str) -> Option<()> {
        let mut map = self.lock();
        if map.len() >= self.max {
            map.retain(|_, d| d.seen.elapsed() < self.idle);
        }
        if map.len() >= self.max {
            return None;
        }
        map.insert(
            token.to_string(),
            Device {
                identity: Identity::Undecided,
                seen: Instant::now(),
                added: None,
                streams: 0,
            },
        );
        Some(())
    }

    /// The identity of the live device holding `token`, which is now
    /// seen. An expired one stays expired (every request says so, whichever
    /// comes first, until `forget_idle` or its joining again forgets it).
    pub fn touch(&self, token: &str) -> Result<Identity, Refused> {
        let mut map = self.lock();
        let device = map.get_mut(token).ok_or(Refused::Unknown)?;
        if self.expired(device) {
            return Err(Refused::Expired);
        }
        device.seen = Instant::now();
        Ok(device.identity)
    }

    /// Forgets the device holding `token` (an expired one joining again
    /// gets a new token).
    pub fn forget(&self, token: &str) {
        self.lock().remove(token);
    }

    /// The identity of the live device holding `token`, if it joined.
    pub fn identity(&self, token: &str) -> Option<Identity> {
        let map = self.lock();
        map.get(token)
            .filter(|d| !self.expired(d))
            .map(|d| d.identity)
    }

    pub fn set_identity(&self, token: &str, identity: Identity) {
        if let Some(d) = self.lock().get_mut(token) {
            d.identity = identity;
        }
    }

    /// The name this device added to the roster, if any.
    pub fn added_name(&self, token: &str) -> Option<Id> {
        self.lock().get(token).and_then(|d| d.added)
    }

    pub fn set_added_name(&self, token: &str, id: Id) {
        if let Some(d) = self.lock().get_mut(token) {
            d.added = Some(id);
        }
    }

    /// Counts one more event stream of this device; `false` (and nothing
    /// counted) when it has `max` open already.
    pub fn open_stream(&self, token: &str, max: usize) -> bool {
        match self.lock().get_mut(token) {
            Some(d) if d.streams < max => {
                d.streams += 1;
                true
            }
            _ => false,
        }
    }

    pub fn close_stream(&self, token: &str) {
        if let Some(d) = self.lock().get_mut(token) {
            d.streams = d.streams.saturating_sub(1);
        }
    }

    /// Forgets devices expired for an hour: until then an expired token is
    /// still told it expired rather than that it is unknown (a full room
    /// forgets them at once, see `admit`).
    pub fn forget_idle(&self) {
        let forget_after = self.idle.saturating_add(REMEMBER_EXPIRED);
        self.lock().retain(|_, d| d.seen.elapsed() < forget_after);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_six_digits_and_tokens_differ() {
        let code = new_code().unwrap();
        assert_eq!(code.len(), 6);
        assert!(code.chars().all(|c| c.is_ascii_digit()));
        let (a, b) = (new_token().unwrap(), new_token().unwrap());
        assert_eq!(a.len(), 64);
        assert_ne!(a, b);
    }

    #[test]
    fn the_token_is_read_among_other_cookies() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            HeaderValue::from_static("a=1; atelier_room=abc; b=2"),
        );
        assert_eq!(token_of(&headers).as_deref(), Some("abc"));
        let set = set_cookie("abc");
        let set = set.to_str().unwrap();
        assert!(
            set.contains("HttpOnly") && set.contains("SameSite=Strict"),
            "{set}"
        );
    }
}

#[cfg(test)]
mod expiry {
    use super::*;

    #[test]
    fn an_idle_device_expires_and_a_full_room_refuses() {
        let devices = Devices::new(1, Duration::from_millis(30));
        assert!(devices.admit("a").is_some());
        assert_eq!(devices.touch("a"), Ok(Identity::Undecided));
        assert!(devices.admit("b").is_none(), "one device at most");
        std::thread::sleep(Duration::from_millis(40));
        assert_eq!(devices.identity("a"), None);
        assert!(devices.admit("b").is_some(), "the expired one made room");
        assert_eq!(devices.touch("a"), Err(Refused::Unknown));
        std::thread::sleep(Duration::from_millis(40));
        assert_eq!(devices.touch("b"), Err(Refused::Expired));
        assert_eq!(devices.touch("b"), Err(Refused::Expired), "still told why");
        devices.forget("b");
        assert_eq!(devices.touch("b"), Err(Refused::Unknown));
    }
}

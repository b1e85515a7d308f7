//! The phones (and projector pages) that joined: each holds a random token
//! in a cookie; the server keeps, in memory only, who the device chose to
//! be. Nothing here is written to the database: an anonymous device leaves
//! no trace beside its texts.

use crate::model::Id;
use axum::http::{header, HeaderMap, HeaderValue};
use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;

/// The cookie holding a device's token.
pub const COOKIE: &str = "atelier_room";
/// How many recent posts a device's retries are recognised by.
const REMEMBERED_POSTS: usize = 64;
/// More devices than any room holds; past it, joining is refused.
const MAX_DEVICES: usize = 2000;

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

#[derive(Debug)]
struct Device {
    identity: Identity,
    /// The answers to recent posts, by the page's own id for each text,
    /// so that a retry after a lost answer records nothing twice.
    answered: VecDeque<(String, serde_json::Value)>,
}

#[derive(Default)]
pub struct Devices {
    by_token: Mutex<HashMap<String, Device>>,
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
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Device>> {
        self.by_token.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Lets a new device in; `None` when the room is full.
    pub fn admit(&self, token: &str) -> Option<()> {
        let mut map = self.lock();
        if map.len() >= MAX_DEVICES {
            return None;
        }
        map.insert(
            token.to_string(),
            Device {
                identity: Identity::Undecided,
                answered: VecDeque::new(),
            },
        );
        Some(())
    }

    /// The identity of the device holding `token`, if it joined.
    pub fn identity(&self, token: &str) -> Option<Identity> {
        self.lock().get(token).map(|d| d.identity)
    }

    pub fn set_identity(&self, token: &str, identity: Identity) {
        if let Some(d) = self.lock().get_mut(token) {
            d.identity = identity;
        }
    }

    /// The answer already given to the post `post_id` of this device.
    pub fn answered(&self, token: &str, post_id: &str) -> Option<serde_json::Value> {
        let map = self.lock();
        let device = map.get(token)?;
        device
            .answered
            .iter()
            .find(|(id, _)| id == post_id)
            .map(|(_, answer)| answer.clone())
    }

    pub fn remember(&self, token: &str, post_id: &str, answer: serde_json::Value) {
        if let Some(d) = self.lock().get_mut(token) {
            if d.answered.len() >= REMEMBERED_POSTS {
                d.answered.pop_front();
            }
            d.answered.push_back((post_id.to_string(), answer));
        }
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

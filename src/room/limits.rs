//! How much one room takes from a shared Wi-Fi: connections, event
//! streams, devices, names, wrong codes. The defaults suit a workshop of a
//! few dozen phones and keep one hostile laptop from filling the room;
//! tests shrink them to see each limit at work.

use std::collections::VecDeque;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The room's limits; every field has a default (see the README, "The
/// room's limits").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoomLimits {
    /// How long a connection gets to send a request's headers (also how
    /// long an idle kept-alive connection stays open), and then again to
    /// send its whole body.
    pub header_timeout: Duration,
    /// Connections served at once; past it, a new one is closed at once.
    pub max_connections: usize,
    /// Connections served at once from one address (a phone opens a few):
    /// one laptop reconnecting as fast as it is closed cannot take every
    /// slot.
    pub connections_per_address: usize,
    /// Event streams (`/api/events`) open at once, per device and in all.
    pub streams_per_device: usize,
    pub max_streams: usize,
    /// Wrong join codes per minute across all addresses; past it, every
    /// attempt with a code gets 429 until the minute has passed.
    pub wrong_codes_per_minute: usize,
    /// Devices that joined and are still live.
    pub max_devices: usize,
    /// A device not heard from for this long must join again.
    pub device_idle: Duration,
    /// Names on the roster past which phones may add no more.
    pub max_roster: usize,
}

impl Default for RoomLimits {
    fn default() -> RoomLimits {
        RoomLimits {
            header_timeout: Duration::from_secs(10),
            max_connections: 256,
            connections_per_address: 32,
            streams_per_device: 4,
            max_streams: 192,
            wrong_codes_per_minute: 30,
            max_devices: 500,
            device_idle: Duration::from_secs(12 * 3600),
            max_roster: 200,
        }
    }
}

/// The wrong codes tried in the last minute, from any address: a laptop
/// with many addresses gets no more guesses than one with a single one.
pub struct WrongCodes {
    per_minute: usize,
    tried: Mutex<VecDeque<Instant>>,
}

const MINUTE: Duration = Duration::from_secs(60);

impl WrongCodes {
    pub fn new(per_minute: usize) -> WrongCodes {
        WrongCodes {
            per_minute,
            tried: Mutex::new(VecDeque::new()),
        }
    }

    fn recent(&self) -> std::sync::MutexGuard<'_, VecDeque<Instant>> {
        let mut tried = self.tried.lock().unwrap_or_else(|p| p.into_inner());
        while tried.front().is_some_and(|t| t.elapsed() >= MINUTE) {
            tried.pop_front();
        }
        tried
    }

    /// Whether a code may be tried now (right or wrong: while guessing is
    /// shut, the right code must not stand out).
    pub fn open(&self) -> bool {
        self.recent().len() < self.per_minute
    }

    pub fn record(&self) {
        let mut tried = self.recent();
        if tried.len() < self.per_minute {
            tried.push_back(Instant::now());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrong_codes_shut_guessing_past_the_limit() {
        let wrong = WrongCodes::new(2);
        assert!(wrong.open());
        wrong.record();
        assert!(wrong.open());
        wrong.record();
        assert!(!wrong.open());
        wrong.record();
        assert_eq!(wrong.recent().len(), 2);
    }
}

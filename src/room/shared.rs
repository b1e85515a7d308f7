//! What every request handler of one open room shares: the room's own
//! store connection, the session, the join code, the devices that joined,
//! the rate limits and the way to tell the facilitator's screen.

use super::devices::Devices;
use super::error::ApiError;
use super::limits::{RoomLimits, WrongCodes};
use super::RoomNotice;
use crate::model::Id;
use crate::store::Store;
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::{Arc, Mutex};
use tokio::sync::{watch, Notify, Semaphore};

/// Attempts with a code per address: enough for a room behind one
/// address, far too few to guess six digits.
const JOINS_PER_MINUTE: u32 = 60;
const JOIN_BURST: u32 = 60;
/// Contributions, votes and name choices per device: more than anyone
/// types, a flood is refused.
const WRITES_PER_SECOND: u32 = 2;
const WRITE_BURST: u32 = 10;
/// Reads of the state per device.
const READS_PER_SECOND: u32 = 10;
const READ_BURST: u32 = 60;

pub struct Shared {
    pub session: Id,
    pub code: String,
    /// What a phone opens (the join QR code's text).
    pub url: String,
    store: Arc<Mutex<Store>>,
    pub devices: Devices,
    notify: Box<dyn Fn(RoomNotice) + Send + Sync>,
    /// Woken after each of our own writes (another connection's writes
    /// show in `data_version`).
    pub wrote: Notify,
    /// The public state as last served, JSON, for the event streams.
    pub state: watch::Receiver<Arc<str>>,
    joins: DefaultKeyedRateLimiter<IpAddr>,
    writes: DefaultKeyedRateLimiter<String>,
    reads: DefaultKeyedRateLimiter<String>,
    /// Wrong codes tried lately, from any address.
    pub wrong_codes: WrongCodes,
    /// Event streams open now, all devices together.
    pub streams: Arc<Semaphore>,
    pub limits: RoomLimits,
}

fn quota(per_period: Quota, burst: u32) -> Quota {
    per_period.allow_burst(NonZeroU32::new(burst).expect("a burst of at least one"))
}

fn nonzero(n: u32) -> NonZeroU32 {
    NonZeroU32::new(n).expect("a rate of at least one")
}

impl Shared {
    pub fn new(
        store: Store,
        session: Id,
        code: String,
        url: String,
        notify: Box<dyn Fn(RoomNotice) + Send + Sync>,
        state: watch::Receiver<Arc<str>>,
        limits: RoomLimits,
    ) -> Shared {
        Shared {
            session,
            code,
            url,
            store: Arc::new(Mutex::new(store)),
            devices: Devices::new(limits.max_devices, limits.device_idle),
            notify,
            wrote: Notify::new(),
            state,
            joins: RateLimiter::keyed(quota(
                Quota::per_minute(nonzero(JOINS_PER_MINUTE)),
                JOIN_BURST,
            )),
            writes: RateLimiter::keyed(quota(
                Quota::per_second(nonzero(WRITES_PER_SECOND)),
                WRITE_BURST,
            )),
            reads: RateLimiter::keyed(quota(
                Quota::per_second(nonzero(READS_PER_SECOND)),
                READ_BURST,
            )),
            wrong_codes: WrongCodes::new(limits.wrong_codes_per_minute),
            streams: Arc::new(Semaphore::new(limits.max_streams)),
            limits,
        }
    }

    /// Runs `f` on the room's store on a blocking thread (rusqlite is
    /// synchronous); a write in `f` is committed when it returns.
    pub async fn with_store<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Store) -> Result<T, ApiError> + Send + 'static,
    ) -> Result<T, ApiError> {
        let store = Arc::clone(&self.store);
        tokio::task::spawn_blocking(move || {
            let mut store = store
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            f(&mut store)
        })
        .await
        .map_err(|e| ApiError::internal(&e))?
    }

    /// Tells the facilitator's screen and the event streams that the
    /// room committed a write.
    pub fn committed(&self, notice: RoomNotice) {
        (self.notify)(notice);
        self.wrote.notify_one();
    }

    pub fn check_join(&self, from: IpAddr) -> Result<(), ApiError> {
        self.joins
            .check_key(&from)
            .map_err(|_| ApiError::too_many())
    }

    pub fn check_write(&self, token: &str) -> Result<(), ApiError> {
        self.writes
            .check_key(&token.to_string())
            .map_err(|_| ApiError::too_many())
    }

    pub fn check_read(&self, token: &str) -> Result<(), ApiError> {
        self.reads
            .check_key(&token.to_string())
            .map_err(|_| ApiError::too_many())
    }

    /// Forgets the rate-limit state of devices that have been quiet, and
    /// the devices idle for long.
    pub fn tidy_limits(&self) {
        self.devices.forget_idle();
        self.joins.retain_recent();
        self.writes.retain_recent();
        self.reads.retain_recent();
    }
}

impl Shared {
    /// `with_store` for the room's own thread once the runtime is gone.
    pub fn blocking_store<T>(
        &self,
        f: impl FnOnce(&mut Store) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        let mut store = self.store.lock().unwrap_or_else(|p| p.into_inner());
        f(&mut store)
    }
}

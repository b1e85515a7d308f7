//! The transaction-scoped write API. The command layer composes these
//! primitives inside one `Store::apply` call: one transaction, one instant
//! read from the store's clock, so every row a command writes carries the
//! same time.

use super::{Cause, Store, StoreError};
use crate::model::{Clock, Timestamp};
use rusqlite::{Transaction, TransactionBehavior};
use std::sync::Arc;

/// One open write transaction and the instant it runs at.
pub struct Tx<'a> {
    pub(super) tx: &'a Transaction<'a>,
    now: Timestamp,
}

impl Tx<'_> {
    /// The instant of this transaction (the store's clock, read once).
    pub fn now(&self) -> Timestamp {
        self.now
    }

    /// `execute` through the connection's statement cache: the commands
    /// run the same few statements over and over, so each is parsed once
    /// per connection instead of once per call.
    pub fn execute<P: rusqlite::Params>(&self, sql: &str, params: P) -> rusqlite::Result<usize> {
        self.tx.prepare_cached(sql)?.execute(params)
    }

    /// `query_row` through the statement cache (see `execute`).
    pub fn query_row<T, P, F>(&self, sql: &str, params: P, f: F) -> rusqlite::Result<T>
    where
        P: rusqlite::Params,
        F: FnOnce(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    {
        self.tx.prepare_cached(sql)?.query_row(params, f)
    }
}

/// Store modules run SQL on the transaction directly.
impl<'a> std::ops::Deref for Tx<'a> {
    type Target = Transaction<'a>;
    fn deref(&self) -> &Transaction<'a> {
        self.tx
    }
}

impl Store {
    /// The clock this store writes times from.
    pub fn clock(&self) -> Arc<dyn Clock> {
        self.clock.clone()
    }

    /// Makes the store read the time from `clock` (tests set a manual one).
    pub fn set_clock(&mut self, clock: Arc<dyn Clock>) {
        self.clock = clock;
    }

    /// Runs `f` in one immediate transaction and commits it if `f` succeeds;
    /// any error rolls everything back. Immediate so that a second writer
    /// waits at the start instead of failing midway. Errors from the
    /// transaction itself name the file; `f`'s own errors are the caller's
    /// to name (see `StoreError::named`).
    pub fn apply<T, E: From<StoreError>>(
        &mut self,
        f: impl FnOnce(&Tx) -> Result<T, E>,
    ) -> Result<T, E> {
        let display = self.display();
        if self.read_only {
            return Err(E::from(StoreError::Unwritable {
                path: display,
                reason: Cause::Said("store.cause.opened_read_only"),
            }));
        }
        let now = self.clock.now();
        let sql = |e| E::from(StoreError::from_sqlite(&display, e));
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sql)?;
        let value = f(&Tx { tx: &tx, now })?;
        tx.commit().map_err(sql)?;
        Ok(value)
    }
}

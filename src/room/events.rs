//! `GET /api/events`: a server-sent event stream that sends the public
//! state when the device connects and again whenever it changes (a phone's
//! post, the facilitator moving to the next stage in the terminal). It
//! ends when the room closes. Streams are few per device and few in all:
//! each holds a connection for as long as it lasts.

use super::error::ApiError;
use super::shared::Shared;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::sse::{Event, KeepAlive, Sse};
use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::OwnedSemaphorePermit;
use tokio_stream::wrappers::WatchStream;
use tokio_stream::{Stream, StreamExt};

/// One open stream, counted for its device and in all until it is dropped
/// (the stream ends, or the device goes away).
struct Slot {
    shared: Arc<Shared>,
    token: String,
    _permit: OwnedSemaphorePermit,
}

impl Drop for Slot {
    fn drop(&mut self) {
        self.shared.devices.close_stream(&self.token);
    }
}

fn too_many_streams(message: String) -> ApiError {
    ApiError::new(StatusCode::TOO_MANY_REQUESTS, "too_many_streams", message)
}

fn open_slot(shared: &Arc<Shared>, token: String) -> Result<Slot, ApiError> {
    let permit = Arc::clone(&shared.streams)
        .try_acquire_owned()
        .map_err(|_| {
            too_many_streams(format!(
                "the room follows {} pages at once at most; try again in a moment",
                shared.limits.max_streams
            ))
        })?;
    let max = shared.limits.streams_per_device;
    if !shared.devices.open_stream(&token, max) {
        return Err(too_many_streams(format!(
            "a device may follow the room in {max} pages at most; close another tab"
        )));
    }
    Ok(Slot {
        shared: Arc::clone(shared),
        token,
        _permit: permit,
    })
}

pub async fn events(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
) -> Result<Sse<impl Stream<Item = Result<Event, Infallible>>>, ApiError> {
    let token = super::api::joined(&shared, &headers)?;
    shared.check_read(&token)?;
    let slot = open_slot(&shared, token)?;
    let stream = WatchStream::new(shared.state.clone()).map(move |json| {
        let _held = &slot;
        Ok(Event::default().event("state").data(json.as_ref()))
    });
    Ok(Sse::new(stream).keep_alive(KeepAlive::new().interval(Duration::from_secs(15))))
}

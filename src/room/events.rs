//! `GET /api/events`: a server-sent event stream that sends the public
//! state when the device connects and again whenever it changes (a phone's
//! post, the facilitator moving to the next stage in the terminal). It
//! ends when the room closes.

use super::error::ApiError;
use super::shared::Shared;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::sse::{Event, KeepAlive, Sse};
use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;
use tokio_stream::wrappers::WatchStream;
use tokio_stream::{Stream, StreamExt};

pub async fn events(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
) -> Result<Sse<impl Stream<Item = Result<Event, Infallible>>>, ApiError> {
    let token = super::api::joined(&shared, &headers)?;
    shared.check_read(&token)?;
    let stream = WatchStream::new(shared.state.clone())
        .map(|json| Ok(Event::default().event("state").data(json.as_ref())));
    Ok(Sse::new(stream).keep_alive(KeepAlive::new().interval(Duration::from_secs(15))))
}

//! The room's JSON API: join with the code, read the public state, send a
//! contribution. Every write is one transaction, committed before the
//! answer; every refusal is a JSON error and writes nothing.

use super::body::{Body, MAX_BODY};
use super::devices::{self, Identity};
use super::error::ApiError;
use super::shared::Shared;
use super::{events, page, RoomNotice};
use crate::model::{Id, Kind};
use crate::store::{Posted, Received, RoomInput, Store};
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use std::sync::Arc;

/// The longest text a phone may send, in characters.
pub const MAX_TEXT: usize = 4000;
/// The longest id a page may give a post (its retries are recognised by it).
const MAX_POST_ID: usize = 64;

pub fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route("/", get(phone_page))
        .route("/api/join", post(super::join::join))
        .route("/api/state", get(state))
        .route("/api/contributions", post(contribute))
        .route("/api/events", get(events::events))
        .route("/api/votes", post(super::votes::vote))
        .route("/screen/qr.svg", get(super::qr::screen_qr))
        .merge(page::routes())
        .fallback(not_found)
        .method_not_allowed_fallback(not_allowed)
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .layer(axum::middleware::map_response(page::secure_headers))
        .with_state(shared)
}

async fn not_found() -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, "not_found", "no such page")
}

async fn phone_page(State(shared): State<Arc<Shared>>) -> Result<Response, ApiError> {
    let session = shared.session;
    let lang = shared
        .with_store(move |store| Ok(store.session(session)?.language))
        .await?;
    Ok(page::phone(lang))
}

async fn not_allowed() -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        "this address does not take this method",
    )
}

/// The token of a live device that joined (now seen), else 401: join
/// first, or again when it was idle too long.
pub fn joined(shared: &Shared, headers: &HeaderMap) -> Result<String, ApiError> {
    let token = devices::token_of(headers).ok_or_else(ApiError::join_first)?;
    match shared.devices.touch(&token) {
        Ok(_) => Ok(token),
        Err(devices::Refused::Expired) => Err(ApiError::expired()),
        Err(devices::Refused::Unknown) => Err(ApiError::join_first()),
    }
}

/// The session's public state as JSON (what phones and the projector see:
/// the one rule of `room::public`).
pub fn public_json(store: &Store, session: Id) -> Result<Arc<str>, ApiError> {
    let state = super::public::public_state(store, session)?;
    Ok(serde_json::to_string(&state)
        .map_err(|e| ApiError::internal(&e))?
        .into())
}

/// The stage phones send to, and the kinds it takes.
struct OpenStage {
    id: Id,
    kinds: Vec<Kind>,
}

fn open_stage(store: &Store, session: Id) -> Result<Option<OpenStage>, ApiError> {
    let state = super::public::public_state(store, session)?;
    let Some(stage) = state.stage else {
        return Ok(None);
    };
    let id = stage.id.parse().map_err(|e| ApiError::internal(&e))?;
    Ok(Some(OpenStage {
        id,
        kinds: stage.kinds.iter().map(|k| k.key).collect(),
    }))
}

async fn state(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let token = joined(&shared, &headers)?;
    shared.check_read(&token)?;
    let session = shared.session;
    let json = shared
        .with_store(move |store| public_json(store, session))
        .await?;
    Ok((
        [(header::CONTENT_TYPE, "application/json")],
        json.to_string(),
    )
        .into_response())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ContributionRequest {
    kind: String,
    text: String,
    /// The page's own id for this text: a retry after a lost answer is
    /// recognised and records nothing twice.
    #[serde(default)]
    id: Option<String>,
}

async fn contribute(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    Body(request): Body<ContributionRequest>,
) -> Result<Response, ApiError> {
    let token = joined(&shared, &headers)?;
    let sender = match shared.devices.identity(&token) {
        Some(Identity::Named(id)) => Some(id),
        Some(Identity::Anonymous) => None,
        _ => {
            return Err(ApiError::new(
                StatusCode::CONFLICT,
                "choose_name",
                "choose a name (or to stay anonymous) first",
            ))
        }
    };
    let post_id = request.id;
    if post_id
        .as_deref()
        .is_some_and(|id| id.chars().count() > MAX_POST_ID)
    {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "bad_id",
            format!("a post id is at most {MAX_POST_ID} characters"),
        ));
    }
    // A retry of a post already received is answered as the first copy
    // was, whatever the write limit says (the page is only catching up);
    // it counts as a read, so replaying one id is no way round the limits.
    if let Some(id) = post_id.clone() {
        shared.check_read(&token)?;
        let session = shared.session;
        let earlier = shared
            .with_store(move |store| Ok(store.earlier_post(session, &id)?))
            .await?;
        if let Some(recorded) = earlier {
            return Ok((StatusCode::CREATED, Json(answer_of(recorded))).into_response());
        }
    }
    shared.check_write(&token)?;
    if request.text.chars().count() > MAX_TEXT {
        return Err(ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "too_long",
            format!("a contribution is at most {MAX_TEXT} characters"),
        ));
    }
    if request.text.chars().all(invisible) {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "empty_text",
            "the text is empty",
        ));
    }
    let kind = Kind::parse(&request.kind).ok_or_else(|| {
        ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "unknown_kind",
            format!("unknown kind {:?}", request.kind),
        )
    })?;
    let session = shared.session;
    let text = request.text;
    // The post id is looked up and written in the transaction that
    // records the text: two copies of one post record one text, even
    // across a restart of the room.
    let (answer, fresh) = shared
        .with_store(move |store| {
            let stage = open_stage(store, session)?.ok_or_else(|| {
                ApiError::new(StatusCode::CONFLICT, "no_stage", "no stage is open")
            })?;
            if !stage.kinds.contains(&kind) {
                return Err(ApiError::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "kind_not_open",
                    format!("this stage does not take {}", kind.key()),
                ));
            }
            let input = RoomInput {
                stage_id: stage.id,
                kind,
                text,
                participant_id: sender,
                anonymous: sender.is_none(),
            };
            Ok(
                match store.receive_post(session, post_id.as_deref(), &input)? {
                    Posted::New(Received::Recorded(_)) => (answer_of(true), true),
                    Posted::New(Received::Queued(_)) => (answer_of(false), true),
                    Posted::Again { recorded } => (answer_of(recorded), false),
                },
            )
        })
        .await?;
    if fresh {
        shared.committed(RoomNotice::Received);
    }
    Ok((StatusCode::CREATED, Json(answer)).into_response())
}

/// What a phone is told of its post: in, or waiting for the facilitator.
fn answer_of(recorded: bool) -> serde_json::Value {
    let state = if recorded { "recorded" } else { "pending" };
    serde_json::json!({ "state": state })
}

/// Characters that show nothing: spaces, controls (NUL…) and format
/// characters (zero-width space, joiner, BOM…). A text of only these is empty.
fn invisible(c: char) -> bool {
    use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};
    c.is_whitespace() || c.is_control() || c.general_category() == GeneralCategory::Format
}

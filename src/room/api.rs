//! The room's JSON API: join with the code, read the public state, send a
//! contribution. Every write is one transaction, committed before the
//! answer; every refusal is a JSON error and writes nothing.

use super::body::{Body, MAX_BODY};
use super::devices::{self, Identity};
use super::error::ApiError;
use super::shared::Shared;
use super::{events, page, RoomNotice};
use crate::model::{Anonymity, Id, Kind};
use crate::store::{Received, RoomInput, Store};
use axum::extract::{ConnectInfo, DefaultBodyLimit, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use std::net::SocketAddr;
use std::sync::Arc;

/// The longest text a phone may send, in characters.
pub const MAX_TEXT: usize = 4000;
/// The longest id a page may give a post (its retries are recognised by it).
const MAX_POST_ID: usize = 64;
/// The longest name a phone may add to the roster.
const MAX_NAME: usize = 80;

pub fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route("/", get(phone_page))
        .route("/api/join", post(join))
        .route("/api/state", get(state))
        .route("/api/contributions", post(contribute))
        .route("/api/events", get(events::events))
        .route("/api/votes", post(super::votes::vote))
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

/// The token of a device that joined, else 401.
pub fn joined(shared: &Shared, headers: &HeaderMap) -> Result<String, ApiError> {
    devices::token_of(headers)
        .filter(|token| shared.devices.identity(token).is_some())
        .ok_or_else(ApiError::join_first)
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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JoinRequest {
    /// The join code; needed unless the device already joined.
    #[serde(default)]
    code: Option<String>,
    /// A roster id to send as.
    #[serde(default)]
    participant: Option<Id>,
    /// A name to add to the roster (or find on it) and send as.
    #[serde(default)]
    name: Option<String>,
    /// Send with no name.
    #[serde(default)]
    anonymous: bool,
}

async fn join(
    State(shared): State<Arc<Shared>>,
    ConnectInfo(from): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Body(request): Body<JoinRequest>,
) -> Result<Response, ApiError> {
    let known = devices::token_of(&headers).filter(|t| shared.devices.identity(t).is_some());
    if known.is_some() {
        refuse_names_if_anonymous(&shared, &request).await?;
    }
    let (token, new) = match known {
        Some(token) => (token, false),
        None => {
            shared.check_join(from.ip())?;
            match request.code.as_deref().map(str::trim) {
                Some(code) if code.eq_ignore_ascii_case(&shared.code) => {
                    refuse_names_if_anonymous(&shared, &request).await?;
                }
                Some(_) => {
                    return Err(ApiError::new(
                        StatusCode::FORBIDDEN,
                        "wrong_code",
                        "this is not the room's code",
                    ))
                }
                None => {
                    return Err(ApiError::new(
                        StatusCode::FORBIDDEN,
                        "code_required",
                        "type the code shown in the room",
                    ))
                }
            }
            let token = devices::new_token().map_err(|e| ApiError::internal(&e))?;
            shared.devices.admit(&token).ok_or_else(|| {
                ApiError::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "room_full",
                    "the room is full",
                )
            })?;
            (token, true)
        }
    };
    let identity = choose_identity(&shared, &token, request).await?;
    let mut answer =
        Json(serde_json::json!({ "joined": true, "identity": identity })).into_response();
    if new {
        answer
            .headers_mut()
            .insert(header::SET_COOKIE, devices::set_cookie(&token));
    }
    Ok(answer)
}

/// Refuses a request mixing "no name" with a name, and any name in an
/// anonymous session: before anything is recorded, and whatever the name,
/// so the answer tells nothing of who is on the roster.
async fn refuse_names_if_anonymous(
    shared: &Arc<Shared>,
    request: &JoinRequest,
) -> Result<(), ApiError> {
    let wants_name = request.participant.is_some() || request.name.is_some();
    if !wants_name {
        return Ok(());
    }
    if request.anonymous {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "anonymous_and_name",
            "choose either a name or to stay anonymous, not both",
        ));
    }
    let session = shared.session;
    let anonymous = shared
        .with_store(move |store| Ok(store.session(session)?.anonymity == Anonymity::Anonymous))
        .await?;
    if anonymous {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            "anonymous_session",
            "this session is anonymous: join with {\"anonymous\": true}",
        ));
    }
    Ok(())
}

/// Records who the device sends as, when the request says; answers with
/// what the page shows ("you send as …").
async fn choose_identity(
    shared: &Arc<Shared>,
    token: &str,
    request: JoinRequest,
) -> Result<serde_json::Value, ApiError> {
    let session = shared.session;
    let chosen = if request.anonymous {
        Some(Identity::Anonymous)
    } else if let Some(id) = request.participant {
        shared.check_write(token)?;
        shared
            .with_store(move |store| {
                let on_roster = store
                    .participants(session)?
                    .into_iter()
                    .any(|p| p.id == id && p.removed_at.is_none());
                if on_roster {
                    Ok(Identity::Named(id))
                } else {
                    Err(ApiError::new(
                        StatusCode::UNPROCESSABLE_ENTITY,
                        "unknown_participant",
                        "no such name on the roster",
                    ))
                }
            })
            .await
            .map(Some)?
    } else if let Some(name) = request.name {
        shared.check_write(token)?;
        let name = name.trim().to_string();
        if name.is_empty() || name.chars().count() > MAX_NAME || name.chars().any(char::is_control)
        {
            return Err(ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "bad_name",
                format!("a name is 1 to {MAX_NAME} characters on one line"),
            ));
        }
        let id = shared
            .with_store(move |store| {
                let found = store.participants(session)?.into_iter().find(|p| {
                    p.removed_at.is_none() && p.name.to_lowercase() == name.to_lowercase()
                });
                match found {
                    Some(p) => Ok(p.id),
                    None => Ok(store.add_participant(session, &name, "")?.id),
                }
            })
            .await?;
        Some(Identity::Named(id))
    } else {
        None
    };
    if let Some(identity) = chosen {
        shared.devices.set_identity(token, identity);
        shared.committed(RoomNotice::Joined);
    }
    let identity = shared
        .devices
        .identity(token)
        .unwrap_or(Identity::Undecided);
    Ok(match identity {
        Identity::Undecided => serde_json::Value::Null,
        Identity::Anonymous => serde_json::json!({ "anonymous": true }),
        Identity::Named(id) => serde_json::json!({ "participant": id }),
    })
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
    if let Some(answer) = post_id
        .as_deref()
        .and_then(|id| shared.devices.answered(&token, id))
    {
        return Ok((StatusCode::CREATED, Json(answer)).into_response());
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
    let owner = Arc::clone(&shared);
    // The store's lock is held from the look for an earlier answer to
    // this post id until that answer is remembered: two copies of one
    // post sent at once record one text.
    let (answer, fresh) = shared
        .with_store(move |store| {
            if let Some(answer) = post_id
                .as_deref()
                .and_then(|id| owner.devices.answered(&token, id))
            {
                return Ok((answer, false));
            }
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
            let answer = match store.receive_from_room(session, &input)? {
                Received::Recorded(_) => serde_json::json!({ "state": "recorded" }),
                Received::Queued(_) => serde_json::json!({ "state": "pending" }),
            };
            if let Some(id) = post_id.as_deref() {
                owner.devices.remember(&token, id, answer.clone());
            }
            Ok((answer, true))
        })
        .await?;
    if fresh {
        shared.committed(RoomNotice::Received);
    }
    Ok((StatusCode::CREATED, Json(answer)).into_response())
}

/// Characters that show nothing: spaces, controls (NUL…) and format
/// characters (zero-width space, joiner, BOM…). A text of only these is empty.
fn invisible(c: char) -> bool {
    use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};
    c.is_whitespace() || c.is_control() || c.general_category() == GeneralCategory::Format
}

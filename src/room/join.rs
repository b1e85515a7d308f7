//! `POST /api/join`: a new device joins with the room's code (wrong codes
//! are limited per address and across all addresses), then chooses whom it
//! sends as: a name of the roster, a name it adds (one per device, within
//! the roster's limit), or none.

use super::body::Body;
use super::devices::{self, Identity};
use super::error::ApiError;
use super::shared::Shared;
use super::RoomNotice;
use crate::model::{Anonymity, Id};
use crate::store::Store;
use axum::extract::{ConnectInfo, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use std::net::SocketAddr;
use std::sync::Arc;

/// The longest name a phone may add to the roster.
const MAX_NAME: usize = 80;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JoinRequest {
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

pub async fn join(
    State(shared): State<Arc<Shared>>,
    ConnectInfo(from): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Body(request): Body<JoinRequest>,
) -> Result<Response, ApiError> {
    let mut known = None;
    if let Some(token) = devices::token_of(&headers) {
        match shared.devices.touch(&token) {
            Ok(_) => known = Some(token),
            // Without a code, the page learns why it must type it again.
            Err(devices::Refused::Expired) if request.code.is_none() => {
                return Err(ApiError::expired())
            }
            Err(devices::Refused::Expired) => shared.devices.forget(&token),
            Err(devices::Refused::Unknown) => {}
        }
    }
    if known.is_some() {
        refuse_names_if_anonymous(&shared, &request).await?;
    }
    let (token, new) = match known {
        Some(token) => (token, false),
        None => {
            shared.check_join(from.ip())?;
            if request.code.is_some() && !shared.wrong_codes.open() {
                return Err(ApiError::new(
                    StatusCode::TOO_MANY_REQUESTS,
                    "too_many_wrong_codes",
                    "too many wrong codes were tried in this room: wait a minute, then type the code again",
                ));
            }
            match request.code.as_deref().map(str::trim) {
                Some(code) if code.eq_ignore_ascii_case(&shared.code) => {
                    refuse_names_if_anonymous(&shared, &request).await?;
                }
                Some(_) => {
                    shared.wrong_codes.record();
                    return Err(ApiError::new(
                        StatusCode::FORBIDDEN,
                        "wrong_code",
                        "this is not the room's code",
                    ));
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
                    format!(
                        "the room is full ({} devices joined); try again later",
                        shared.limits.max_devices
                    ),
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
        let owner = Arc::clone(shared);
        let token = token.to_string();
        // Looked up and added under the store's lock: two requests of one
        // device at once add one name at most.
        let id = shared
            .with_store(move |store| add_or_find_name(&owner, &token, store, &name))
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

/// The roster's person called `name` (any case), else a new one added by
/// this device: one name per device, and none past the roster's limit.
fn add_or_find_name(
    shared: &Shared,
    token: &str,
    store: &mut Store,
    name: &str,
) -> Result<Id, ApiError> {
    let session = shared.session;
    let roster: Vec<_> = store
        .participants(session)?
        .into_iter()
        .filter(|p| p.removed_at.is_none())
        .collect();
    if let Some(p) = store.participant_by_name(session, name)? {
        return Ok(p.id);
    }
    if shared.devices.added_name(token).is_some() {
        return Err(ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            "one_name_per_device",
            "this device has already added a name to the roster: choose that one",
        ));
    }
    let max = shared.limits.max_roster;
    if roster.len() >= max {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            "roster_full",
            format!("the roster is full ({max} names): pick a name on it or stay anonymous"),
        ));
    }
    let id = store.add_participant(session, name, "")?.id;
    shared.devices.set_added_name(token, id);
    Ok(id)
}

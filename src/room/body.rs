//! A JSON request body whose every refusal (not JSON, wrong fields, too
//! large, too slow, wrong content type) is one of the API's JSON errors.

use super::error::ApiError;
use super::shared::Shared;
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Request};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::de::DeserializeOwned;
use std::sync::Arc;

/// The largest request body the API takes (a contribution is a few lines).
pub const MAX_BODY: usize = 16 * 1024;
/// A larger body is still read to its end, up to this, before it is
/// refused: a connection closed on unread bytes is reset, and the phone
/// would see a network failure instead of the 413. A body announced
/// larger than this is refused before it is read (and its connection
/// closed).
const READ_AT_MOST: usize = 1024 * 1024;

pub struct Body<T>(pub T);

/// A refusal of the body: the JSON error, and whether the connection must
/// close after it (body bytes are left unread).
pub struct Refusal {
    error: ApiError,
    close: bool,
}

impl From<ApiError> for Refusal {
    fn from(error: ApiError) -> Refusal {
        Refusal {
            error,
            close: false,
        }
    }
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        let mut response = self.error.into_response();
        if self.close {
            response
                .headers_mut()
                .insert(header::CONNECTION, HeaderValue::from_static("close"));
        }
        response
    }
}

fn too_large() -> ApiError {
    ApiError::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        "too_large",
        format!("a request body is at most {MAX_BODY} bytes"),
    )
}

fn too_slow() -> ApiError {
    ApiError::new(
        StatusCode::REQUEST_TIMEOUT,
        "too_slow",
        "the request's body came too slowly; send it again",
    )
}

fn announced_length(req: &Request) -> Option<u64> {
    req.headers()
        .get(header::CONTENT_LENGTH)?
        .to_str()
        .ok()?
        .parse()
        .ok()
}

impl<T: DeserializeOwned> FromRequest<Arc<Shared>> for Body<T> {
    type Rejection = Refusal;

    async fn from_request(req: Request, state: &Arc<Shared>) -> Result<Self, Refusal> {
        if announced_length(&req).is_some_and(|n| n > READ_AT_MOST as u64) {
            return Err(Refusal {
                error: too_large(),
                close: true,
            });
        }
        // The whole body within the header timeout: a client trickling its
        // body byte by byte would otherwise hold its connection (and one of
        // the room's few slots) for ever.
        let (parts, body) = req.into_parts();
        let read = axum::body::to_bytes(body, READ_AT_MOST);
        let bytes = match tokio::time::timeout(state.limits.header_timeout, read).await {
            Err(_) => {
                return Err(Refusal {
                    error: too_slow(),
                    close: true,
                })
            }
            Ok(Err(_)) => {
                return Err(Refusal {
                    error: too_large(),
                    close: true,
                })
            }
            Ok(Ok(bytes)) => bytes,
        };
        if bytes.len() > MAX_BODY {
            return Err(too_large().into());
        }
        let req = Request::from_parts(parts, axum::body::Body::from(bytes));
        match Json::<T>::from_request(req, state).await {
            Ok(Json(value)) => Ok(Body(value)),
            Err(rejection) => Err(refusal(rejection).into()),
        }
    }
}

fn refusal(rejection: JsonRejection) -> ApiError {
    let status = rejection.status();
    let code = match status {
        StatusCode::PAYLOAD_TOO_LARGE => "too_large",
        StatusCode::UNSUPPORTED_MEDIA_TYPE => "not_json",
        StatusCode::UNPROCESSABLE_ENTITY => "bad_fields",
        _ => "malformed",
    };
    ApiError::new(status, code, rejection.body_text())
}

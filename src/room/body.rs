//! A JSON request body whose every refusal (not JSON, wrong fields, too
//! large, wrong content type) is one of the API's JSON errors.

use super::error::ApiError;
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;
use axum::Json;
use serde::de::DeserializeOwned;

/// The largest request body the API takes (a contribution is a few lines).
pub const MAX_BODY: usize = 16 * 1024;
/// A larger body is still read to its end, up to this, before it is
/// refused: a connection closed on unread bytes is reset, and the phone
/// would see a network failure instead of the 413. Past this, the
/// connection is simply cut.
const READ_AT_MOST: usize = 1024 * 1024;

pub struct Body<T>(pub T);

fn too_large() -> ApiError {
    ApiError::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        "too_large",
        format!("a request body is at most {MAX_BODY} bytes"),
    )
}

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for Body<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        let (parts, body) = req.into_parts();
        let bytes = axum::body::to_bytes(body, READ_AT_MOST)
            .await
            .map_err(|_| too_large())?;
        if bytes.len() > MAX_BODY {
            return Err(too_large());
        }
        let req = Request::from_parts(parts, axum::body::Body::from(bytes));
        match Json::<T>::from_request(req, state).await {
            Ok(Json(value)) => Ok(Body(value)),
            Err(rejection) => Err(refusal(rejection)),
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

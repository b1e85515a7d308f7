//! The API's errors: a status and a JSON body saying what went wrong in
//! words and as a stable code the page translates.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;

#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    /// Stable, for scripts and the page: `wrong_code`, `too_many`, …
    pub code: &'static str,
    pub message: String,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            code,
            message: message.into(),
        }
    }

    pub fn too_many() -> ApiError {
        ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            "too_many",
            "too many requests from this device; wait a moment",
        )
    }

    pub fn join_first() -> ApiError {
        ApiError::new(
            StatusCode::UNAUTHORIZED,
            "join_first",
            "join the room first (POST /api/join with the code)",
        )
    }

    pub fn expired() -> ApiError {
        ApiError::new(
            StatusCode::UNAUTHORIZED,
            "expired",
            "this device was idle too long: join the room again with the code",
        )
    }

    pub fn internal(e: &dyn std::fmt::Display) -> ApiError {
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", e.to_string())
    }
}

impl From<crate::store::StoreError> for ApiError {
    fn from(e: crate::store::StoreError) -> ApiError {
        use crate::store::{Refused, StoreError};
        match e {
            StoreError::Invalid(Refused::EmptyText) => ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "empty_text",
                "the text is empty",
            ),
            StoreError::NotFound(_) | StoreError::Invalid(_) => {
                ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "refused", e.to_string())
            }
            StoreError::Locked { .. } => ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "busy",
                "the database is busy; try again",
            ),
            other => ApiError::internal(&other),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::json!({ "error": self.code, "message": self.message });
        (self.status, Json(body)).into_response()
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.message, self.code)
    }
}

impl std::error::Error for ApiError {}

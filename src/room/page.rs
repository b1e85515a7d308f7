//! The pages the room serves: the phone page (`/`) and the projector page
//! (`/screen`), plain files embedded in the binary. They hold no data:
//! their script fetches the state as JSON and shows every text with
//! `textContent`, so no text a phone sent can become markup. The headers
//! forbid inline scripts, other origins and framing.

use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

/// Only this server's own files; no inline script or style.
pub const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
                       img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; \
                       base-uri 'none'; form-action 'self'";

const PHONE_HTML: &str = include_str!("../../assets/room/phone.html");
const SCREEN_HTML: &str = include_str!("../../assets/room/screen.html");
const STYLE_CSS: &str = include_str!("../../assets/room/room.css");
const COMMON_JS: &str = include_str!("../../assets/room/common.js");
const PHONE_JS: &str = include_str!("../../assets/room/phone.js");
const SCREEN_JS: &str = include_str!("../../assets/room/screen.js");

fn file(content_type: &'static str, body: &'static str) -> Response {
    ([(header::CONTENT_TYPE, content_type)], body).into_response()
}

/// The phone page in the session's language (known before joining, so
/// the code prompt already speaks it).
pub fn phone(lang: crate::model::Lang) -> Response {
    let page = PHONE_HTML.replacen(
        "<html lang=\"en\">",
        &format!("<html lang=\"{}\" data-session=\"yes\">", lang.code()),
        1,
    );
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], page).into_response()
}

pub fn routes<S: Clone + Send + Sync + 'static>() -> Router<S> {
    const HTML: &str = "text/html; charset=utf-8";
    const JS: &str = "text/javascript; charset=utf-8";
    Router::new()
        .route("/screen", get(|| async { file(HTML, SCREEN_HTML) }))
        .route(
            "/room.css",
            get(|| async { file("text/css; charset=utf-8", STYLE_CSS) }),
        )
        .route("/common.js", get(|| async { file(JS, COMMON_JS) }))
        .route("/phone.js", get(|| async { file(JS, PHONE_JS) }))
        .route("/screen.js", get(|| async { file(JS, SCREEN_JS) }))
}

/// Headers on every answer, pages and API alike.
pub async fn secure_headers(mut response: Response) -> Response {
    let headers = response.headers_mut();
    let mut set = |name: header::HeaderName, value: &'static str| {
        headers.insert(name, HeaderValue::from_static(value));
    };
    set(header::CONTENT_SECURITY_POLICY, CSP);
    set(header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(header::REFERRER_POLICY, "no-referrer");
    set(header::X_FRAME_OPTIONS, "DENY");
    set(header::CACHE_CONTROL, "no-store");
    response
}

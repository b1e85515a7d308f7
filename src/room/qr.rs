//! `GET /screen/qr.svg`: the join QR code of the room's address, as an
//! image for the projector page (a projector plugged into another
//! computer has no terminal to draw it in). Served by this server only,
//! so only while the room is open, and only to a device that joined.

use super::error::ApiError;
use super::shared::Shared;
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};
use std::sync::Arc;

/// Pixels per module: the image's natural size; the page scales it.
const MODULE_PIXELS: u32 = 8;

/// The QR code of `text` as an SVG (level M, as drawn in the terminal:
/// a projected code is read at an angle, through glare), quiet zone
/// included.
pub fn svg_of(text: &str) -> Option<String> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    Some(
        code.render::<svg::Color>()
            .quiet_zone(true)
            .module_dimensions(MODULE_PIXELS, MODULE_PIXELS)
            .build(),
    )
}

pub async fn screen_qr(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let token = super::api::joined(&shared, &headers)?;
    shared.check_read(&token)?;
    let svg = svg_of(&shared.url).ok_or_else(|| {
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "no_qr",
            "the room's address is too long for a QR code",
        )
    })?;
    Ok(([(header::CONTENT_TYPE, "image/svg+xml")], svg).into_response())
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_svg_is_one_image() {
        let svg = super::svg_of("http://10.0.0.5:7777/").unwrap();
        assert!(svg.contains("<svg") && svg.ends_with("</svg>"), "{svg}");
    }
}

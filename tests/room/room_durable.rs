//! What survives a restart of the room, and the projector's QR image:
//! a post retried after the laptop restarted the room records one text;
//! `/screen/qr.svg` is an SVG that scans back to the room's address.

use crate::helpers;

use helpers::open_room;
use reqwest::StatusCode;
use serde_json::json;

#[test]
fn a_post_retried_after_a_restart_records_one_text() {
    let mut room = open_room(&["Ana"], false);
    let token = room.join_as(json!({ "anonymous": true }));
    let kind = room.open_kind(&token);
    let post = json!({"kind": kind, "text": "Le bruit des couloirs", "id": "post-7f3a"});
    let sent = room.post(Some(&token), "/api/contributions", &post);
    assert_eq!(sent.status, StatusCode::CREATED, "{:?}", sent.body);
    assert_eq!(sent.body["state"], "pending");

    room.restart();
    let gone = room.post(Some(&token), "/api/contributions", &post);
    assert_eq!(gone.status, StatusCode::UNAUTHORIZED, "a new server");
    let token = room.join_as(json!({ "anonymous": true }));
    let retried = room.post(Some(&token), "/api/contributions", &post);
    assert_eq!(retried.status, StatusCode::CREATED, "{:?}", retried.body);
    assert_eq!(
        retried.body["state"], "pending",
        "answered as the first copy"
    );
    let inbox = room.store().inbox(room.session, false).unwrap();
    assert_eq!(inbox.len(), 1, "one row: {inbox:?}");

    // Another post id is another text.
    let other = room.post(
        Some(&token),
        "/api/contributions",
        &json!({"kind": kind, "text": "Le bruit des couloirs", "id": "post-9c1d"}),
    );
    assert_eq!(other.status, StatusCode::CREATED);
    assert_eq!(room.store().inbox(room.session, false).unwrap().len(), 2);
}

/// The dark rectangles of the SVG the `qrcode` crate draws: one path of
/// `M{x} {y}h{w}v{h}H{x}V{y}` runs on a `width` × `height` canvas.
fn rasterise(svg: &str) -> (usize, Vec<Vec<bool>>) {
    let attr = |name: &str| -> usize {
        let start = svg.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
        let end = start + svg[start..].find('"').unwrap();
        svg[start..end].parse().unwrap()
    };
    let (width, height) = (attr("width"), attr("height"));
    assert_eq!(width, height, "a square code");
    let mut dark = vec![vec![false; width]; height];
    let d_start = svg.find(" d=\"").unwrap() + 4;
    let d = &svg[d_start..d_start + svg[d_start..].find('"').unwrap()];
    for run in d.split('M').filter(|r| !r.is_empty()) {
        let numbers: Vec<usize> = run
            .split(|c: char| !c.is_ascii_digit())
            .filter(|n| !n.is_empty())
            .map(|n| n.parse().unwrap())
            .collect();
        let [x, y, w, h, ..] = numbers[..] else {
            panic!("a path run of four numbers at least: {run:?}");
        };
        for row in &mut dark[y..y + h] {
            row[x..x + w].fill(true);
        }
    }
    (width, dark)
}

#[test]
fn the_projector_shows_a_qr_image_of_the_room_address() {
    let room = open_room(&["Ana"], false);
    let refused = room.get(None, "/screen/qr.svg");
    assert_eq!(refused.status, StatusCode::UNAUTHORIZED);

    let screen = room.join_as(json!({ "anonymous": true }));
    let qr = room.get(Some(&screen), "/screen/qr.svg");
    assert_eq!(qr.status, StatusCode::OK);
    assert_eq!(qr.content_type, "image/svg+xml");
    assert!(qr.csp.unwrap().contains("img-src 'self'"));
    let svg = qr.body.as_str().expect("an SVG text");
    assert!(svg.contains("<svg") && !svg.contains("<script"), "{svg}");

    let (size, dark) = rasterise(svg);
    let mut image =
        rqrr::PreparedImage::prepare_from_greyscale(
            size,
            size,
            |x, y| {
                if dark[y][x] {
                    0
                } else {
                    255
                }
            },
        );
    let grids = image.detect_grids();
    assert_eq!(grids.len(), 1, "one code found");
    let text = grids[0].decode().expect("the code decodes").1;
    assert_eq!(text, room.running.as_ref().unwrap().url());

    // The projector page shows it once joined (the image needs the cookie).
    let page = room.get(None, "/screen");
    assert!(page.body.as_str().unwrap().contains("<img id=\"qr\""));
    let script = room.get(None, "/screen.js");
    assert!(script.body.as_str().unwrap().contains("\"/screen/qr.svg\""));
}

//! The room under load, on loopback only: 40 simulated phones join and
//! post for 30 s (`ATELIER_ROOM_LOAD_SECONDS` shortens it), while a
//! facilitator's own connection keeps recording as the terminal screen
//! would. Prints how many posts were answered 201, how many are in the
//! store (none may be lost), and the commit latency (p50/p99) seen by the
//! phones and by the facilitator. Run by `scripts/bench`.

use atelier::room::{self, RoomOptions};
use atelier::store::{NewContribution, Store};
use atelier::templates::Catalog;
use reqwest::blocking::Client;
use reqwest::StatusCode;
use serde_json::json;
use std::net::{IpAddr, Ipv4Addr};
use std::time::{Duration, Instant};

const PHONES: usize = 40;
/// A phone posts about once a second (within its rate limit).
const EVERY: Duration = Duration::from_millis(1000);
const CODE: &str = "777777";

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let at = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[at].as_secs_f64() * 1000.0
}

struct Phone {
    answered: usize,
    latencies: Vec<Duration>,
    retries: usize,
}

fn phone(base: String, n: usize, until: Instant) -> Phone {
    // Each phone from an address of its own, as on a Wi-Fi (the room
    // limits connections per address).
    let from = Ipv4Addr::new(127, 0, 0, 2 + n as u8);
    let client = Client::builder()
        .local_address(IpAddr::V4(from))
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap();
    let join = client
        .post(format!("{base}api/join"))
        .json(&json!({ "code": CODE }))
        .send()
        .unwrap();
    assert_eq!(join.status(), StatusCode::OK, "phone {n} joins");
    let cookie = join.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_string();
    let who = if n.is_multiple_of(3) {
        json!({ "anonymous": true })
    } else {
        json!({ "name": format!("Phone {n}") })
    };
    let chosen = client
        .post(format!("{base}api/join"))
        .header("Cookie", &cookie)
        .json(&who)
        .send()
        .unwrap();
    assert_eq!(chosen.status(), StatusCode::OK);
    let mut done = Phone {
        answered: 0,
        latencies: Vec::new(),
        retries: 0,
    };
    // Spread the phones over the first second.
    std::thread::sleep(EVERY * n as u32 / PHONES as u32);
    let mut i = 0;
    while Instant::now() < until {
        let started = Instant::now();
        let body = json!({
            "id": format!("{n}-{i}"),
            "kind": "observation",
            "text": format!("constat {i} du téléphone {n}"),
        });
        loop {
            let sent = Instant::now();
            let answer = client
                .post(format!("{base}api/contributions"))
                .header("Cookie", &cookie)
                .json(&body)
                .send();
            match answer.map(|a| a.status()) {
                Ok(StatusCode::CREATED) => {
                    done.latencies.push(sent.elapsed());
                    done.answered += 1;
                    break;
                }
                // As the page does: the same text again, a little later.
                _ => {
                    done.retries += 1;
                    std::thread::sleep(Duration::from_millis(500));
                }
            }
        }
        i += 1;
        std::thread::sleep(EVERY.saturating_sub(started.elapsed()));
    }
    done
}

fn main() {
    let seconds: u64 = std::env::var("ATELIER_ROOM_LOAD_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(30);
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("load.sqlite3");
    let mut store = Store::open(&db).unwrap();
    let session = store
        .create_session(
            &atelier::store::NewSession {
                title: "Load".into(),
                event: "".into(),
                date: chrono::NaiveDate::from_ymd_opt(2026, 3, 18).unwrap(),
                language: atelier::model::Lang::Fr,
                question: "Comment ?".into(),
                context: "".into(),
                lead: "Lea".into(),
                participants: vec!["Ana".into()],
            },
            Catalog::built_in().get("emergence").unwrap(),
        )
        .unwrap();
    let stages = store.stages(session).unwrap();
    let stage = stages[1].id;
    store.enter_stage(session, stage, None).unwrap();
    let running = room::open(
        &db,
        session,
        RoomOptions {
            bind: Some(IpAddr::V4(Ipv4Addr::LOCALHOST)),
            port: Some(0),
            code: Some(CODE.into()),
            ..Default::default()
        },
        Box::new(|_| {}),
    )
    .unwrap();
    let base = running.url().to_string();
    let until = Instant::now() + Duration::from_secs(seconds);
    let phones: Vec<_> = (0..PHONES)
        .map(|n| {
            let base = base.clone();
            std::thread::spawn(move || phone(base, n, until))
        })
        .collect();
    // The facilitator types on: each record is a commit the screen waits for.
    let mut facilitator = Vec::new();
    while Instant::now() < until {
        let started = Instant::now();
        store
            .add_contribution(&NewContribution {
                stage_id: stage,
                participant_id: None,
                kind: atelier::model::Kind::Observation,
                text: "typed by the facilitator".into(),
                parent_id: None,
                group: None,
                anonymous: false,
                origin: atelier::model::Origin::Facilitator,
            })
            .unwrap();
        facilitator.push(started.elapsed());
        std::thread::sleep(Duration::from_millis(250));
    }
    let mut answered = 0;
    let mut retries = 0;
    let mut latencies = Vec::new();
    for p in phones {
        let p = p.join().unwrap();
        answered += p.answered;
        retries += p.retries;
        latencies.extend(p.latencies);
    }
    running.close();
    let stored = Store::open(&db)
        .unwrap()
        .inbox(session, false)
        .unwrap()
        .len();
    latencies.sort();
    facilitator.sort();
    let lost = answered.saturating_sub(stored);
    println!(
        "room load: {PHONES} phones for {seconds} s: {answered} posts answered 201, \
         {stored} in the store, {lost} lost, {retries} retried"
    );
    println!(
        "room load: phone commit latency p50 {:.1} ms, p99 {:.1} ms; \
         facilitator's own commits meanwhile p50 {:.1} ms, p99 {:.1} ms",
        percentile(&latencies, 0.5),
        percentile(&latencies, 0.99),
        percentile(&facilitator, 0.5),
        percentile(&facilitator, 0.99),
    );
    if lost > 0 || stored != answered {
        eprintln!("room load: the store does not hold exactly what was answered");
        std::process::exit(1);
    }
}

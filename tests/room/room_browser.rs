//! A real browser in the room: headless Chromium at a phone's size, driven
//! over WebDriver (chromedriver), joins with the code, picks a name from the
//! roster, sends a constat, sees it "received", and the input is in the
//! store. Without chromedriver the test says why and passes, except under
//! CI (`CI` set), where `.ci/run` installs it and its absence is a failure.

use crate::helpers;

use fantoccini::{Client, ClientBuilder, Locator};
use helpers::CODE;
use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const CHROME_ARGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--window-size=390,844",
];

fn find(program: &str) -> Option<std::path::PathBuf> {
    std::env::var_os("PATH")?
        .to_str()?
        .split(':')
        .map(|dir| std::path::Path::new(dir).join(program))
        .find(|p| p.is_file())
}

pub struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

const HOSTILE: &str =
    "<img src=x onerror=\"document.title='pwned'\"><script>document.title='pwned'</script>";

/// How long a page may take to show what is waited for.
pub const WAIT: Duration = Duration::from_secs(20);

/// Polls `ready` until it holds, or fails naming `what` after `WAIT`.
pub async fn until<F, Fut>(what: &str, mut ready: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let deadline = Instant::now() + WAIT;
    while !ready().await {
        assert!(Instant::now() < deadline, "waited in vain for {what}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The text of the first element matching `css` once `ready` holds for
/// it. The page draws its lists again whenever the room changes, so each
/// try finds the element anew (one found a moment ago may be stale).
pub async fn until_text(client: &Client, css: &str, ready: impl Fn(&str) -> bool) -> String {
    let deadline = Instant::now() + WAIT;
    let mut last = String::new();
    loop {
        if let Ok(element) = client.find(Locator::Css(css)).await {
            if let Ok(text) = element.text().await {
                last = text;
            }
        }
        if ready(&last) {
            return last;
        }
        assert!(
            Instant::now() < deadline,
            "waited in vain for {css}; it last showed {last:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Clicks what `locator` finds, finding it anew on each try: the roster
/// and the lists are drawn again as the room changes, and a button found a
/// moment ago may be stale.
pub async fn click_fresh(client: &Client, what: &str, locator: Locator<'_>) {
    until(&format!("a click on {what}"), || async {
        match client.find(locator).await {
            Ok(element) => element.click().await.is_ok(),
            Err(_) => false,
        }
    })
    .await;
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// chromedriver, or `None` after saying why the browser test cannot run
/// (a failure under CI, which installs it).
pub fn chromedriver_or_skip() -> Option<std::path::PathBuf> {
    let found = find("chromedriver");
    if found.is_none() {
        let why = "room_browser: SKIPPED: chromedriver is not installed \
                   (apt-get install chromium chromium-driver; .ci/run does)";
        assert!(std::env::var_os("CI").is_none(), "{why}");
        eprintln!("{why}");
    }
    found
}

#[test]
fn a_phone_browser_joins_and_sends_a_constat_that_reaches_the_store() {
    let Some(chromedriver) = chromedriver_or_skip() else {
        return;
    };
    // The room (and its blocking HTTP client) lives outside the browser's
    // async runtime.
    let room = helpers::open_room_at_stage(&["Ana", "Bo"], false, 1);
    // Shown to the room: a hostile text the facilitator recorded.
    let mut store = room.store();
    let stage = store.stages(room.session).unwrap()[1].id;
    store
        .add_contribution(&atelier::store::NewContribution {
            stage_id: stage,
            participant_id: None,
            kind: atelier::model::Kind::Observation,
            text: HOSTILE.into(),
            parent_id: None,
            group: None,
            anonymous: false,
            origin: atelier::model::Origin::Facilitator,
        })
        .unwrap();
    drop(store);
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(drive(&room, &chromedriver));
}

/// A headless Chromium at a phone's size, with its own profile; the
/// driver and the profile live as long as the answer.
pub async fn phone_browser(
    chromedriver: &std::path::Path,
) -> (fantoccini::Client, Driver, tempfile::TempDir) {
    let profile = tempfile::tempdir().unwrap();
    let port = free_port();
    let driver = Driver(
        Command::new(chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts"),
    );
    let mut args: Vec<String> = CHROME_ARGS.iter().map(|a| a.to_string()).collect();
    args.push(format!("--user-data-dir={}", profile.path().display()));
    let mut options = serde_json::json!({ "args": args });
    if let Some(chromium) = find("chromium") {
        options["binary"] = chromium.display().to_string().into();
    }
    let mut caps = serde_json::Map::new();
    caps.insert("goog:chromeOptions".into(), options);
    let webdriver = format!("http://127.0.0.1:{port}");
    let deadline = Instant::now() + Duration::from_secs(20);
    let client = loop {
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        match ClientBuilder::new(connector)
            .capabilities(caps.clone())
            .connect(&webdriver)
            .await
        {
            Ok(client) => break client,
            Err(e) if Instant::now() > deadline => panic!("no WebDriver session: {e}"),
            Err(_) => tokio::time::sleep(Duration::from_millis(200)).await,
        }
    };
    (client, driver, profile)
}

async fn drive(room: &helpers::Room, chromedriver: &std::path::Path) {
    let (client, _driver, _profile) = phone_browser(chromedriver).await;
    let shots = std::env::var_os("ATELIER_ROOM_SHOTS").map(std::path::PathBuf::from);
    let shot = |name: &'static str| {
        let client = client.clone();
        let shots = shots.clone();
        async move {
            if let Some(dir) = shots {
                let png = client.screenshot().await.unwrap();
                std::fs::write(dir.join(name), png).unwrap();
            }
        }
    };

    client.goto(&room.url("/")).await.unwrap();
    let code = client
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Id("code"))
        .await
        .unwrap();
    shot("room-phone-join.png").await;
    code.send_keys(CODE).await.unwrap();
    client
        .find(Locator::Css("#code-form button"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let roster_ana = Locator::XPath("//ul[@id='roster']//button[.='Ana']");
    client
        .wait()
        .at_most(WAIT)
        .for_element(roster_ana)
        .await
        .unwrap();
    shot("room-phone-who.png").await;
    click_fresh(&client, "Ana's name", roster_ana).await;
    let text = client
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Id("text"))
        .await
        .unwrap();
    until_text(&client, "#items li", |shown| shown.contains(HOSTILE)).await;
    let markup = client
        .find_all(Locator::Css("#items img, #items script"))
        .await
        .unwrap();
    assert!(markup.is_empty(), "a stored text became markup");
    assert_ne!(client.title().await.unwrap(), "pwned");
    let send = client.find(Locator::Id("send")).await.unwrap();
    until("the sending screen", || async {
        send.is_displayed().await.unwrap()
    })
    .await;
    client
        .find(Locator::Css("#kinds input[value='observation']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    text.send_keys("Les agents ne sont pas consultés <b>ici</b>")
        .await
        .unwrap();
    client
        .find(Locator::Id("send-button"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let shown = until_text(&client, "#outbox li.pending", |shown| {
        shown.contains("consultés")
    })
    .await;
    shot("room-phone-sent.png").await;
    assert!(shown.contains("<b>ici</b>"), "shown as text: {shown}");

    let ana_id = room.store().participants(room.session).unwrap()[0].id;
    let inbox = room.store().inbox(room.session, false).unwrap();
    assert_eq!(inbox.len(), 1);
    assert_eq!(inbox[0].text, "Les agents ne sont pas consultés <b>ici</b>");
    assert_eq!(inbox[0].kind, atelier::model::Kind::Observation);
    assert_eq!(inbox[0].participant_id, Some(ana_id));

    client.goto(&room.url("/screen")).await.unwrap();
    until_text(&client, "#join-code", |shown| shown == CODE).await;
    shot("room-screen.png").await;
    client.close().await.unwrap();
}

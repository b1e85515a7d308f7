//! A real phone browser whose device expired while idle: sending is
//! refused, the page goes back to the join form saying why in the
//! session's language (French here, while the browser speaks English), the
//! stored code is not tried behind the person's back, and the text sent
//! meanwhile is kept and goes once the code is typed again.

use crate::helpers;
use crate::room_browser::{chromedriver_or_skip, click_fresh, phone_browser, until, WAIT};

use atelier::room::RoomLimits;
use fantoccini::{Client, Locator};
use helpers::CODE;
use std::time::Duration;

const IDLE: Duration = Duration::from_secs(2);
const EXPIRED_FR: &str = "Votre session sur ce téléphone a expiré ; saisissez à nouveau le code.";
const TEXT: &str = "Personne ne lit les comptes rendus";

#[test]
fn an_expired_phone_is_told_why_and_loses_nothing() {
    let Some(chromedriver) = chromedriver_or_skip() else {
        return;
    };
    let room = helpers::open_room_at_stage_with(
        &["Ana", "Bo"],
        false,
        1,
        RoomLimits {
            device_idle: IDLE,
            ..RoomLimits::default()
        },
    );
    room.store()
        .apply(|tx| tx.set_language(room.session, atelier::model::Lang::Fr))
        .unwrap();
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(drive(&room, &chromedriver));
    let inbox = room.store().inbox(room.session, false).unwrap();
    assert_eq!(inbox.len(), 1, "sent once, after joining again: {inbox:?}");
    assert_eq!(inbox[0].text, TEXT);
    let ana = room.store().participants(room.session).unwrap()[0].id;
    assert_eq!(inbox[0].participant_id, Some(ana), "still sent as Ana");
}

async fn join_with_code(client: &Client) {
    let code = client
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Id("code"))
        .await
        .unwrap();
    code.clear().await.unwrap();
    code.send_keys(CODE).await.unwrap();
    click(client, "#code-form button").await;
}

async fn click(client: &Client, css: &str) {
    client
        .find(Locator::Css(css))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
}

async fn displayed(client: &Client, id: &str) -> bool {
    client
        .find(Locator::Id(id))
        .await
        .unwrap()
        .is_displayed()
        .await
        .unwrap()
}

async fn drive(room: &helpers::Room, chromedriver: &std::path::Path) {
    let (client, _driver, _profile) = phone_browser(chromedriver).await;
    client.goto(&room.url("/")).await.unwrap();
    join_with_code(&client).await;
    let ana = Locator::XPath("//ul[@id='roster']//button[.='Ana']");
    client.wait().at_most(WAIT).for_element(ana).await.unwrap();
    click_fresh(&client, "Ana's name", ana).await;
    until("the sending screen", || displayed(&client, "send")).await;

    tokio::time::sleep(IDLE + Duration::from_millis(800)).await;
    client
        .find(Locator::Id("text"))
        .await
        .unwrap()
        .send_keys(TEXT)
        .await
        .unwrap();
    click(&client, "#send-button").await;

    until("the join form", || displayed(&client, "join")).await;
    let status = client.find(Locator::Id("status")).await.unwrap();
    assert_eq!(status.text().await.unwrap(), EXPIRED_FR);
    assert!(!displayed(&client, "send").await);
    // The unsent text is kept (its markup: the list is hidden behind the
    // join form; found anew on each try, as the list is drawn again).
    until("the unsent text kept", || async {
        match client.find(Locator::Css("#outbox li")).await {
            Ok(li) => li.html(false).await.is_ok_and(|h| h.contains(TEXT)),
            Err(_) => false,
        }
    })
    .await;
    assert!(
        room.store().inbox(room.session, false).unwrap().is_empty(),
        "nothing sent by the expired device"
    );
    // A reload still asks for the code (the stored one is not tried).
    client.refresh().await.unwrap();
    until("the join form after a reload", || {
        displayed(&client, "join")
    })
    .await;
    let status = client.find(Locator::Id("status")).await.unwrap();
    until("the reason after a reload", || async {
        status.text().await.unwrap() == EXPIRED_FR
    })
    .await;

    join_with_code(&client).await;
    until("the sending screen again", || displayed(&client, "send")).await;
    client
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css("#outbox li.pending"))
        .await
        .unwrap();
    assert_eq!(status.text().await.unwrap(), "", "the reason is gone");
    client.close().await.unwrap();
}

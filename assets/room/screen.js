// The projector page: what the room may see, in large type, following
// every change; the join code while the room is open.
"use strict";

let state = null;
let stateAt = Date.now();

function render(next) {
  state = next;
  stateAt = Date.now();
  setLang(state.language);
  show("join", false);
  show("board", true);
  byId("title").textContent = state.title;
  byId("question").textContent = state.question;
  const stage = state.stage;
  byId("stage-title").textContent = stage ? stage.title : t("no_stage");
  byId("guidance").textContent = stage ? stage.guidance : "";
  show("how", !!state.room);
  if (state.room) {
    byId("url").textContent = state.room.url;
    byId("join-code").textContent = state.room.code;
    // The image needs the device's cookie: asked for once joined.
    if (!byId("qr").getAttribute("src")) {
      byId("qr").src = "/screen/qr.svg";
    }
  }
  renderItems(byId("items"), state.show_items ? state.items : []);
}

async function start() {
  const answer = await api("GET", "/api/state");
  if (answer.status === 200) {
    render(answer.body);
    follow(render, start);
    return;
  }
  if (answer.status === 0) {
    status(t("closed"));
    setTimeout(start, 3000);
    return;
  }
  show("board", false);
  show("join", true);
}

function setUp() {
  setLang(LANG);
  byId("code-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const answer = await joinWithCode(byId("code").value);
    if (answer.status === 200) {
      status("");
      start();
    } else {
      status(errorText(answer));
    }
  });
  setInterval(() => {
    if (state && state.stage) {
      byId("timer").textContent = timerText(state.stage.timer, stateAt);
    }
  }, 1000);
  start();
}

setUp();

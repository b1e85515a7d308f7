// The phone page: join with the code, choose who you are, send
// contributions. Nothing typed is lost: the draft and every text not yet
// answered "received" stay in localStorage and are sent again, with
// growing waits, until the server says they are committed.
"use strict";

const STORE = {
  code: "atelier.room.code",
  who: "atelier.room.who",
  draft: "atelier.room.draft",
  outbox: "atelier.room.outbox"
};
const KEEP_SENT = 20;

let state = null;
let stateAt = Date.now();
let identity = null;
let chosenKind = null;
let stopFollowing = null;
let sending = false;
let outbox = load(STORE.outbox, []);

function load(key, fallback) {
  try {
    const value = localStorage.getItem(key);
    return value === null ? fallback : JSON.parse(value);
  } catch (e) {
    return fallback;
  }
}

function save(key, value) {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch (e) {
    // Private mode or full: the page still holds the text until received.
  }
}

function newId() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function screen(name) {
  for (const id of ["join", "who", "send"]) {
    show(id, id === name);
  }
}

// Where the page starts and comes back to when the server forgot us
// (restarted): the stored code and choice are tried again first. A phone
// idle too long is not let back in by the stored code: the page says so
// and asks for the code; its draft and unsent texts wait, and go once it
// joined again.
async function start() {
  const known = await api("POST", "/api/join", {});
  if (known.status === 200) {
    return joined(known.body.identity);
  }
  if (known.status === 401 && known.body.error === "expired") {
    stopFollowing?.();
    stopFollowing = null;
    save(STORE.code, null);
    screen("join");
    status(t("expired"));
    return;
  }
  const code = load(STORE.code, null);
  if (code) {
    const answer = await joinWithCode(code);
    if (answer.status === 200) {
      return joined(answer.body.identity);
    }
  }
  if (known.status === 0) {
    status(t("closed"));
    setTimeout(start, 3000);
  }
  screen("join");
}

async function joined(who) {
  identity = who;
  const answer = await api("GET", "/api/state");
  if (answer.status === 200) {
    render(answer.body);
  }
  if (!identity) {
    const remembered = load(STORE.who, null);
    if (remembered) {
      const again = await api("POST", "/api/join", remembered);
      if (again.status === 200) {
        identity = again.body.identity;
      }
    }
  }
  screen(identity ? "send" : "who");
  if (!stopFollowing) {
    stopFollowing = follow(render, () => {
      stopFollowing = null;
      start();
    });
  }
  sendAll();
}

async function choose(who) {
  const answer = await api("POST", "/api/join", who);
  if (answer.status === 200) {
    save(STORE.who, who.name ? { participant: answer.body.identity.participant } : who);
    identity = answer.body.identity;
    status("");
    screen("send");
    if (state) {
      render(state);
    }
    sendAll();
  } else {
    status(errorText(answer));
  }
}

function render(next) {
  state = next;
  stateAt = Date.now();
  setLang(state.language);
  byId("title").textContent = state.title;
  byId("question").textContent = state.question;
  const stage = state.stage;
  byId("stage-title").textContent = stage ? stage.title : t("no_stage");
  byId("guidance").textContent = stage ? stage.guidance : "";
  renderKinds(stage ? stage.kinds : []);
  renderRoster();
  renderAs();
  show("anonymous", state.anonymous_allowed);
  show("items-title", state.show_items && state.items.length > 0);
  const canVote = identity && identity.participant;
  renderItems(byId("items"), state.items, canVote ? vote : null);
  renderOutbox();
}

async function vote(item) {
  const answer = await api("POST", "/api/votes", { item: item });
  if (answer.status === 201) {
    byId("dots").textContent = t("dots_left", { n: answer.body.dots_left });
    status("");
  } else {
    byId("dots").textContent = "";
    status(errorText(answer));
  }
}

// Drawn again only when they change: a state event must not replace the
// button a finger is on.
let drawnKinds = null;
let drawnRoster = null;

function renderKinds(kinds) {
  const box = byId("kinds");
  const keys = kinds.map((k) => k.key);
  if (!keys.includes(chosenKind)) {
    chosenKind = keys[0] || null;
  }
  const drawn = JSON.stringify(kinds);
  if (drawn === drawnKinds) {
    return;
  }
  drawnKinds = drawn;
  box.replaceChildren();
  for (const kind of kinds) {
    const label = el("label");
    const radio = el("input");
    radio.type = "radio";
    radio.name = "kind";
    radio.value = kind.key;
    radio.checked = kind.key === chosenKind;
    radio.addEventListener("change", () => {
      chosenKind = kind.key;
    });
    label.append(radio, document.createTextNode(kind.label));
    box.append(label);
  }
  byId("send-button").disabled = kinds.length === 0;
}

function renderRoster() {
  const list = byId("roster");
  const drawn = JSON.stringify(state.roster);
  if (drawn === drawnRoster) {
    return;
  }
  drawnRoster = drawn;
  list.replaceChildren();
  for (const person of state.roster) {
    const li = el("li");
    const button = el("button", null, person.name);
    button.type = "button";
    button.addEventListener("click", () => choose({ participant: person.id }));
    li.append(button);
    list.append(li);
  }
}

function renderAs() {
  let text = "";
  if (identity && identity.anonymous) {
    text = t("as_anonymous");
  } else if (identity && identity.participant && state) {
    const person = state.roster.find((p) => p.id === identity.participant);
    text = person ? t("as_named", { name: person.name }) : "";
  }
  byId("as").textContent = text;
}

function renderOutbox() {
  const list = byId("outbox");
  list.replaceChildren();
  for (const item of outbox) {
    const li = el("li", item.state);
    li.append(document.createTextNode(item.text));
    let note = t(item.state);
    if (item.state === "refused") {
      note = t("refused") + (item.reason || "");
    }
    const mark = el("span", "state", note);
    if (item.state === "refused") {
      const edit = el("button", "link", t("edit"));
      edit.type = "button";
      edit.addEventListener("click", () => {
        byId("text").value = item.text;
        saveDraft();
        outbox = outbox.filter((o) => o.id !== item.id);
        keepOutbox();
      });
      mark.append(" ", edit);
    }
    li.append(mark);
    list.append(li);
  }
}

function keepOutbox() {
  const sent = outbox.filter((o) => o.state === "received" || o.state === "pending");
  const extra = sent.length - KEEP_SENT;
  if (extra > 0) {
    const drop = new Set(sent.slice(0, extra).map((o) => o.id));
    outbox = outbox.filter((o) => !drop.has(o.id));
  }
  save(STORE.outbox, outbox);
  renderOutbox();
}

function saveDraft() {
  save(STORE.draft, byId("text").value);
}

// Sends every text not yet received, oldest first; waits longer after
// each failure (1 s, 2 s, 4 s … 30 s) and never drops a text.
async function sendAll() {
  if (sending || !identity) {
    return;
  }
  sending = true;
  let wait = 1000;
  for (;;) {
    const next = outbox.find((o) => o.state === "sending" || o.state === "retrying");
    if (!next) {
      break;
    }
    const answer = await api("POST", "/api/contributions", {
      id: next.id,
      kind: next.kind,
      text: next.text
    });
    if (answer.status === 201) {
      next.state = answer.body.state === "recorded" ? "received" : "pending";
      wait = 1000;
      status("");
    } else if (answer.status === 401) {
      sending = false;
      return start();
    } else if (answer.status === 0 || answer.status === 429 || answer.status >= 500) {
      next.state = "retrying";
      status(errorText(answer));
      keepOutbox();
      await new Promise((resolve) => setTimeout(resolve, wait));
      wait = Math.min(wait * 2, 30000);
      continue;
    } else {
      next.state = "refused";
      next.reason = (answer.body && answer.body.message) || String(answer.status);
    }
    keepOutbox();
  }
  keepOutbox();
  sending = false;
}

function submit(event) {
  event.preventDefault();
  const text = byId("text").value;
  if (!text.trim() || !chosenKind) {
    return;
  }
  outbox.push({ id: newId(), kind: chosenKind, text: text, state: "sending" });
  keepOutbox();
  byId("text").value = "";
  saveDraft();
  sendAll();
}

function setUp() {
  setLang(LANG);
  byId("text").value = load(STORE.draft, "");
  byId("text").addEventListener("input", saveDraft);
  byId("post-form").addEventListener("submit", submit);
  byId("code-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const code = byId("code").value;
    const answer = await joinWithCode(code);
    if (answer.status === 200) {
      save(STORE.code, code.trim());
      status("");
      joined(answer.body.identity);
    } else {
      status(errorText(answer));
    }
  });
  byId("name-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const name = byId("name").value.trim();
    if (name) {
      choose({ name: name });
    }
  });
  byId("anonymous").addEventListener("click", () => choose({ anonymous: true }));
  byId("change").addEventListener("click", () => {
    identity = null;
    save(STORE.who, null);
    screen("who");
  });
  setInterval(() => {
    if (state && state.stage) {
      byId("timer").textContent = timerText(state.stage.timer, stateAt);
    }
  }, 1000);
  renderOutbox();
  start();
}

setUp();

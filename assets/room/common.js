// Shared by the phone page and the projector page. Every text from the
// server is shown with textContent: nothing a phone sent becomes markup.
"use strict";

const TEXTS = {
  en: {
    code_label: "Code shown in the room",
    join: "Join",
    who: "Who are you?",
    new_name: "Or add your name",
    add_me: "Add me",
    stay_anonymous: "Stay anonymous",
    change: "change",
    your_text: "Your contribution",
    send: "Send",
    shared: "Shared in the room",
    sending: "sending…",
    retrying: "not sent yet, trying again…",
    received: "received ✓",
    pending: "received ✓ (waiting for the facilitator to read it)",
    refused: "not sent: ",
    edit: "edit",
    as_named: "You send as {name}.",
    as_anonymous: "You send anonymously.",
    wrong_code: "This is not the room's code.",
    code_required: "Type the code shown in the room.",
    too_many: "Too many requests: wait a moment.",
    too_many_wrong_codes: "Too many wrong codes were tried in this room: wait a minute, then type the code again.",
    room_full: "The room is full; try again later.",
    expired: "Your session on this phone expired; enter the code again.",
    one_name_per_device: "This phone has already added a name: choose that one.",
    roster_full: "The list of names is full: pick a name on it or stay anonymous.",
    closed: "The room is closed or out of reach; trying again…",
    no_stage: "No stage is open yet.",
    how_to_join: "Join from your phone:",
    code_is: "code",
    votes: "{n} dots",
    left: "{t} left",
    over: "{t} over",
    elapsed: "{t}",
    nothing_yet: "Nothing yet.",
    vote: "+ dot",
    dots_left: "Dot placed: {n} left.",
    no_dots_left: "You have placed all your dots.",
    vote_needs_name: "Choose your name to vote."
  },
  fr: {
    code_label: "Code affiché dans la salle",
    join: "Rejoindre",
    who: "Qui êtes-vous ?",
    new_name: "Ou ajoutez votre nom",
    add_me: "M'ajouter",
    stay_anonymous: "Rester anonyme",
    change: "changer",
    your_text: "Votre contribution",
    send: "Envoyer",
    shared: "Partagé dans la salle",
    sending: "envoi…",
    retrying: "pas encore envoyé, nouvel essai…",
    received: "reçu ✓",
    pending: "reçu ✓ (en attente de lecture par l'animation)",
    refused: "non envoyé : ",
    edit: "modifier",
    as_named: "Vous envoyez en tant que {name}.",
    as_anonymous: "Vous envoyez anonymement.",
    wrong_code: "Ce n'est pas le code de la salle.",
    code_required: "Tapez le code affiché dans la salle.",
    too_many: "Trop de requêtes : patientez un instant.",
    too_many_wrong_codes: "Trop de codes erronés ont été essayés dans cette salle : patientez une minute, puis retapez le code.",
    room_full: "La salle est pleine ; réessayez plus tard.",
    expired: "Votre session sur ce téléphone a expiré ; saisissez à nouveau le code.",
    one_name_per_device: "Ce téléphone a déjà ajouté un nom : choisissez celui-là.",
    roster_full: "La liste des noms est pleine : choisissez-y un nom ou restez anonyme.",
    closed: "La salle est fermée ou injoignable ; nouvel essai…",
    no_stage: "Aucune étape n'est encore ouverte.",
    how_to_join: "Rejoignez depuis votre téléphone :",
    code_is: "code",
    votes: "{n} gommettes",
    left: "reste {t}",
    over: "dépassé de {t}",
    elapsed: "{t}",
    nothing_yet: "Rien pour l'instant.",
    vote: "+ gommette",
    dots_left: "Gommette posée : il en reste {n}.",
    no_dots_left: "Vous avez posé toutes vos gommettes.",
    vote_needs_name: "Choisissez votre nom pour voter."
  }
};

// The server writes the session's language into the page; the browser's
// is only a fallback.
let LANG = document.documentElement.dataset.session === "yes"
  ? document.documentElement.lang
  : (navigator.language || "en").toLowerCase().startsWith("fr") ? "fr" : "en";

function t(key, args) {
  let text = (TEXTS[LANG] && TEXTS[LANG][key]) || TEXTS.en[key] || key;
  for (const [name, value] of Object.entries(args || {})) {
    text = text.split("{" + name + "}").join(String(value));
  }
  return text;
}

function setLang(lang) {
  if (TEXTS[lang]) {
    LANG = lang;
  }
  document.documentElement.lang = LANG;
  for (const node of document.querySelectorAll("[data-t]")) {
    node.textContent = t(node.dataset.t);
  }
}

function byId(id) {
  return document.getElementById(id);
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined && text !== null) {
    node.textContent = text;
  }
  return node;
}

function show(id, visible) {
  byId(id).hidden = !visible;
}

function status(text) {
  byId("status").textContent = text || "";
}

// One API call; never throws: a network failure is status 0.
async function api(method, path, body) {
  try {
    const response = await fetch(path, {
      method: method,
      headers: body === undefined ? {} : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
      cache: "no-store"
    });
    let data = null;
    try {
      data = await response.json();
    } catch (e) {
      data = null;
    }
    return { status: response.status, body: data || {} };
  } catch (e) {
    return { status: 0, body: {} };
  }
}

function errorText(answer) {
  const code = answer.body && answer.body.error;
  if (code && TEXTS.en[code]) {
    return t(code);
  }
  return (answer.body && answer.body.message) || t("closed");
}

function clock(seconds) {
  const s = Math.max(0, Math.round(seconds));
  const m = Math.floor(s / 60);
  return m + ":" + String(s % 60).padStart(2, "0");
}

// The stage's clock, ticking on from when the state arrived.
function timerText(timer, since) {
  if (!timer) {
    return "";
  }
  const elapsed = timer.elapsed_seconds + (timer.running ? (Date.now() - since) / 1000 : 0);
  if (timer.planned_seconds > 0) {
    const left = timer.planned_seconds - elapsed;
    return left >= 0 ? t("left", { t: clock(left) }) : t("over", { t: clock(-left) });
  }
  return t("elapsed", { t: clock(elapsed) });
}

// The items the room sees; `onVote`, when given, adds a button to place
// a dot on each.
function renderItems(list, items, onVote) {
  list.replaceChildren();
  for (const item of items || []) {
    const li = el("li");
    li.style.marginLeft = Math.min(item.depth || 0, 12) * 1.2 + "rem";
    li.append(el("span", "kind", item.kind_label || item.kind));
    li.append(document.createTextNode(item.text));
    if (item.author) {
      li.append(el("span", "author", item.author));
    }
    if (item.votes !== null && item.votes !== undefined) {
      li.append(el("span", "votes", t("votes", { n: item.votes })));
    }
    if (onVote) {
      const button = el("button", "vote", t("vote"));
      button.type = "button";
      button.addEventListener("click", () => onVote(item.id));
      li.append(button);
    }
    list.append(li);
  }
}

// Joins with the code; answers the API's answer.
async function joinWithCode(code) {
  return api("POST", "/api/join", { code: code.trim() });
}

// Follows the state: the event stream, and when it breaks, a check every
// few seconds until the room answers again. Answers a function that stops
// following (the page calls it when the server no longer knows it).
function follow(onState, onLost) {
  let source = null;
  let stopped = false;
  function start() {
    source = new EventSource("/api/events");
    source.addEventListener("state", (e) => {
      status("");
      onState(JSON.parse(e.data));
    });
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED) {
        status(t("closed"));
        setTimeout(check, 3000);
      }
    };
  }
  async function check() {
    if (stopped) {
      return;
    }
    const answer = await api("GET", "/api/state");
    if (stopped) {
      return;
    }
    if (answer.status === 200) {
      onState(answer.body);
      start();
    } else if (answer.status === 401) {
      onLost();
    } else {
      setTimeout(check, 3000);
    }
  }
  start();
  return () => {
    stopped = true;
    source.close();
  };
}

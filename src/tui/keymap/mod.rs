//! The one list of key bindings. The event loop, the bottom hint bar and
//! the `?` help overlay all read it, so they can never disagree. The
//! built-in map (`assets/keymap.json`) is parsed once into typed keys; a
//! user's `keymap.json` in the config folder is layered over it at start.

mod key;

use super::action::Action;
use crate::model::Lang;
pub use key::{pretty, Key};
use ratatui::crossterm::event::KeyEvent;
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Where the keyboard focus is: a section of `assets/keymap.json`. The
/// dialogs' and global sections are named here; each screen names its own
/// (`run::INPUT`), so adding a screen adds a section, not a case here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Context(pub &'static str);

impl Context {
    pub const GLOBAL: Context = Context("global");
    pub const EDITOR: Context = Context("editor");
    pub const PICKER: Context = Context("picker");
    pub const CONFIRM: Context = Context("confirm");
    /// A question whose "yes" destroys something: Enter is "no".
    pub const CONFIRM_LOSS: Context = Context("confirm_loss");
    pub const HELP: Context = Context("help");

    pub fn name(self) -> &'static str {
        self.0
    }
}

/// A binding as the keymap file writes it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBinding {
    keys: Vec<String>,
    action: Action,
    /// Optional in a user's file, for an action the built-in map binds.
    #[serde(default)]
    help: Option<String>,
    #[serde(default)]
    bar: Option<bool>,
    #[serde(default)]
    label: Option<String>,
    #[serde(default)]
    bar_label: Option<String>,
    #[serde(default)]
    bar_help: Option<String>,
    #[serde(default)]
    lang: Option<Lang>,
}

#[derive(Debug, Clone)]
pub struct Binding {
    /// The keys as written ("ctrl+s"), for labels.
    pub specs: Vec<String>,
    keys: Vec<Key>,
    pub action: Action,
    /// i18n key suffix of the description (`key.<help>`).
    pub help: String,
    /// Shown in the bottom bar.
    pub bar: bool,
    /// Overrides how the keys are shown, e.g. "Alt+0…9".
    pub label: Option<String>,
    /// In the bottom bar, one entry may stand for several bindings:
    /// "1-4 one format" for the four export keys.
    pub bar_label: Option<String>,
    pub bar_help: Option<String>,
    /// Only in this interface language (e.g. `o` for "oui").
    pub lang: Option<Lang>,
}

impl Binding {
    pub fn matches(&self, event: &KeyEvent) -> bool {
        self.keys.iter().any(|k| k.matches(event))
    }

    /// How the keys read in the help overlay, e.g. "↑ k".
    pub fn keys_label(&self, lang: Lang) -> String {
        match &self.label {
            Some(l) => l.clone(),
            None => self
                .specs
                .iter()
                .map(|k| pretty(k, lang))
                .collect::<Vec<_>>()
                .join(" "),
        }
    }

    /// The first key only, for the bottom bar.
    pub fn short_label(&self, lang: Lang) -> String {
        match self.bar_label.as_ref().or(self.label.as_ref()) {
            Some(l) => l.clone(),
            None => self
                .specs
                .first()
                .map(|k| pretty(k, lang))
                .unwrap_or_default(),
        }
    }

    /// The i18n key suffix of the bottom bar's description.
    pub fn bar_text(&self) -> &str {
        self.bar_help.as_deref().unwrap_or(&self.help)
    }

    fn applies(&self, lang: Lang) -> bool {
        self.lang.is_none_or(|l| l == lang)
    }
}

/// Why a keymap file was refused: the file, the place in it, the problem.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{file}: {place}: {problem}")]
pub struct KeymapError {
    pub file: String,
    pub place: String,
    pub problem: String,
}

/// Every context's bindings, keys parsed.
#[derive(Debug, Clone, Default)]
pub struct Keymap {
    contexts: HashMap<String, Vec<Binding>>,
    /// Section names in the built-in file's order (for the README).
    order: Vec<String>,
}

const KEYMAP: &str = include_str!("../../../assets/keymap.json");

impl Keymap {
    /// The map shipped in the binary (a test keeps it valid).
    pub fn built_in() -> &'static Keymap {
        static MAP: OnceLock<Keymap> = OnceLock::new();
        MAP.get_or_init(|| {
            Keymap::default()
                .layer("assets/keymap.json", KEYMAP, false)
                .unwrap_or_else(|e| panic!("embedded keymap: {e}"))
        })
    }

    /// The built-in map with a user's file over it: a binding for an action
    /// the context already has replaces its keys; a key the user takes is
    /// freed from whatever else it did in that context.
    pub fn with_user_file(file: &str, text: &str) -> Result<Keymap, KeymapError> {
        Keymap::built_in().clone().layer(file, text, true)
    }

    fn layer(mut self, file: &str, text: &str, user: bool) -> Result<Keymap, KeymapError> {
        let err = |place: String, problem: String| KeymapError {
            file: file.to_string(),
            place,
            problem,
        };
        let de = &mut serde_json::Deserializer::from_str(text);
        let raw: HashMap<String, Vec<RawBinding>> =
            serde_path_to_error::deserialize(de).map_err(|e| {
                let inner = e.inner();
                let place = if inner.is_syntax() || inner.is_eof() {
                    format!("line {}, column {}", inner.line(), inner.column())
                } else {
                    e.path().to_string()
                };
                err(place, crate::templates::strip_position(&inner.to_string()))
            })?;
        // The file's order of sections, which serde's map does not keep.
        let order: Vec<String> =
            serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(text)
                .map(|m| m.keys().cloned().collect())
                .unwrap_or_default();
        for name in &order {
            if user && !self.contexts.contains_key(name) {
                return Err(err(
                    name.clone(),
                    format!("unknown screen (known: {})", self.order.join(", ")),
                ));
            }
            if !user {
                self.order.push(name.clone());
            }
            let ctx = name.clone();
            for (i, rb) in raw[name.as_str()].iter().enumerate() {
                let place = format!("{name}[{i}]");
                let mut keys = Vec::new();
                for (k, spec) in rb.keys.iter().enumerate() {
                    keys.push(Key::parse(spec).map_err(|p| err(format!("{place}.keys[{k}]"), p))?);
                }
                if keys.is_empty() {
                    return Err(err(format!("{place}.keys"), "no key given".into()));
                }
                let list = self.contexts.entry(ctx.clone()).or_default();
                if user {
                    for b in list.iter_mut() {
                        let freed: Vec<usize> = (0..b.specs.len())
                            .filter(|&j| rb.keys.contains(&b.specs[j]))
                            .collect();
                        for j in freed.into_iter().rev() {
                            b.specs.remove(j);
                            b.keys.remove(j);
                        }
                    }
                    if let Some(b) = list.iter_mut().find(|b| b.action == rb.action) {
                        b.specs = rb.keys.clone();
                        b.keys = keys;
                        b.label = rb.label.clone();
                        b.bar = rb.bar.unwrap_or(b.bar);
                        continue;
                    }
                }
                let help = rb.help.clone().ok_or_else(|| {
                    err(
                        format!("{place}.help"),
                        "a new binding needs \"help\", the text key of its description".into(),
                    )
                })?;
                list.push(Binding {
                    specs: rb.keys.clone(),
                    keys,
                    action: rb.action.clone(),
                    help,
                    bar: rb.bar.unwrap_or(false),
                    label: rb.label.clone(),
                    bar_label: rb.bar_label.clone(),
                    bar_help: rb.bar_help.clone(),
                    lang: rb.lang,
                });
            }
            if user {
                if let Some(list) = self.contexts.get_mut(&ctx) {
                    list.retain(|b| !b.keys.is_empty());
                }
            }
        }
        Ok(self)
    }

    /// Section names, in the built-in file's order.
    pub fn contexts(&self) -> impl Iterator<Item = &str> {
        self.order.iter().map(String::as_str)
    }

    /// The bindings of `context` that apply in `lang`.
    pub fn bindings(&self, context: Context, lang: Lang) -> impl Iterator<Item = &Binding> {
        self.bindings_named(context.name(), lang)
    }

    fn bindings_named(&self, name: &str, lang: Lang) -> impl Iterator<Item = &Binding> {
        self.contexts
            .get(name)
            .into_iter()
            .flatten()
            .filter(move |b| b.applies(lang))
    }

    /// The action bound to `event` in `context` (then the global bindings).
    pub fn lookup(&self, context: Context, lang: Lang, event: &KeyEvent) -> Option<Action> {
        self.bindings(context, lang)
            .chain(self.bindings(Context::GLOBAL, lang))
            .find(|b| b.matches(event))
            .map(|b| b.action.clone())
    }
}

static INSTALLED: OnceLock<Keymap> = OnceLock::new();

/// Makes `map` the one the app uses from now on (once, at start).
pub fn install(map: Keymap) {
    let _ = INSTALLED.set(map);
}

/// The map in use: the installed one, else the built-in one.
pub fn current() -> &'static Keymap {
    INSTALLED.get().unwrap_or_else(|| Keymap::built_in())
}

/// Reads the user's keymap file if there is one. A broken file is
/// reported and the built-in map used, so a typo never locks anyone out.
pub fn load_user(path: Option<&std::path::Path>) -> (Keymap, Option<String>) {
    let built_in = || Keymap::built_in().clone();
    let Some(path) = path.filter(|p| p.exists()) else {
        return (built_in(), None);
    };
    let file = path.display().to_string();
    match crate::paths::read_text_limited(path, crate::paths::MAX_SETTINGS_BYTES) {
        Ok(text) => match Keymap::with_user_file(&file, &text) {
            Ok(map) => (map, None),
            Err(e) => (built_in(), Some(e.to_string())),
        },
        Err(e) => (built_in(), Some(format!("{file}: cannot be read: {e}"))),
    }
}

/// The bindings of `context` in `lang`, from the map in use.
pub fn bindings(context: Context, lang: Lang) -> Vec<&'static Binding> {
    current().bindings(context, lang).collect()
}

/// Every action some key is bound to, once each.
pub fn bound_actions() -> Vec<Action> {
    let mut all: Vec<Action> = Vec::new();
    for name in current().contexts() {
        for lang in Lang::ALL {
            for b in current().bindings_named(name, lang) {
                if !all.contains(&b.action) {
                    all.push(b.action.clone());
                }
            }
        }
    }
    all
}

/// The action bound to `event` in `context` (then the global bindings).
pub fn lookup(context: Context, lang: Lang, event: &KeyEvent) -> Option<Action> {
    current().lookup(context, lang, event)
}

/// The key map of every screen as Markdown tables, for the README (a test
/// keeps the README in step with the keymap).
pub fn markdown(lang: crate::model::Lang) -> String {
    let mut out = String::new();
    for name in current().contexts() {
        let title = crate::i18n::t(lang, &format!("keymap.{name}"));
        out.push_str(&format!("**{title}**\n\n| keys | action |\n|---|---|\n"));
        let mut seen: Vec<&str> = Vec::new();
        for b in current().bindings_named(name, lang) {
            if seen.contains(&b.help.as_str()) {
                continue;
            }
            seen.push(&b.help);
            let keys = b.keys_label(lang).replace('|', "\\|");
            let desc = crate::i18n::t(lang, &format!("key.{}", b.help));
            out.push_str(&format!("| `{keys}` | {desc} |\n"));
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};

    const HOME: Context = Context("home");
    const RUN: Context = Context("run");
    const INPUT: Context = Context("input");

    fn key(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    fn en(context: Context, event: KeyEvent) -> Option<Action> {
        lookup(context, Lang::En, &event)
    }

    #[test]
    fn keymap_parses_and_every_context_has_help_texts() {
        let names: Vec<&str> = current().contexts().collect();
        for name in [
            "home",
            "setup",
            "run",
            "input",
            "review",
            "editor",
            "confirm",
            "confirm_loss",
            "global",
        ] {
            assert!(names.contains(&name), "{name} in {names:?}");
        }
        for name in names {
            for lang in Lang::ALL {
                let list: Vec<_> = current().bindings_named(name, lang).collect();
                assert!(!list.is_empty(), "{name}");
                assert!(!crate::i18n::t(lang, &format!("keymap.{name}")).starts_with("keymap."));
                for b in list {
                    let text = crate::i18n::t(lang, &format!("key.{}", b.help));
                    assert!(
                        !text.starts_with("key."),
                        "missing text key.{} ({lang})",
                        b.help
                    );
                }
            }
        }
    }

    #[test]
    fn keys_match_with_modifiers() {
        use KeyModifiers as M;
        assert_eq!(
            en(RUN, key(KeyCode::Char('j'), M::NONE)),
            Some(Action::Down)
        );
        assert_eq!(
            en(RUN, key(KeyCode::Char('J'), M::SHIFT)),
            Some(Action::MoveDown)
        );
        assert_eq!(
            en(RUN, key(KeyCode::Char('c'), M::CONTROL)),
            Some(Action::Quit)
        );
        assert_eq!(
            en(INPUT, key(KeyCode::Char('3'), M::ALT)),
            Some(Action::Participant(3))
        );
        assert_eq!(en(INPUT, key(KeyCode::Char('3'), M::NONE)), None);
        assert_eq!(
            en(INPUT, key(KeyCode::Enter, M::ALT)),
            Some(Action::Newline)
        );
        assert_eq!(
            en(RUN, key(KeyCode::BackTab, M::SHIFT)),
            Some(Action::Outdent)
        );
        assert_eq!(
            en(HOME, key(KeyCode::Char('?'), M::SHIFT)),
            Some(Action::Help)
        );
    }

    #[test]
    fn the_digit_row_of_an_azerty_keyboard_picks_speakers_too() {
        let alt = |c| key(KeyCode::Char(c), KeyModifiers::ALT);
        for (c, n) in [('&', 1), ('é', 2), ('"', 3), ('à', 0), ('ç', 9)] {
            assert_eq!(
                lookup(INPUT, Lang::Fr, &alt(c)),
                Some(Action::Participant(n)),
                "{c}"
            );
        }
    }

    #[test]
    fn no_key_does_two_things_in_one_place() {
        for name in current().contexts() {
            for lang in Lang::ALL {
                let mut seen: Vec<(&String, &Action)> = Vec::new();
                for b in current().bindings_named(name, lang) {
                    for spec in &b.specs {
                        if let Some((_, other)) = seen.iter().find(|(s, _)| *s == spec) {
                            assert_eq!(*other, &b.action, "{name}: {spec} ({lang})");
                        }
                        seen.push((spec, &b.action));
                    }
                }
            }
        }
    }

    #[test]
    fn french_confirmations_take_o_for_oui() {
        let o = key(KeyCode::Char('o'), KeyModifiers::NONE);
        assert_eq!(lookup(Context::CONFIRM, Lang::Fr, &o), Some(Action::Yes));
        assert_eq!(lookup(Context::CONFIRM, Lang::En, &o), None);
        let y = key(KeyCode::Char('y'), KeyModifiers::NONE);
        assert_eq!(lookup(Context::CONFIRM, Lang::Fr, &y), Some(Action::Yes));
    }

    #[test]
    fn a_user_file_rebinds_and_frees_keys() {
        let map = Keymap::with_user_file(
            "mine.json",
            r#"{"run": [{"keys": ["x"], "action": "Delete"}]}"#,
        )
        .unwrap();
        let x = key(KeyCode::Char('x'), KeyModifiers::NONE);
        let d = key(KeyCode::Char('d'), KeyModifiers::NONE);
        assert_eq!(map.lookup(RUN, Lang::En, &x), Some(Action::Delete));
        // d no longer deletes; x no longer opens the review.
        assert_eq!(map.lookup(RUN, Lang::En, &d), None);
        assert!(map
            .bindings(RUN, Lang::En)
            .all(|b| b.action != Action::Review || !b.specs.contains(&"x".to_string())));
    }

    #[test]
    fn a_broken_user_file_names_its_place() {
        let e = Keymap::with_user_file(
            "mine.json",
            r#"{"run": [{"keys": ["x"], "action": "Delete"}, {"keys": ["ctrl+hyper"], "action": "Edit"}]}"#,
        )
        .unwrap_err();
        assert_eq!(e.place, "run[1].keys[0]");
        assert!(e
            .to_string()
            .starts_with("mine.json: run[1].keys[0]: unknown key"));
        let e = Keymap::with_user_file(
            "mine.json",
            r#"{"run": [{"keys": ["x"], "action": "Fly"}]}"#,
        )
        .unwrap_err();
        assert_eq!(e.place, "run[0].action");
        let e = Keymap::with_user_file("mine.json", r#"{"lobby": []}"#).unwrap_err();
        assert!(e.problem.contains("unknown screen"), "{e}");
        let e = Keymap::with_user_file("mine.json", "{\n  \"run\": [").unwrap_err();
        assert!(e.place.starts_with("line 2"), "{e}");
    }
}

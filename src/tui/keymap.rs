//! The one list of key bindings. The event loop, the bottom hint bar and
//! the `?` help overlay all read it, so they can never disagree.

use super::action::Action;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Where the keyboard focus is; each context has its own bindings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    Global,
    Home,
    Filter,
    Setup,
    Run,
    Input,
    Synthesis,
    Review,
    Editor,
    Picker,
    Confirm,
    Help,
}

impl Context {
    fn key(self) -> &'static str {
        match self {
            Context::Global => "global",
            Context::Home => "home",
            Context::Filter => "filter",
            Context::Setup => "setup",
            Context::Run => "run",
            Context::Input => "input",
            Context::Synthesis => "synthesis",
            Context::Review => "review",
            Context::Editor => "editor",
            Context::Picker => "picker",
            Context::Confirm => "confirm",
            Context::Help => "help",
        }
    }

    /// Contexts where printable keys are text, not commands.
    pub fn takes_text(self) -> bool {
        matches!(
            self,
            Context::Filter | Context::Input | Context::Editor | Context::Picker
        )
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct Binding {
    pub keys: Vec<String>,
    pub action: Action,
    /// i18n key suffix of the description (`key.<help>`).
    pub help: String,
    /// Shown in the bottom bar.
    #[serde(default)]
    pub bar: bool,
    /// Overrides how the keys are shown, e.g. "Alt+0…9".
    #[serde(default)]
    pub label: Option<String>,
}

impl Binding {
    pub fn matches(&self, event: &KeyEvent) -> bool {
        self.keys.iter().any(|k| key_matches(k, event))
    }

    /// How the keys read in the help overlay, e.g. "↑ k".
    pub fn keys_label(&self) -> String {
        match &self.label {
            Some(l) => l.clone(),
            None => self
                .keys
                .iter()
                .map(|k| pretty(k))
                .collect::<Vec<_>>()
                .join(" "),
        }
    }

    /// The first key only, for the bottom bar.
    pub fn short_label(&self) -> String {
        match &self.label {
            Some(l) => l.clone(),
            None => pretty(&self.keys[0]),
        }
    }
}

const KEYMAP: &str = include_str!("../../assets/keymap.json");

fn map() -> &'static HashMap<String, Vec<Binding>> {
    static MAP: OnceLock<HashMap<String, Vec<Binding>>> = OnceLock::new();
    MAP.get_or_init(|| serde_json::from_str(KEYMAP).expect("embedded keymap is valid"))
}

pub fn bindings(context: Context) -> &'static [Binding] {
    map().get(context.key()).map(Vec::as_slice).unwrap_or(&[])
}

/// Every action some key is bound to, once each.
pub fn bound_actions() -> Vec<Action> {
    let mut all: Vec<Action> = Vec::new();
    for list in map().values() {
        for b in list {
            if !all.contains(&b.action) {
                all.push(b.action.clone());
            }
        }
    }
    all
}

/// The action bound to `event` in `context` (then the global bindings).
pub fn lookup(context: Context, event: &KeyEvent) -> Option<Action> {
    bindings(context)
        .iter()
        .chain(bindings(Context::Global))
        .find(|b| b.matches(event))
        .map(|b| b.action.clone())
}

/// Parses "ctrl+alt+x"-style specs and compares them with an event. For
/// printable characters Shift is part of the character ("J", "?").
fn key_matches(spec: &str, event: &KeyEvent) -> bool {
    let mut mods = KeyModifiers::NONE;
    let mut rest = spec;
    loop {
        if let Some(r) = rest.strip_prefix("ctrl+") {
            mods |= KeyModifiers::CONTROL;
            rest = r;
        } else if let Some(r) = rest.strip_prefix("alt+") {
            mods |= KeyModifiers::ALT;
            rest = r;
        } else if let Some(r) = rest.strip_prefix("shift+") {
            mods |= KeyModifiers::SHIFT;
            rest = r;
        } else {
            break;
        }
    }
    let code = match rest {
        "enter" => KeyCode::Enter,
        "esc" => KeyCode::Esc,
        "tab" => KeyCode::Tab,
        "backtab" => KeyCode::BackTab,
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "pageup" => KeyCode::PageUp,
        "pagedown" => KeyCode::PageDown,
        "delete" => KeyCode::Delete,
        "backspace" => KeyCode::Backspace,
        f if f.len() > 1 && f.starts_with('f') && f[1..].parse::<u8>().is_ok() => {
            KeyCode::F(f[1..].parse().unwrap_or(1))
        }
        c => {
            let mut chars = c.chars();
            match (chars.next(), chars.next()) {
                (Some(ch), None) => KeyCode::Char(ch),
                _ => return false,
            }
        }
    };
    let relevant = KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT;
    let mut event_mods = event.modifiers & relevant;
    let mut event_code = event.code;
    if let KeyCode::Char(c) = event_code {
        // Terminals report "J" as Shift+J and Ctrl+J sometimes upper-cased.
        event_mods.remove(KeyModifiers::SHIFT);
        if event_mods.contains(KeyModifiers::CONTROL) {
            event_code = KeyCode::Char(c.to_ascii_lowercase());
        }
    }
    if event_code == KeyCode::BackTab {
        event_mods.remove(KeyModifiers::SHIFT);
    }
    event_code == code && event_mods == mods
}

fn pretty(spec: &str) -> String {
    let mut parts: Vec<String> = Vec::new();
    for part in spec.split('+') {
        let p = match part {
            "ctrl" => "Ctrl".to_string(),
            "alt" => "Alt".to_string(),
            "shift" => "Shift".to_string(),
            "up" => "↑".to_string(),
            "down" => "↓".to_string(),
            "left" => "←".to_string(),
            "right" => "→".to_string(),
            "enter" => "Enter".to_string(),
            "esc" => "Esc".to_string(),
            "tab" => "Tab".to_string(),
            "backtab" => "Shift+Tab".to_string(),
            "pageup" => "PgUp".to_string(),
            "pagedown" => "PgDn".to_string(),
            "home" => "Home".to_string(),
            "end" => "End".to_string(),
            "delete" => "Del".to_string(),
            f if f.len() > 1 && f.starts_with('f') => f.to_uppercase(),
            other if spec.contains('+') && other.len() == 1 => other.to_uppercase(),
            other => other.to_string(),
        };
        parts.push(p);
    }
    // "+" itself as a key would split into empty parts.
    if spec == "+" {
        return "+".into();
    }
    parts.join("+")
}

/// The key map of every screen as Markdown tables, for the README (a test
/// keeps the README in step with the keymap).
pub fn markdown(lang: crate::model::Lang) -> String {
    let sections = [
        (Context::Home, "Home"),
        (Context::Filter, "Home, while filtering"),
        (Context::Setup, "Set-up"),
        (Context::Run, "Run — the list of contributions"),
        (Context::Input, "Run — typing in the input box"),
        (Context::Synthesis, "Synthesis"),
        (Context::Review, "Review & export"),
        (
            Context::Editor,
            "Any text editor (fields, notes, synthesis)",
        ),
        (
            Context::Picker,
            "Any list to pick from (who, stage, restore)",
        ),
        (Context::Confirm, "Any yes/no question"),
        (Context::Global, "Everywhere"),
    ];
    let mut out = String::new();
    for (ctx, title) in sections {
        out.push_str(&format!("**{title}**\n\n| keys | action |\n|---|---|\n"));
        let mut seen: Vec<&str> = Vec::new();
        for b in bindings(ctx) {
            if seen.contains(&b.help.as_str()) {
                continue;
            }
            seen.push(&b.help);
            let keys = b.keys_label().replace('|', "\\|");
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
    use ratatui::crossterm::event::KeyEvent;

    fn key(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn keymap_parses_and_every_context_has_help_texts() {
        for ctx in [
            Context::Global,
            Context::Home,
            Context::Filter,
            Context::Setup,
            Context::Run,
            Context::Input,
            Context::Synthesis,
            Context::Review,
            Context::Editor,
            Context::Picker,
            Context::Confirm,
            Context::Help,
        ] {
            assert!(!bindings(ctx).is_empty(), "{ctx:?}");
            for b in bindings(ctx) {
                for lang in crate::model::Lang::ALL {
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
            lookup(Context::Run, &key(KeyCode::Char('j'), M::NONE)),
            Some(Action::Down)
        );
        assert_eq!(
            lookup(Context::Run, &key(KeyCode::Char('J'), M::SHIFT)),
            Some(Action::MoveDown)
        );
        assert_eq!(
            lookup(Context::Run, &key(KeyCode::Char('c'), M::CONTROL)),
            Some(Action::Quit)
        );
        assert_eq!(
            lookup(Context::Input, &key(KeyCode::Char('3'), M::ALT)),
            Some(Action::Participant(3))
        );
        assert_eq!(
            lookup(Context::Input, &key(KeyCode::Char('3'), M::NONE)),
            None
        );
        assert_eq!(
            lookup(Context::Input, &key(KeyCode::Enter, M::ALT)),
            Some(Action::Newline)
        );
        assert_eq!(
            lookup(Context::Run, &key(KeyCode::BackTab, M::SHIFT)),
            Some(Action::Outdent)
        );
        assert_eq!(
            lookup(Context::Home, &key(KeyCode::Char('?'), M::SHIFT)),
            Some(Action::Help)
        );
    }

    #[test]
    fn labels_read_well() {
        assert_eq!(pretty("ctrl+c"), "Ctrl+C");
        assert_eq!(pretty("alt+enter"), "Alt+Enter");
        assert_eq!(pretty("up"), "↑");
        assert_eq!(pretty("J"), "J");
    }
}

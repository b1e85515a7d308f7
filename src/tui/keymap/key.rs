//! One key as the keymap writes it ("ctrl+s", "alt+enter", "J", "?"),
//! parsed once into a code and modifiers, matched against terminal events
//! and shown to people ("Ctrl+S", "↑").

use crate::model::Lang;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    code: KeyCode,
    mods: KeyModifiers,
}

impl Key {
    /// Parses a spec; the error says what is wrong with it.
    pub fn parse(spec: &str) -> Result<Key, String> {
        let mut mods = KeyModifiers::NONE;
        let mut rest = spec;
        loop {
            let (flag, r) = if let Some(r) = rest.strip_prefix("ctrl+") {
                (KeyModifiers::CONTROL, r)
            } else if let Some(r) = rest.strip_prefix("alt+") {
                (KeyModifiers::ALT, r)
            } else if let Some(r) = rest.strip_prefix("shift+") {
                (KeyModifiers::SHIFT, r)
            } else {
                break;
            };
            mods |= flag;
            rest = r;
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
            "space" => KeyCode::Char(' '),
            f if f.len() > 1 && f.starts_with('f') => match f[1..].parse::<u8>() {
                Ok(n @ 1..=24) => KeyCode::F(n),
                _ => return Err(format!("unknown key \"{spec}\"")),
            },
            c => {
                let mut chars = c.chars();
                match (chars.next(), chars.next()) {
                    (Some(ch), None) if !ch.is_control() => KeyCode::Char(ch),
                    (None, _) => return Err(format!("\"{spec}\" names no key")),
                    _ => {
                        return Err(format!(
                            "unknown key \"{spec}\" (use a character, enter, esc, tab, \
                             up, down, left, right, home, end, pageup, pagedown, delete, \
                             backspace or f1…f24, with ctrl+, alt+ or shift+ before it)"
                        ))
                    }
                }
            }
        };
        Ok(Key { code, mods })
    }

    /// Whether a terminal event is this key. For printable characters
    /// Shift is part of the character ("J", "?").
    pub fn matches(&self, event: &KeyEvent) -> bool {
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
        event_code == self.code && event_mods == self.mods
    }
}

/// How a spec reads on screen in `lang`: "ctrl+c" → "Ctrl+C", "up" →
/// "↑", "enter" → "Enter" or, on French keyboards, "Entrée".
pub fn pretty(spec: &str, lang: Lang) -> String {
    let fr = lang == Lang::Fr;
    // "+" itself as a key would split into empty parts.
    if spec == "+" {
        return "+".into();
    }
    let parts: Vec<String> = spec
        .split('+')
        .map(|part| match part {
            "ctrl" => "Ctrl".to_string(),
            "alt" => "Alt".to_string(),
            "shift" if fr => "Maj".to_string(),
            "shift" => "Shift".to_string(),
            "up" => "↑".to_string(),
            "down" => "↓".to_string(),
            "left" => "←".to_string(),
            "right" => "→".to_string(),
            "enter" if fr => "Entrée".to_string(),
            "enter" => "Enter".to_string(),
            "esc" if fr => "Échap".to_string(),
            "esc" => "Esc".to_string(),
            "tab" => "Tab".to_string(),
            "backtab" if fr => "Maj+Tab".to_string(),
            "backtab" => "Shift+Tab".to_string(),
            "pageup" if fr => "PgPréc".to_string(),
            "pageup" => "PgUp".to_string(),
            "pagedown" if fr => "PgSuiv".to_string(),
            "pagedown" => "PgDn".to_string(),
            "home" if fr => "Début".to_string(),
            "home" => "Home".to_string(),
            "end" if fr => "Fin".to_string(),
            "end" => "End".to_string(),
            "delete" if fr => "Suppr".to_string(),
            "delete" => "Del".to_string(),
            "backspace" if fr => "Retour".to_string(),
            "backspace" => "Backspace".to_string(),
            "space" if fr => "Espace".to_string(),
            "space" => "Space".to_string(),
            f if f.len() > 1 && f.starts_with('f') => f.to_uppercase(),
            other if spec.contains('+') && other.len() == 1 => other.to_uppercase(),
            other => other.to_string(),
        })
        .collect();
    parts.join("+")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specs_parse_or_say_what_is_wrong() {
        assert!(Key::parse("ctrl+alt+x").is_ok());
        assert!(Key::parse("f12").is_ok());
        assert!(Key::parse("f99").unwrap_err().contains("f99"));
        assert!(Key::parse("ctrl+").unwrap_err().contains("names no key"));
        assert!(Key::parse("hyper+q").unwrap_err().contains("unknown key"));
    }

    #[test]
    fn labels_read_well() {
        let en = |s| pretty(s, Lang::En);
        assert_eq!(en("ctrl+c"), "Ctrl+C");
        assert_eq!(en("alt+enter"), "Alt+Enter");
        assert_eq!(en("up"), "↑");
        assert_eq!(en("J"), "J");
        assert_eq!(en("+"), "+");
        assert_eq!(pretty("esc", Lang::Fr), "Échap");
        assert_eq!(pretty("alt+enter", Lang::Fr), "Alt+Entrée");
        assert_eq!(pretty("shift+up", Lang::Fr), "Maj+↑");
    }
}

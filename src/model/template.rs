use super::{Kind, Lang};
use serde::{Deserialize, Serialize};

/// A text given in both languages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Localized {
    pub fr: String,
    pub en: String,
}

impl Localized {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Fr => &self.fr,
            Lang::En => &self.en,
        }
    }
}

/// A workshop format: the stages a session goes through.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Template {
    pub key: String,
    pub name: Localized,
    pub description: Localized,
    pub stages: Vec<TemplateStage>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TemplateStage {
    pub key: String,
    pub title: Localized,
    /// What the facilitator asks and watches for during this stage.
    pub guidance: Localized,
    pub minutes: u32,
    /// The kinds the input box offers, the first being the default.
    pub kinds: Vec<Kind>,
    /// How the stage runs: `"1-2-4-all"`, or absent for an open discussion.
    #[serde(default, skip_serializing_if = "super::Structure::is_plain")]
    pub structure: super::Structure,
}

impl Template {
    /// Fresh stages for a session in `lang`: new ids, no time, no notes.
    pub fn new_stages(&self, lang: Lang) -> Vec<super::Stage> {
        self.stages
            .iter()
            .enumerate()
            .map(|(i, ts)| super::Stage {
                id: super::new_id(),
                key: ts.key.clone(),
                title: ts.title.get(lang).to_string(),
                position: i as i64 + 1,
                planned_minutes: ts.minutes,
                segments: Vec::new(),
                notes: String::new(),
                structure: ts.structure,
                step_starts: Vec::new(),
            })
            .collect()
    }

    pub fn stage(&self, key: &str) -> Option<&TemplateStage> {
        self.stages.iter().find(|s| s.key == key)
    }

    /// Checks what serde cannot: keys present and unique, kinds offered.
    pub fn check(&self) -> Result<(), String> {
        check_key("key", &self.key)?;
        if self.stages.is_empty() {
            return Err("\"stages\" is empty: a template needs at least one stage".into());
        }
        for (i, stage) in self.stages.iter().enumerate() {
            check_key(&format!("stages[{i}].key"), &stage.key)?;
            if self.stages[..i].iter().any(|s| s.key == stage.key) {
                return Err(format!("stages[{i}].key \"{}\" is used twice", stage.key));
            }
            if stage.kinds.is_empty() {
                return Err(format!("stages[{i}].kinds is empty"));
            }
        }
        Ok(())
    }
}

/// Keys are typed on command lines (`--template`, `--stage`) and shown in
/// terminals: lower-case letters, digits, `-` and `_`, at most 40.
fn check_key(place: &str, key: &str) -> Result<(), String> {
    if key.is_empty() {
        return Err(format!("{place} is empty"));
    }
    let fine = key.len() <= 40
        && key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
    if !fine {
        return Err(format!(
            "{place} {key:?} may hold only lower-case letters, digits, - and _ (at most 40)"
        ));
    }
    Ok(())
}

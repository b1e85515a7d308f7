//! The catalogue of workshop templates: the built-in ones embedded at build
//! time from `assets/templates/`, plus the user's own JSON files.

use crate::model::Template;
use include_dir::{include_dir, Dir};
use std::path::{Path, PathBuf};

static BUILT_IN: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/assets/templates");

/// The key of the template used when none is asked for.
pub const DEFAULT_TEMPLATE: &str = "emergence";

#[derive(Debug, Clone, PartialEq)]
pub enum Origin {
    BuiltIn,
    User(PathBuf),
}

#[derive(Debug, Clone)]
pub struct Entry {
    pub template: Template,
    pub origin: Origin,
}

/// A template file that could not be loaded, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct TemplateError {
    pub file: String,
    pub problem: String,
}

impl std::fmt::Display for TemplateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "template {}: {}", self.file, self.problem)
    }
}

#[derive(Debug, Clone, Default)]
pub struct Catalog {
    pub entries: Vec<Entry>,
    /// Broken files are reported here; they never stop the others loading.
    pub errors: Vec<TemplateError>,
}

impl Catalog {
    /// Built-in templates only.
    pub fn built_in() -> Catalog {
        let mut catalog = Catalog::default();
        let mut files: Vec<_> = BUILT_IN.files().collect();
        files.sort_by_key(|f| f.path());
        for file in files {
            let name = format!("assets/templates/{}", file.path().display());
            let text = String::from_utf8_lossy(file.contents());
            catalog.add(&name, &text, Origin::BuiltIn);
        }
        catalog
    }

    /// Built-in templates, then every `*.json` in `user_dir` (if it exists).
    /// A user template may not take a built-in's key: sessions and bundles
    /// made with the built-in one must keep their stages.
    pub fn load(user_dir: Option<&Path>) -> Catalog {
        let mut catalog = Catalog::built_in();
        let Some(dir) = user_dir else { return catalog };
        let Ok(read) = std::fs::read_dir(dir) else {
            return catalog;
        };
        let mut paths: Vec<PathBuf> = read
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .collect();
        paths.sort();
        for path in paths {
            let name = path.display().to_string();
            match crate::paths::read_text_limited(&path, crate::paths::MAX_SETTINGS_BYTES) {
                Ok(text) => catalog.add(&name, &text, Origin::User(path.clone())),
                Err(e) => catalog.errors.push(TemplateError {
                    file: name,
                    problem: format!("cannot be read: {e}"),
                }),
            }
        }
        catalog
    }

    fn add(&mut self, file: &str, text: &str, origin: Origin) {
        match parse_template(text) {
            Ok(template) => {
                let taken = self.entries.iter().find(|e| e.template.key == template.key);
                match taken.map(|e| &e.origin) {
                    Some(Origin::BuiltIn) => self.errors.push(TemplateError {
                        file: file.to_string(),
                        problem: format!(
                            "\"{}\" is the key of a built-in template; give yours another key",
                            template.key
                        ),
                    }),
                    Some(Origin::User(other)) => self.errors.push(TemplateError {
                        file: file.to_string(),
                        problem: format!(
                            "\"{}\" is already the key of {}; give each template its own key",
                            template.key,
                            other.display()
                        ),
                    }),
                    None => self.entries.push(Entry { template, origin }),
                }
            }
            Err(problem) => self.errors.push(TemplateError {
                file: file.to_string(),
                problem,
            }),
        }
    }

    pub fn get(&self, key: &str) -> Option<&Template> {
        self.entries
            .iter()
            .map(|e| &e.template)
            .find(|t| t.key == key)
    }

    pub fn keys(&self) -> String {
        self.entries
            .iter()
            .map(|e| e.template.key.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Parses and checks one template file's text.
pub fn parse_template(text: &str) -> Result<Template, String> {
    let template: Template = serde_json::from_str(text).map_err(|e| {
        format!(
            "line {}, column {}: {}",
            e.line(),
            e.column(),
            strip_position(&e.to_string())
        )
    })?;
    template.check()?;
    Ok(template)
}

/// serde_json appends " at line L column C" to its messages; we print the
/// position first, so drop the tail.
pub(crate) fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_templates_load_without_errors() {
        let c = Catalog::built_in();
        assert!(c.errors.is_empty(), "{:?}", c.errors);
        assert!(c.get(DEFAULT_TEMPLATE).is_some());
        assert!(c.entries.len() >= 2);
    }

    #[test]
    fn broken_user_template_is_named_and_others_still_load() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("broken.json"), "{ \"key\": ").unwrap();
        std::fs::write(
            dir.path().join("nokinds.json"),
            r#"{"key":"x","name":{"fr":"x","en":"x"},"description":{"fr":"","en":""},
               "stages":[{"key":"a","title":{"fr":"a","en":"a"},"guidance":{"fr":"","en":""},"minutes":1,"kinds":["potato"]}]}"#,
        )
        .unwrap();
        let c = Catalog::load(Some(dir.path()));
        assert_eq!(c.errors.len(), 2);
        assert!(c.errors[0].file.ends_with("broken.json"));
        assert!(c.errors[0].problem.contains("line 1"));
        assert!(
            c.errors[1].problem.contains("potato"),
            "{}",
            c.errors[1].problem
        );
        assert!(c.get("emergence").is_some());
    }

    #[test]
    fn a_user_template_cannot_hide_a_built_in_nor_block_on_a_special_file() {
        let dir = tempfile::tempdir().unwrap();
        let mine = include_str!("../assets/templates/retro.json");
        let clash = mine.replacen("\"key\": \"retro\"", "\"key\": \"emergence\"", 1);
        std::fs::write(dir.path().join("clash.json"), clash).unwrap();
        let bad_key = mine.replacen("\"key\": \"retro\"", "\"key\": \"x\\u001b]0;t\\u0007\"", 1);
        std::fs::write(dir.path().join("escape.json"), bad_key).unwrap();
        #[cfg(unix)]
        {
            let fifo = dir.path().join("fifo.json");
            let made = std::process::Command::new("mkfifo").arg(&fifo).status();
            assert!(made.is_ok_and(|s| s.success()));
            std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero.json")).unwrap();
        }
        // Returns at once, with every problem named.
        let c = Catalog::load(Some(dir.path()));
        let problems: Vec<String> = c.errors.iter().map(|e| e.to_string()).collect();
        assert!(problems
            .iter()
            .any(|p| p.contains("clash.json") && p.contains("built-in")));
        assert!(problems
            .iter()
            .any(|p| p.contains("escape.json") && p.contains("lower-case")));
        #[cfg(unix)]
        {
            assert!(problems
                .iter()
                .any(|p| p.contains("fifo.json") && p.contains("not a regular file")));
            assert!(problems
                .iter()
                .any(|p| p.contains("zero.json") && p.contains("not a regular file")));
        }
        let emergence = c.get("emergence").unwrap();
        assert_eq!(emergence.stages[0].key, "question", "the built-in stays");
    }
}

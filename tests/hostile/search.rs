//! The hostile corpus through `atelier search`: each payload typed as the
//! words to find (never a query syntax error, never a crash), and every
//! hit printed, text or JSON, without a control character.

use super::common::atelier;
use super::{corpus, imported, stderr, stdout};

#[test]
fn searching_the_corpus_prints_nothing_a_terminal_acts_on() {
    for corpus in corpus::load() {
        let dir = tempfile::tempdir().unwrap();
        imported(&dir, &corpus);
        let mut found = 0;
        for payload in corpus.payloads.iter().filter(|p| !p.contains('\0')) {
            let what = format!("`atelier search` for {payload:?} in {}", corpus.name);
            let has_word = payload.chars().any(char::is_alphanumeric);
            if !has_word {
                stderr(&what, atelier(&dir).args(["search", "--", payload]));
                continue;
            }
            let out = stdout(&what, atelier(&dir).args(["search", "--", payload]));
            found += usize::from(out.contains('['));
            let json = stdout(
                &what,
                atelier(&dir).args(["search", "--json", "--", payload]),
            );
            let json: serde_json::Value = serde_json::from_str(&json).unwrap();
            assert!(json.is_array(), "{what}: {json}");
        }
        assert!(found > 0, "no payload of {} found itself", corpus.name);
    }
}

//! The README's key map is generated from the keymap: this test fails
//! when they drift apart, and prints the current tables.

#[test]
fn readme_key_map_matches_the_keymap() {
    let readme = include_str!("../README.md");
    let tables = atelier::tui::keymap::markdown(atelier::model::Lang::En);
    assert!(
        readme.contains(&tables),
        "README.md's key map is out of date; replace it with:\n\n{tables}"
    );
}

#[test]
fn readme_shows_the_two_commands() {
    let readme = include_str!("../README.md");
    assert!(readme.contains("cargo run --release"));
    assert!(readme.contains("cargo test"));
}

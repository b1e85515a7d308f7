//! The README's key map is generated from the keymap: this test fails
//! when they drift apart, and prints the section to paste.
//! `UPDATE_README=1 cargo test --test readme` writes it in.

const START: &str = "<!-- keymap:start -->\n";
const END: &str = "<!-- keymap:end -->";

/// The text between the key map markers, exactly.
fn key_map_section(readme: &str) -> &str {
    let start = readme
        .find(START)
        .expect("README.md has a <!-- keymap:start --> marker")
        + START.len();
    let len = readme[start..]
        .find(END)
        .expect("README.md has a <!-- keymap:end --> marker after the start");
    &readme[start..start + len]
}

#[test]
fn readme_key_map_is_exactly_the_generated_one() {
    let readme = include_str!("../../README.md");
    let tables = atelier::tui::keymap::markdown(atelier::model::Lang::En);
    assert_eq!(
        readme.matches(START).count(),
        1,
        "one key map section in README.md"
    );
    let section = key_map_section(readme);
    if section != tables && std::env::var_os("UPDATE_README").is_some() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
        std::fs::write(path, readme.replacen(section, &tables, 1)).unwrap();
        return;
    }
    assert!(
        section == tables,
        "README.md's key map is out of date; replace the text between the markers with:\n\n{tables}"
    );
}

#[test]
fn key_map_section_is_found_between_markers() {
    // The extraction itself must see text after the tables as a difference.
    let doc = format!("x\n{START}a\n{END}\nb");
    assert_eq!(key_map_section(&doc), "a\n");
    let doc = format!("x\n{START}a\nstack backtrace:\n{END}\nb");
    assert_ne!(key_map_section(&doc), "a\n");
}

#[test]
fn readme_shows_the_two_commands() {
    let readme = include_str!("../../README.md");
    assert!(readme.contains("cargo run --release"));
    assert!(readme.contains("cargo test"));
}

#[test]
fn readme_holds_no_pasted_tool_output() {
    let readme = include_str!("../../README.md");
    for marker in [
        "stack backtrace:",
        "panicked at",
        "test result: ",
        "error[E",
    ] {
        assert!(!readme.contains(marker), "README.md contains {marker:?}");
    }
}

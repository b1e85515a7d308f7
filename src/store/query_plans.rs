//! The frequent queries use an index, and none sorts in a temporary
//! B-tree: checked with `EXPLAIN QUERY PLAN` on a real database, so that
//! their cost does not grow with the file (behaviour, not timing).

use super::Store;

/// SQLite's plan for `sql`, one line per step.
fn plan(store: &Store, sql: &str, params: &[&dyn rusqlite::ToSql]) -> Vec<String> {
    let mut stmt = store
        .conn
        .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
        .unwrap();
    let rows = stmt.query_map(params, |r| r.get::<_, String>(3)).unwrap();
    rows.map(Result::unwrap).collect()
}

/// Checks that every step of the plan reads through an index (a `SCAN`,
/// in index order, only of the table `scan_ok` names), that `wanted` indexes are among
/// them, and that nothing is sorted afterwards.
fn check(sql: &str, params: &[&dyn rusqlite::ToSql], wanted: &[&str], scan_ok: Option<&str>) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("plans.sqlite3")).unwrap();
    let steps = plan(&store, sql, params);
    let text = steps.join("\n");
    assert!(!text.contains("TEMP B-TREE"), "a sort in:\n{text}\n{sql}");
    for step in &steps {
        let scan = step.starts_with("SCAN");
        let allowed = scan_ok.is_some_and(|t| step.starts_with(&format!("SCAN {t} USING")));
        assert!(!scan || allowed, "a scan in:\n{text}\n{sql}");
    }
    for index in wanted {
        assert!(text.contains(index), "{index} unused in:\n{text}\n{sql}");
    }
}

const ID: &str = "0190a0c0-0000-7000-8000-000000000001";
const NULL: Option<&str> = None;

#[test]
fn recording_finds_the_next_position_in_the_index() {
    for parent in [NULL, Some(ID)] {
        check(
            super::contribution_writes::NEXT_POSITION,
            &[&ID, &parent],
            &["COVERING INDEX contributions_by_siblings"],
            None,
        );
    }
}

#[test]
fn moving_finds_the_neighbour_in_the_index() {
    for sql in [
        super::contribution_writes::NEIGHBOUR_BEFORE,
        super::contribution_writes::NEIGHBOUR_AFTER,
    ] {
        check(sql, &[&ID, &NULL, &3], &["contributions_by_siblings"], None);
    }
}

#[test]
fn loading_reads_in_index_order() {
    check(
        &super::contributions::all_sql(),
        &[&ID],
        &["contributions_by_session"],
        None,
    );
    check(
        super::contributions::SESSION_REVISIONS,
        &[&ID],
        &["contributions_by_session", "revisions_by_contribution"],
        None,
    );
    check(
        &super::stages::stages_sql(),
        &[&ID],
        &["stages_by_session"],
        None,
    );
    check(
        super::roster::PARTICIPANTS,
        &[&ID],
        &["participants_by_session"],
        None,
    );
    check(
        &super::votes::votes_sql(),
        &[&ID],
        &["votes_by_session"],
        None,
    );
}

#[test]
fn listing_counts_from_indexes_only() {
    check(
        super::sessions::LIST_SESSIONS,
        &[&false],
        &[
            "sessions_by_date",
            "COVERING INDEX contributions_by_session_state",
        ],
        Some("s"),
    );
}

#[test]
fn the_command_line_finds_a_stage_by_its_key() {
    check(
        &super::lookup::stage_by_key_sql(),
        &[&ID, &"ideas"],
        &["sqlite_autoindex_stages"],
        None,
    );
}

#[test]
fn themes_load_in_index_order() {
    check(
        super::themes::SESSION_THEMES,
        &[&ID],
        &["themes_by_session"],
        None,
    );
    check(
        super::themes::SESSION_THEME_ITEMS,
        &[&ID],
        &["themes_by_session", "theme_items_by_theme"],
        None,
    );
}

#[test]
fn actions_find_their_copies_and_links_their_loops_in_indexes() {
    // Each action asks whether a later session carried it over.
    check(
        &super::actions::actions_sql(),
        &[&ID],
        &["actions_by_session", "actions_by_origin"],
        None,
    );
    // A new link asks whether it would close a loop: each step of the walk
    // is a search by `from_id` (the walk's own queue is all it scans).
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("plans.sqlite3")).unwrap();
    let steps = plan(&store, super::links::ANSWERS_STEP_BY_STEP, &[&ID, &ID]);
    let text = steps.join("\n");
    assert!(
        text.contains("SEARCH l USING INDEX links_live_pair (from_id=?)"),
        "{text}"
    );
    assert!(!text.contains("TEMP B-TREE"), "{text}");
}

/// A search reads the FTS5 index, then each hit's rows by their keys:
/// no table is scanned. Its hits are sorted (rank, then date), a sort
/// over the hits only.
#[test]
fn search_reads_the_index_then_rows_by_key() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("plans.sqlite3")).unwrap();
    for (kind, event, session) in [
        (NULL, NULL, NULL),
        (Some("idea"), Some("Émergence"), Some(ID)),
    ] {
        let steps = plan(
            &store,
            super::search::SEARCH,
            &[&"\"coop\"*", &kind, &event, &session, &10],
        );
        let text = steps.join("\n");
        assert!(text.contains("VIRTUAL TABLE INDEX"), "{text}");
        for step in &steps {
            let read = step.starts_with("SEARCH") || step.contains("VIRTUAL TABLE INDEX");
            let sort = step == "USE TEMP B-TREE FOR ORDER BY";
            assert!(read || sort, "{step} in:\n{text}");
        }
    }
}

/// A streamed export reads a stage's outline from the session's index,
/// then each contribution by its rowid, its revisions counted from theirs.
#[test]
fn streamed_exports_read_outline_and_rows_by_key() {
    check(
        super::stream::STAGE_OUTLINE,
        &[&ID, &ID],
        &["contributions_by_session"],
        None,
    );
    check(
        &super::stream::one_row_sql(),
        &[&1],
        &[
            "INTEGER PRIMARY KEY",
            "COVERING INDEX revisions_by_contribution",
        ],
        None,
    );
}

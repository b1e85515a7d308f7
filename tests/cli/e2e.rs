//! End-to-end: the real binary in a pseudo-terminal (80×24), with its own
//! database and HOME, driven as a facilitator would.
#![cfg(unix)]

use expectrl::session::OsSession as Session;
use expectrl::{Eof, Expect};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

const ALT_RIGHT: &str = "\x1b[1;3C";

struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        Env {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn db(&self) -> PathBuf {
        self.dir.path().join("e2e.sqlite3")
    }

    fn command(&self) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_atelier"));
        cmd.env("ATELIER_DB", self.db())
            .env("HOME", self.dir.path())
            .env("XDG_DATA_HOME", self.dir.path().join("data"))
            .env("XDG_CONFIG_HOME", self.dir.path().join("config"))
            .env("LANG", "C")
            .env_remove("LC_ALL")
            .env("TERM", "xterm-256color")
            .env("NO_COLOR", "1");
        cmd
    }

    fn tui(&self) -> Session {
        let mut s = expectrl::Session::spawn(self.command()).unwrap();
        s.set_expect_timeout(Some(Duration::from_secs(15)));
        s
    }

    fn cli(&self, args: &[&str]) -> String {
        let out = self.command().args(args).output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    fn contributions(&self) -> Vec<serde_json::Value> {
        let json: serde_json::Value =
            serde_json::from_str(&self.cli(&["export", "latest", "--format", "bundle"])).unwrap();
        json["stages"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|s| s["contributions"].as_array().unwrap().clone())
            .collect()
    }
}

fn send(s: &mut Session, text: &str) {
    s.send(text).unwrap();
    // Give the app a moment, so a lone Esc is not read as Alt+key.
    std::thread::sleep(Duration::from_millis(80));
}

/// Records one contribution as said by roster member `n` and waits until
/// the screen confirms it.
fn say(s: &mut Session, n: u8, text: &str) {
    send(s, &format!("\x1b{n}"));
    send(s, text);
    send(s, "\r");
    s.expect("Recorded").unwrap();
}

/// Waits for `text` on screen. The app draws only changed cells, so words
/// may be separated by cursor moves instead of spaces: accept either.
fn expect_text(s: &mut Session, text: &str) {
    let gap = r"(?:\x1b\[[0-9;?]*[A-Za-z]| )+";
    let pattern: Vec<String> = text.split(' ').map(regex_escape).collect();
    s.expect(expectrl::Regex(pattern.join(gap))).unwrap();
}

fn regex_escape(word: &str) -> String {
    word.chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_string()
            } else {
                format!("\\x{{{:x}}}", c as u32)
            }
        })
        .collect()
}

fn kill(s: &Session, signal: &str) {
    let pid = s.get_process().pid().to_string();
    let status = Command::new("kill").args([signal, &pid]).status().unwrap();
    assert!(status.success());
}

/// A new session made with the CLI, opened on the run screen.
fn open_new_session(env: &Env) -> Session {
    create_session(env);
    let mut s = env.tui();
    expect_text(&mut s, "E2E workshop");
    send(&mut s, "\r");
    s.expect("Said by").unwrap();
    s
}

fn create_session(env: &Env) {
    env.cli(&[
        "new",
        "--title",
        "E2E workshop",
        "--question",
        "How do we involve everyone?",
        "--participant",
        "Ana",
        "--participant",
        "Bo",
    ]);
}

#[test]
fn first_launch_shows_the_sample() {
    let env = Env::new();
    let mut s = env.tui();
    expect_text(&mut s, "Atelier 5 - Emergence - Session 1");
    send(&mut s, "q");
    s.expect(Eof).unwrap();
    assert!(env.cli(&["list"]).contains("Atelier 5 - Emergence"));
}

#[test]
fn a_whole_round_survives_quit_and_restart() {
    let env = Env::new();
    let mut s = env.tui();
    s.expect("sessions").unwrap();
    // New session, titled from the set-up screen, with two participants.
    send(&mut s, "n");
    s.expect("Set up").unwrap();
    send(&mut s, "\r");
    send(&mut s, "Round trip");
    send(&mut s, "\r");
    s.expect("Saved").unwrap();
    send(&mut s, "a");
    send(&mut s, "Ana");
    send(&mut s, "\r");
    send(&mut s, "a");
    send(&mut s, "Bo");
    send(&mut s, "\r");
    s.expect("Bo").unwrap();
    send(&mut s, "r");
    s.expect("Said by").unwrap();
    say(&mut s, 1, "Ana in the first stage");
    say(&mut s, 2, "Bo in the first stage");
    send(&mut s, ALT_RIGHT);
    s.expect("observe").unwrap();
    say(&mut s, 1, "Ana in the second stage");
    say(&mut s, 2, "Bo in the second stage");
    send(&mut s, "\x03");
    s.expect(Eof).unwrap();

    let all = env.contributions();
    assert_eq!(all.len(), 4);
    let json = env.cli(&["export", "latest", "--format", "bundle"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["stages"][0]["contributions"].as_array().unwrap().len(), 2);
    assert_eq!(v["stages"][1]["contributions"].as_array().unwrap().len(), 2);

    // Start again: the session is there and opens where we left off.
    let mut s = env.tui();
    expect_text(&mut s, "Round trip");
    send(&mut s, "\r");
    expect_text(&mut s, "Bo in the second stage");
    send(&mut s, "\x03");
    s.expect(Eof).unwrap();
}

#[test]
fn sigkill_right_after_submitting_loses_nothing() {
    let env = Env::new();
    let mut s = open_new_session(&env);
    for i in 0..5 {
        say(&mut s, (i % 2) + 1, &format!("contribution number {i}"));
    }
    kill(&s, "-KILL");
    s.expect(Eof).ok();
    let texts: Vec<String> = env
        .contributions()
        .iter()
        .map(|c| c["text"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(texts.len(), 5, "{texts:?}");
    for i in 0..5 {
        assert!(texts.contains(&format!("contribution number {i}")));
    }
}

#[test]
fn sigterm_and_sighup_restore_the_terminal() {
    let env = Env::new();
    create_session(&env);
    for signal in ["-TERM", "-HUP"] {
        let mut s = env.tui();
        expect_text(&mut s, "E2E workshop");
        kill(&s, signal);
        // Leaving mouse capture and the alternate screen, shown again.
        s.expect("\x1b[?1000l").unwrap();
        s.expect("\x1b[?1049l").unwrap();
        s.expect(Eof).ok();
    }
}

#[test]
fn resizing_reflows_and_a_tiny_window_asks_for_room() {
    let env = Env::new();
    let mut s = open_new_session(&env);
    s.get_process_mut().set_window_size(40, 10).unwrap();
    s.expect("Enlarge").unwrap();
    s.get_process_mut().set_window_size(120, 40).unwrap();
    s.expect("Said by").unwrap();
    say(&mut s, 1, "after the resize");
    s.get_process_mut().set_window_size(80, 24).unwrap();
    expect_text(&mut s, "after the resize");
    send(&mut s, "\x03");
    s.expect(Eof).unwrap();
    assert_eq!(env.contributions().len(), 1);
}

#[test]
fn starts_in_a_tiny_terminal_without_breaking() {
    let env = Env::new();
    create_session(&env);
    let mut s = env.tui();
    s.get_process_mut().set_window_size(20, 5).unwrap();
    s.expect("Enlarge").unwrap();
    send(&mut s, "q");
    s.expect(Eof).unwrap();
    let _ = Path::new("");
}

#[test]
fn a_cli_add_appears_in_the_running_tui_without_a_key_press() {
    let env = Env::new();
    let mut s = open_new_session(&env);
    env.cli(&[
        "add",
        "latest",
        "--stage",
        "question",
        "--participant",
        "Bo",
        "written from another terminal",
    ]);
    // No key is sent: the running app notices the outside write itself.
    expect_text(&mut s, "written from another terminal");
    send(&mut s, "\x03");
    s.expect(Eof).unwrap();
}

#[test]
fn sighup_keeps_the_draft_with_its_speaker_and_kind() {
    let env = Env::new();
    let mut s = open_new_session(&env);
    send(&mut s, "\x1b2"); // Bo speaks
    send(&mut s, "\t"); // the next kind
    send(&mut s, "half a sentence");
    expect_text(&mut s, "half a sentence");
    kill(&s, "-HUP");
    s.expect(Eof).ok();
    assert_eq!(env.contributions().len(), 0, "a draft is not recorded");

    let mut s = env.tui();
    expect_text(&mut s, "E2E workshop");
    send(&mut s, "\r");
    expect_text(&mut s, "half a sentence");
    // Submitting it now records it as Bo's, with the kind chosen before.
    send(&mut s, "\r");
    expect_text(&mut s, "Recorded");
    send(&mut s, "\x03");
    s.expect(Eof).unwrap();
    let all = env.contributions();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0]["text"], "half a sentence");
    let bo = participant_id(&env, "Bo");
    assert_eq!(all[0]["participant"], bo);
    assert_ne!(
        all[0]["kind"], "context",
        "the kind chosen with Tab is kept"
    );
}

#[test]
fn a_paste_without_bracketed_mode_runs_no_command() {
    let env = Env::new();
    create_session(&env);
    let mut s = env.tui();
    expect_text(&mut s, "E2E workshop");
    send(&mut s, "e"); // set-up
    s.expect("Set up").unwrap();
    send(&mut s, "p");
    std::thread::sleep(Duration::from_millis(200));
    // A terminal without bracketed paste types the clipboard as keys, all
    // in one write: Enter would save the dialog and the next letters would
    // be commands (d deletes, r runs, q leaves).
    send(&mut s, "Dora\rRené\rQuentin\r");
    send(&mut s, "\r");
    expect_text(&mut s, "Quentin");
    send(&mut s, "\x03");
    s.expect(Eof).unwrap();
    let shown = env.cli(&["show", "latest"]);
    for name in ["Ana", "Bo", "Dora", "René", "Quentin"] {
        assert!(shown.contains(name), "{name} in:\n{shown}");
    }
}

/// The id of a roster member, as the bundle writes it.
fn participant_id(env: &Env, name: &str) -> serde_json::Value {
    let json: serde_json::Value =
        serde_json::from_str(&env.cli(&["export", "latest", "--format", "bundle"])).unwrap();
    json["participants"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == name)
        .map(|p| p["id"].clone())
        .unwrap()
}

#[test]
fn an_export_shown_on_a_terminal_cannot_drive_it() {
    let env = Env::new();
    create_session(&env);
    let hostile = "title \u{1b}]0;pwned\u{7} clear \u{1b}[2J eight-bit \u{9b}2J bidi \u{202e}evil";
    env.cli(&["add", "latest", "--stage", "question", hostile]);
    for format in ["csv", "json", "bundle", "md"] {
        let mut cmd = env.command();
        cmd.args(["export", "latest", "--format", format]);
        let mut s = expectrl::Session::spawn(cmd).unwrap();
        let text = read_all(&mut s);
        assert!(text.contains("pwned"), "{format}: {text}");
        for bad in ['\u{1b}', '\u{7}', '\u{9b}', '\u{202e}'] {
            assert!(!text.contains(bad), "{format} shows {bad:?}: {text:?}");
        }
    }
    // Piped, the same export is the exact data, escaped (`safe_json`).
    let piped = env.cli(&["export", "latest", "--format", "bundle"]);
    assert!(piped.contains("\\u001b]0;pwned\\u0007"), "{piped}");
    assert!(
        piped.contains("\\u009b2J") && !piped.contains('\u{9b}'),
        "{piped}"
    );
}

/// Everything a program wrote to its terminal until it closed it.
fn read_all(s: &mut Session) -> String {
    use std::io::Read;
    let mut all = Vec::new();
    let mut buf = [0u8; 4096];
    // A pseudo-terminal reports the end as an error once the child is gone.
    while let Ok(n) = s.read(&mut buf) {
        if n == 0 {
            break;
        }
        all.extend_from_slice(&buf[..n]);
    }
    String::from_utf8_lossy(&all).into_owned()
}

/// The facilitation toolkit end to end: a round-robin (`r`, one turn
/// typed, one passed), a dot vote on the vote screen (`v`) and an action
/// (`A`), each then read back from the database file and the report.
#[test]
fn a_round_robin_a_vote_and_an_action_are_all_recorded() {
    let env = Env::new();
    let mut s = open_new_session(&env);
    send(&mut s, "\x1b"); // to the list
    std::thread::sleep(Duration::from_millis(300));
    send(&mut s, "r");
    s.expect("floor").unwrap();
    send(&mut s, "Open the library on Sundays");
    send(&mut s, "\r");
    s.expect("Recorded").unwrap();
    send(&mut s, "\x1b"); // to the list, where `n` passes
    std::thread::sleep(Duration::from_millis(300));
    send(&mut s, "n");
    s.expect("turn").unwrap();

    send(&mut s, "v");
    expect_text(&mut s, "Who votes?");
    send(&mut s, "1");
    expect_text(&mut s, "Ana votes");
    send(&mut s, "+");
    expect_text(&mut s, "Dot placed");
    // The same status again draws nothing new; the file check below
    // counts both dots.
    send(&mut s, "+");
    send(&mut s, "h");
    // The screen draws only changed cells: wait for a word whose every
    // letter changes ("counts hidden" becomes "counts shown").
    s.expect("shown").unwrap();
    send(&mut s, "\x1b"); // back to the run list
    std::thread::sleep(Duration::from_millis(300));

    send(&mut s, "A");
    expect_text(&mut s, "what is to be done");
    send(&mut s, "Book the room");
    send(&mut s, "\r");
    expect_text(&mut s, "who does it");
    send(&mut s, "\r"); // the group
    expect_text(&mut s, "due date");
    send(&mut s, "\r"); // no date
    expect_text(&mut s, "Action recorded");
    send(&mut s, "\x03");
    s.expect(Eof).unwrap();

    let store = atelier::store::Store::open_read_only(&env.db()).unwrap();
    let id = store.resolve_session("latest").unwrap();
    let data = store.load(id).unwrap();
    let ana = data
        .participants
        .iter()
        .find(|p| p.name == "Ana")
        .unwrap()
        .id;
    let bo = data
        .participants
        .iter()
        .find(|p| p.name == "Bo")
        .unwrap()
        .id;
    let said: Vec<_> = data.live().collect();
    assert_eq!(said.len(), 1);
    assert_eq!(said[0].text, "Open the library on Sundays");
    assert_eq!(
        said[0].participant_id,
        Some(ana),
        "the round gave Ana the floor"
    );
    let passes: Vec<_> = data.live_passes().collect();
    assert_eq!(passes.len(), 1);
    assert_eq!(passes[0].participant_id, bo);
    assert_eq!(data.voting.used(ana), 2);
    assert_eq!(data.voting.dots_of(ana, said[0].id), 2);
    assert!(data.voting.revealed);
    let actions: Vec<_> = data.listed_actions().collect();
    assert_eq!(actions.len(), 1);
    assert_eq!(actions[0].text, "Book the room");

    let report = env.cli(&["export", "latest", "--format", "md"]);
    assert!(report.contains("## Dot vote"), "{report}");
    assert!(
        report.contains("| 1 | Open the library on Sundays | 2 |"),
        "{report}"
    );
    assert!(report.contains("Book the room"), "{report}");
}

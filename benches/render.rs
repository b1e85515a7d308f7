//! Terminal UI costs: the first frame on a large database, Enter → the
//! "recorded" frame, and drawing/moving on the run screen, which must not
//! grow with the session (only the visible rows are wrapped and drawn).

#[path = "fixture.rs"]
mod fixture;

use atelier::model::Lang;
use atelier::store::Store;
use atelier::templates::Catalog;
use atelier::tui::action::Action;
use atelier::tui::app::App;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use std::path::Path;
use std::time::{Duration, Instant};

fn new_app(store: Store, dir: &Path) -> App {
    App::new(
        store,
        Lang::Fr,
        Catalog::built_in(),
        atelier::model::now,
        dir.to_path_buf(),
    )
}

fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(120, 40)).unwrap()
}

fn frame(terminal: &mut Terminal<TestBackend>, app: &App) {
    terminal.draw(|f| atelier::tui::ui::draw(f, app)).unwrap();
}

/// The app on the run screen of a session of `n` more contributions.
fn app_on(n: usize) -> (tempfile::TempDir, App) {
    let data = fixture::big_session(n);
    let (dir, store) = fixture::store_with(&data);
    let mut app = new_app(store, dir.path());
    atelier::tui::update::update(&mut app, Action::Open);
    // A session with contributions opens on its list: into the box, to type.
    atelier::tui::update::update(&mut app, Action::Write);
    (dir, app)
}

/// Opening the database, building the app and drawing the home screen.
fn first_frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("tui_first_frame");
    group.sample_size(20);
    let n = 100_000;
    let (dir, store) = fixture::store_with(&fixture::big_session(n));
    drop(store);
    let path = fixture::db_path(&dir);
    group.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
        b.iter(|| {
            let app = new_app(Store::open(&path).unwrap(), dir.path());
            frame(&mut terminal(), &app);
            app
        })
    });
    group.finish();
}

/// Enter in the input box until the next frame shows the contribution:
/// `update(Submit)` and a draw. The text is typed outside the timed span,
/// and the recorded row is removed after it, so the session keeps its size.
fn submit(c: &mut Criterion) {
    let mut group = c.benchmark_group("tui_enter_to_frame");
    group.sample_size(20);
    for n in [100, 10_000, 100_000] {
        let (dir, mut app) = app_on(n);
        let raw = fixture::raw_connection(&fixture::db_path(&dir));
        let mut term = terminal();
        group.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            b.iter_custom(|iters| {
                let mut spent = Duration::ZERO;
                for _ in 0..iters {
                    for ch in "une idée".chars() {
                        let key = KeyEvent::new(KeyCode::Char(ch), KeyModifiers::NONE);
                        atelier::tui::handle_key(&mut app, key);
                    }
                    let start = Instant::now();
                    atelier::tui::update::update(&mut app, Action::Submit);
                    frame(&mut term, &app);
                    spent += start.elapsed();
                    let last: String = raw
                        .query_row(
                            "SELECT id FROM contributions ORDER BY rowid DESC LIMIT 1",
                            [],
                            |r| r.get(0),
                        )
                        .unwrap();
                    fixture::forget(&raw, &last);
                }
                spent
            })
        });
    }
    group.finish();
}

fn draw(c: &mut Criterion) {
    let mut group = c.benchmark_group("draw_run_screen");
    for n in [10, 10_000] {
        let (_dir, app) = app_on(n);
        let mut term = terminal();
        group.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            b.iter(|| frame(&mut term, &app))
        });
    }
    group.finish();
}

criterion_group!(benches, first_frame, submit, draw);
criterion_main!(benches);

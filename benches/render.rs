//! Drawing cost of the run screen: it must not grow with the session, as
//! only the visible rows are wrapped and drawn.

#[path = "fixture.rs"]
mod fixture;

use atelier::model::Lang;
use atelier::templates::Catalog;
use atelier::tui::action::Action;
use atelier::tui::app::App;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

fn app_on(n: usize) -> (tempfile::TempDir, App) {
    let data = fixture::big_session(n);
    let (dir, store) = fixture::store_with(&data);
    let mut app = App::new(
        store,
        Lang::Fr,
        Catalog::built_in(),
        atelier::model::now,
        dir.path().to_path_buf(),
    );
    atelier::tui::update::update(&mut app, Action::Open);
    atelier::tui::update::update(&mut app, Action::NextStage);
    atelier::tui::update::update(&mut app, Action::Back);
    atelier::tui::update::update(&mut app, Action::Bottom);
    (dir, app)
}

fn draw(c: &mut Criterion) {
    let mut group = c.benchmark_group("draw_run_screen");
    for n in [10, 10_000] {
        let (_dir, app) = app_on(n);
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
        group.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            b.iter(|| {
                terminal.draw(|f| atelier::tui::ui::draw(f, &app)).unwrap();
            })
        });
    }
    group.finish();
}

fn keystroke(c: &mut Criterion) {
    let mut group = c.benchmark_group("move_selection_and_draw");
    for n in [10, 10_000] {
        let (_dir, mut app) = app_on(n);
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
        let mut up = true;
        group.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            b.iter(|| {
                let action = if up { Action::Top } else { Action::Bottom };
                up = !up;
                atelier::tui::update::update(&mut app, action);
                terminal.draw(|f| atelier::tui::ui::draw(f, &app)).unwrap();
            })
        });
    }
    group.finish();
}

criterion_group!(benches, draw, keystroke);
criterion_main!(benches);

//! In-process costs beside a raw baseline measured in the same run.
//!
//! Recording one contribution (one committed transaction, WAL,
//! synchronous=FULL) against a raw rusqlite INSERT of the same row with the
//! same pragmas, at 0, 10k and 100k contributions. Neither side grows the
//! database while it is measured: each iteration times one operation
//! alone, then removes the row it added through a second connection,
//! outside the timed span (`iter_custom`). The removal is a commit of its
//! own, so both sides see the same WAL and checkpoint pattern; rolling the
//! operation back in a savepoint instead would skip the very commit and
//! fsync that recording costs.

#[path = "fixture.rs"]
mod fixture;

use atelier::model::{new_id, Kind};
use atelier::store::NewContribution;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use std::time::{Duration, Instant};

const SIZES: [usize; 3] = [0, 10_000, 100_000];

fn record(c: &mut Criterion) {
    let mut group = c.benchmark_group("record");
    group.sample_size(30);
    for n in SIZES {
        let data = fixture::big_session(n);
        let (dir, mut store) = fixture::store_with(&data);
        let raw = fixture::raw_connection(&fixture::db_path(&dir));
        let stage = data.stages[1].id;
        let session = data.session.id.to_string();
        group.bench_with_input(BenchmarkId::new("store", n), &n, |b, _| {
            b.iter_custom(|iters| {
                let mut spent = Duration::ZERO;
                for _ in 0..iters {
                    let new = NewContribution {
                        stage_id: stage,
                        participant_id: None,
                        kind: Kind::Observation,
                        text: "a new observation".into(),
                        parent_id: None,
                        group: None,
                        anonymous: false,
                        origin: atelier::model::Origin::Facilitator,
                    };
                    let start = Instant::now();
                    let c = store.add_contribution(&new).unwrap();
                    spent += start.elapsed();
                    fixture::forget(&raw, &c.id.to_string());
                }
                spent
            })
        });
        let mut insert = raw
            .prepare(
                "INSERT INTO contributions (session_id, id, stage_id, participant_id, kind,
                 text, parent_id, position, created_at, updated_at, deleted_at)
                 VALUES (?1, ?2, ?3, NULL, 'observation', ?4, NULL, ?5, ?6, ?6, NULL)",
            )
            .unwrap();
        let stage = stage.to_string();
        group.bench_with_input(BenchmarkId::new("raw_insert", n), &n, |b, _| {
            b.iter_custom(|iters| {
                let mut spent = Duration::ZERO;
                for _ in 0..iters {
                    let id = new_id().to_string();
                    let at = atelier::model::format_time(&atelier::model::now());
                    let start = Instant::now();
                    insert
                        .execute(rusqlite::params![
                            session,
                            id,
                            stage,
                            "a new observation",
                            1_000_000,
                            at
                        ])
                        .unwrap();
                    spent += start.elapsed();
                    fixture::forget(&raw, &id);
                }
                spent
            })
        });
    }
    group.finish();
}

fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("load_session");
    group.sample_size(10);
    for n in [100, 10_000, 100_000] {
        let data = fixture::big_session(n);
        let (_dir, store) = fixture::store_with(&data);
        let id = data.session.id;
        group.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            b.iter(|| store.load(id).unwrap())
        });
    }
    group.finish();
}

criterion_group!(benches, record, load);
criterion_main!(benches);

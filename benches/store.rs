//! Store and report costs: recording one contribution (one committed
//! transaction, synchronous=FULL), loading a session, rendering reports.

#[path = "fixture.rs"]
mod fixture;

use atelier::model::Kind;
use atelier::report::{render, Format};
use atelier::store::NewContribution;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};

fn record(c: &mut Criterion) {
    let mut group = c.benchmark_group("record_contribution");
    group.sample_size(30);
    for n in [0, 10_000] {
        let data = fixture::big_session(n);
        let (_dir, mut store) = fixture::store_with(&data);
        let stage = data.stages[1].id;
        group.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            b.iter(|| {
                store
                    .add_contribution(&NewContribution {
                        stage_id: stage,
                        participant_id: None,
                        kind: Kind::Observation,
                        text: "a new observation".into(),
                        parent_id: None,
                    })
                    .unwrap()
            })
        });
    }
    group.finish();
}

fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("load_session");
    group.sample_size(20);
    for n in [100, 10_000] {
        let data = fixture::big_session(n);
        let (_dir, store) = fixture::store_with(&data);
        let id = data.session.id;
        group.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            b.iter(|| store.load(id).unwrap())
        });
    }
    group.finish();
}

fn reports(c: &mut Criterion) {
    let mut group = c.benchmark_group("report");
    group.sample_size(20);
    for n in [0, 10_000] {
        let data = fixture::big_session(n);
        for format in [Format::Markdown, Format::Html, Format::Csv, Format::Json] {
            let id = BenchmarkId::new(format.extension(), n);
            group.bench_with_input(id, &n, |b, _| b.iter(|| render(format, &data)));
        }
    }
    group.finish();
}

criterion_group!(benches, record, load, reports);
criterion_main!(benches);

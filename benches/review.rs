//! `rehearse review stats` and `rehearse review report` over 1,000
//! sessions, as whole processes. Targets: at most 0.3 s and 1 s. Run with
//! `cargo bench --bench review`.

use criterion::{Criterion, criterion_group, criterion_main};
use std::path::Path;
use std::process::Command;

/// Writes `n` session records, a day apart, made from a real fixture record.
fn sessions(dir: &Path, n: usize) {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/records/2026-01-20-1800-mid.json");
    let template: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture).expect("fixture record"))
            .expect("valid record");
    let start = jiff::Timestamp::from_second(1_700_000_000).expect("valid time");
    for i in 0..n {
        let mut record = template.clone();
        let at = start
            .checked_add(jiff::SignedDuration::from_hours(24 * i as i64))
            .expect("in range");
        let id = format!("bench-{i:04}-mid");
        record["id"] = id.clone().into();
        record["started_at"] = at.to_string().into();
        // Vary the scores so the figures are not all alike.
        if let Some(questions) = record["questions"].as_array_mut() {
            for (k, q) in questions.iter_mut().enumerate() {
                q["score"] = (((i * 7 + k * 13) % 101) as f64).into();
            }
        }
        std::fs::write(dir.join(format!("{id}.json")), record.to_string()).expect("write record");
    }
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temporary folder");
    sessions(dir.path(), 1000);
    let mut group = c.benchmark_group("review");
    group.sample_size(10);
    group.bench_function("stats over 1,000 sessions (whole process)", |b| {
        b.iter(|| {
            let output = Command::new(env!("CARGO_BIN_EXE_rehearse"))
                .args(["review", "stats", "--dir"])
                .arg(dir.path())
                .output()
                .expect("rehearse runs");
            assert!(output.status.success());
        })
    });
    group.bench_function("report over 1,000 sessions (whole process)", |b| {
        let page = dir.path().join("report.html");
        b.iter(|| {
            let output = Command::new(env!("CARGO_BIN_EXE_rehearse"))
                .args(["review", "report", "--dir"])
                .arg(dir.path())
                .arg("-o")
                .arg(&page)
                .output()
                .expect("rehearse runs");
            assert!(output.status.success());
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

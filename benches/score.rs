//! Scoring speed: the work between "answer submitted" and "feedback shown".
//! Target: a 400-word answer against a 10-point rubric in at most 50 µs
//! (median). Run with `cargo bench --bench score`.

use criterion::{Criterion, criterion_group, criterion_main};
use rehearse::score::normalize::normalize;
use rehearse::score::rubric::Builder;
use rehearse::score::{Rubric, score};
use std::hint::black_box;

fn rubric() -> Rubric {
    let mut b = Builder::default();
    b.point(
        "select_related JOINs",
        3.0,
        &["select_related", "sql join", "inner join", "single query"],
    );
    b.point(
        "prefetch_related queries separately",
        3.0,
        &[
            "prefetch_related",
            "separate query",
            "second query",
            "joins in python",
        ],
    );
    b.point(
        "many-to-many and reverse FKs",
        2.0,
        &[
            "many to many",
            "m2m",
            "reverse foreign key",
            "reverse relation",
        ],
    );
    b.point(
        "the N+1 problem",
        2.0,
        &["n+1", "n plus one", "query per row", "query in a loop"],
    );
    b.point(
        "Prefetch objects",
        1.0,
        &["prefetch object", "to_attr", "custom queryset"],
    );
    b.point(
        "measure the queries",
        1.0,
        &[
            "debug toolbar",
            "assertNumQueries",
            "connection.queries",
            "query count",
        ],
    );
    b.point(
        "indexes",
        1.0,
        &[
            "database index",
            "db_index",
            "composite index",
            "explain analyze",
        ],
    );
    b.point(
        "only and defer",
        1.0,
        &["only()", "defer()", "fewer columns", "values_list"],
    );
    b.point(
        "caching",
        1.0,
        &["cache the result", "redis", "cache_page", "low-level cache"],
    );
    b.point(
        "pagination",
        1.0,
        &["paginate", "paginator", "limit offset", "cursor pagination"],
    );
    b.pitfall(
        "prefetch_related does not JOIN",
        10.0,
        &["prefetch_related uses a join", "prefetch related joins"],
    );
    b.build()
}

/// About 400 words of a typical technical answer, with typos.
fn answer() -> String {
    let paragraph = "When a page lists orders with their customer and items, the naive loop runs one \
        query per row, which is the classic n plus one problem. I would first measure it with the \
        Django debug toolbar or assertNumQueries in a test, so the fix is proven. For the customer, \
        a foreign key, selectRelated adds an inner join and everything comes back in a single query. \
        For the items, a reverse relation, prefetch_related runs a seperate query and stitches the rows \
        together in Python; a Prefetch object with to_attr lets me filter or order that second queryset. \
        If the table is large I check the query plan with explain analyze and add a composite index on \
        the columns we filter and sort by. ";
    let mut text = String::new();
    while text.split_whitespace().count() < 400 {
        text.push_str(paragraph);
    }
    text.split_whitespace()
        .take(400)
        .collect::<Vec<_>>()
        .join(" ")
}

fn bench(c: &mut Criterion) {
    let rubric = rubric();
    let answer = answer();
    assert_eq!(answer.split_whitespace().count(), 400);
    c.bench_function("score 400 words x 10 points", |b| {
        b.iter(|| score(black_box(&rubric), black_box(&answer)))
    });
    c.bench_function("normalise 400 words", |b| {
        b.iter(|| normalize(black_box(&answer)))
    });
    c.bench_function("compile a 10-point rubric", |b| {
        b.iter(|| black_box(self::rubric()))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);

//! Agreement of the scorer with human grades: the rows of a graded JSON Lines
//! file, scored with rubrics derived from each row's reference answer.

use crate::error::{Error, Result};
use crate::score::derive::{Idf, derive};
use crate::score::normalize::normalize;
use crate::score::{Rubric, score_only};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

/// One graded answer.
#[derive(Debug, Clone, Deserialize)]
pub struct Row {
    /// Groups answers to the same question; the question text when absent.
    #[serde(default)]
    pub question_id: Option<String>,
    /// The question asked.
    pub question: String,
    /// The reference (instructor's) answer.
    pub reference: String,
    /// The student's answer.
    pub answer: String,
    /// The human grade.
    pub score: f64,
}

impl Row {
    /// The question's id, or its text when the row has none.
    pub fn group(&self) -> &str {
        self.question_id.as_deref().unwrap_or(&self.question)
    }
}

/// Rows read from a file, and the bad lines skipped (with `--skip-bad`).
#[derive(Debug)]
pub struct Loaded {
    pub rows: Vec<Row>,
    pub skipped: Vec<String>,
}

/// Reads a graded JSON Lines file. A bad line is an error naming its line and
/// field, unless `skip_bad`, which collects it instead.
pub fn load(path: &Path, text: &str, skip_bad: bool) -> Result<Loaded> {
    let mut rows = Vec::new();
    let mut skipped = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match parse_row(line) {
            Ok(row) => rows.push(row),
            Err(message) if skip_bad => skipped.push(format!("line {}: {message}", i + 1)),
            Err(message) => {
                return Err(Error::BadLine {
                    path: path.to_path_buf(),
                    line: i + 1,
                    message: format!(
                        "{message}; fix the line or pass `--skip-bad` to skip bad rows"
                    ),
                });
            }
        }
    }
    if rows.is_empty() {
        return Err(Error::Message(format!(
            "`{}` holds no graded rows; each line must be a JSON object with `question`, `reference`, `answer` and `score`",
            path.display()
        )));
    }
    Ok(Loaded { rows, skipped })
}

/// Parses one JSON Lines line into `T`; the message names the field at fault.
pub fn parse_line<T: serde::de::DeserializeOwned>(line: &str) -> std::result::Result<T, String> {
    let value: serde_json::Value =
        serde_json::from_str(line).map_err(|e| format!("not valid JSON ({e})"))?;
    serde_path_to_error::deserialize(&value).map_err(|e| {
        let path = e.path().to_string();
        if path == "." {
            e.inner().to_string()
        } else {
            format!("field `{path}`: {}", e.inner())
        }
    })
}

fn parse_row(line: &str) -> std::result::Result<Row, String> {
    let row: Row = parse_line(line)?;
    if !row.score.is_finite() {
        return Err("field `score`: must be a number".into());
    }
    Ok(row)
}

/// The scorer's agreement with the human grades.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Rows scored.
    pub n: usize,
    /// Pearson correlation of our scores with the grades.
    pub pearson: f64,
    /// Spearman rank correlation.
    pub spearman: f64,
    /// Root mean squared error on the grade scale, after the least-squares
    /// linear map of our scores onto it.
    pub rmse: f64,
    /// Quadratic weighted kappa of the mapped scores rounded to the grade
    /// steps seen in the file, against the grades.
    pub qwk: f64,
    /// Mean of the Pearson correlations within each question.
    pub mean_question_pearson: f64,
    /// Number of questions.
    pub questions: usize,
    /// The linear map: grade ≈ slope × score + intercept.
    pub slope: f64,
    /// See `slope`.
    pub intercept: f64,
    /// Bad rows skipped with `--skip-bad`.
    pub skipped: usize,
}

/// Scores every row with a rubric derived from its reference answer, its
/// words weighted against the built-in bank as background. `tick` is called
/// after each row (for a progress bar).
pub fn scores(rows: &[Row], mut tick: impl FnMut()) -> Vec<f64> {
    // The same background as `rehearse score --reference`, so that this
    // measures the scorer exactly as users meet it.
    let idf = Idf::builtin();

    let mut rubrics: BTreeMap<(&str, &str), Rubric> = BTreeMap::new();
    rows.iter()
        .map(|row| {
            let rubric = rubrics
                .entry((row.reference.as_str(), row.question.as_str()))
                .or_insert_with(|| derive(&row.reference, &row.question, idf));
            let score = score_only(rubric, &normalize(&row.answer));
            tick();
            score
        })
        .collect()
}

/// Agreement figures for `ours` against the rows' grades.
pub fn report(rows: &[Row], ours: &[f64], skipped: usize) -> Report {
    let gold: Vec<f64> = rows.iter().map(|r| r.score).collect();
    let (slope, intercept) = least_squares(ours, &gold);
    let mapped: Vec<f64> = ours.iter().map(|x| slope * x + intercept).collect();
    let rmse = (mapped
        .iter()
        .zip(&gold)
        .map(|(m, g)| (m - g).powi(2))
        .sum::<f64>()
        / gold.len().max(1) as f64)
        .sqrt();

    let mut groups: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, row) in rows.iter().enumerate() {
        groups.entry(row.group()).or_default().push(i);
    }
    let per_question: Vec<f64> = groups
        .values()
        .filter_map(|idx| {
            let x: Vec<f64> = idx.iter().map(|&i| ours[i]).collect();
            let y: Vec<f64> = idx.iter().map(|&i| gold[i]).collect();
            let r = pearson(&x, &y);
            r.is_finite().then_some(r)
        })
        .collect();
    let mean_question_pearson = if per_question.is_empty() {
        f64::NAN
    } else {
        per_question.iter().sum::<f64>() / per_question.len() as f64
    };

    Report {
        n: rows.len(),
        pearson: pearson(ours, &gold),
        spearman: spearman(ours, &gold),
        rmse,
        qwk: qwk(&mapped, &gold),
        mean_question_pearson,
        questions: groups.len(),
        slope,
        intercept,
        skipped,
    }
}

/// Pearson correlation; NaN when either side is constant.
pub fn pearson(x: &[f64], y: &[f64]) -> f64 {
    let n = x.len().min(y.len());
    if n < 2 {
        return f64::NAN;
    }
    let mx = x[..n].iter().sum::<f64>() / n as f64;
    let my = y[..n].iter().sum::<f64>() / n as f64;
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for i in 0..n {
        let (dx, dy) = (x[i] - mx, y[i] - my);
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
    }
    if sxx == 0.0 || syy == 0.0 {
        return f64::NAN;
    }
    sxy / (sxx.sqrt() * syy.sqrt())
}

/// Spearman rank correlation (ties share their mean rank).
pub fn spearman(x: &[f64], y: &[f64]) -> f64 {
    pearson(&ranks(x), &ranks(y))
}

fn ranks(values: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| values[a].total_cmp(&values[b]));
    let mut ranks = vec![0.0; values.len()];
    let mut i = 0;
    while i < order.len() {
        let mut j = i;
        while j + 1 < order.len() && values[order[j + 1]] == values[order[i]] {
            j += 1;
        }
        let mean = (i + j) as f64 / 2.0 + 1.0;
        for &k in &order[i..=j] {
            ranks[k] = mean;
        }
        i = j + 1;
    }
    ranks
}

/// Slope and intercept of the least-squares line y ≈ a·x + b.
pub fn least_squares(x: &[f64], y: &[f64]) -> (f64, f64) {
    let n = x.len().min(y.len()) as f64;
    if n == 0.0 {
        return (0.0, 0.0);
    }
    let mx = x.iter().sum::<f64>() / n;
    let my = y.iter().sum::<f64>() / n;
    let sxx: f64 = x.iter().map(|v| (v - mx).powi(2)).sum();
    if sxx == 0.0 {
        return (0.0, my);
    }
    let sxy: f64 = x.iter().zip(y).map(|(a, b)| (a - mx) * (b - my)).sum();
    let slope = sxy / sxx;
    (slope, my - slope * mx)
}

/// Quadratic weighted kappa between predictions snapped to the grade values
/// that occur in `gold`, and `gold` (finite grades, as loaded rows hold).
///
/// With k grade steps, kappa = 1 − Σ w·O / Σ w·E over the k × k matrices of
/// observed counts O and expected counts E = outer(predicted histogram, gold
/// histogram) / N, weighted w = (i − j)² / (k − 1)². With continuous grades k
/// is close to the number of rows, and those matrices took gigabytes. Both
/// are sparse: O has at most one non-empty cell per row, and E is empty on
/// every predicted step no row was snapped to. So only the non-empty cells
/// are summed, in the order of the full matrices, which gives the very same
/// value (an empty cell adds zero). Memory is linear in the rows; time is
/// (distinct predicted steps) × k, and rehearse's scores come in tenths from
/// 0 to 100, so there are at most 1,001 of those.
///
/// Both sums also reduce to closed forms over the rows' step indices, but
/// summed in another order they round differently in the last digits, and
/// `eval --json` would print other figures for the same file.
pub fn qwk(predicted: &[f64], gold: &[f64]) -> f64 {
    let mut levels: Vec<f64> = gold.to_vec();
    levels.sort_by(f64::total_cmp);
    levels.dedup();
    let k = levels.len();
    if k < 2 {
        return f64::NAN;
    }
    let weight = |i: usize, j: usize| ((i as f64 - j as f64) / (k as f64 - 1.0)).powi(2);
    // The non-empty cells of O, row by row.
    let mut cells: Vec<(usize, usize)> = predicted
        .iter()
        .zip(gold)
        .map(|(p, g)| (nearest(&levels, *p), nearest(&levels, *g)))
        .collect();
    cells.sort_unstable();
    let mut rows: Vec<(usize, f64)> = Vec::new();
    let mut col = vec![0.0; k];
    let mut num = 0.0;
    for run in cells.chunk_by(|a, b| a == b) {
        let (i, j) = run[0];
        let count = run.len() as f64;
        num += weight(i, j) * count;
        col[j] += count;
        match rows.last_mut() {
            Some((last, total)) if *last == i => *total += count,
            _ => rows.push((i, count)),
        }
    }
    let n: f64 = predicted.len() as f64;
    let mut den = 0.0;
    for &(i, row) in &rows {
        for (j, &col) in col.iter().enumerate() {
            den += weight(i, j) * row * col / n;
        }
    }
    if den == 0.0 {
        f64::NAN
    } else {
        1.0 - num / den
    }
}

/// The index of the level in `levels` (sorted, distinct, finite) nearest to
/// `v`; on a tie, the lower one. A value that is not finite takes the first
/// level, as it did in the scan (every distance is infinite or NaN).
///
/// Binary search, in O(log k): a linear scan over thousands of distinct
/// grades for every row was quadratic in time. It picks what that scan
/// picked, the first level whose computed distance |level − v| is smallest:
/// below `v` the computed distance never grows as the level rises, and above
/// `v` it never shrinks, so the candidates are the two levels around `v` and,
/// when rounding makes several lower levels equally far, the first of those.
fn nearest(levels: &[f64], v: f64) -> usize {
    let distance = |l: f64| (l - v).abs();
    let above = levels.partition_point(|&l| l < v);
    let Some(below) = above.checked_sub(1) else {
        return 0;
    };
    let lower = distance(levels[below]);
    match levels.get(above) {
        Some(&l) if distance(l) < lower => above,
        _ => levels[..above].partition_point(|&l| distance(l) > lower),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn pearson_and_spearman_on_known_values() {
        assert!(close(pearson(&[1.0, 2.0, 3.0], &[2.0, 4.0, 6.0]), 1.0));
        assert!(close(pearson(&[1.0, 2.0, 3.0], &[3.0, 2.0, 1.0]), -1.0));
        assert!(pearson(&[1.0, 1.0], &[1.0, 2.0]).is_nan());
        // Monotone but not linear: Spearman is 1, Pearson is not.
        let x = [1.0, 2.0, 3.0, 4.0];
        let y = [1.0, 4.0, 9.0, 100.0];
        assert!(close(spearman(&x, &y), 1.0));
        assert!(pearson(&x, &y) < 1.0);
    }

    #[test]
    fn ties_share_their_mean_rank() {
        assert_eq!(ranks(&[10.0, 20.0, 10.0, 30.0]), [1.5, 3.0, 1.5, 4.0]);
    }

    #[test]
    fn least_squares_recovers_a_line() {
        let (a, b) = least_squares(&[0.0, 1.0, 2.0], &[1.0, 3.0, 5.0]);
        assert!(close(a, 2.0) && close(b, 1.0));
    }

    #[test]
    fn qwk_is_one_for_perfect_agreement_and_lower_otherwise() {
        let gold = [0.0, 1.0, 2.0, 3.0];
        assert!(close(qwk(&gold, &gold), 1.0));
        assert!(qwk(&[3.0, 2.0, 1.0, 0.0], &gold) < 0.0);
    }

    /// QWK as the textbook writes it, the full k × k matrices included.
    fn qwk_by_matrix(predicted: &[f64], gold: &[f64]) -> f64 {
        let mut levels: Vec<f64> = gold.to_vec();
        levels.sort_by(f64::total_cmp);
        levels.dedup();
        let k = levels.len();
        if k < 2 {
            return f64::NAN;
        }
        let snap = |v: f64| -> usize {
            levels
                .iter()
                .enumerate()
                .min_by(|a, b| (a.1 - v).abs().total_cmp(&(b.1 - v).abs()))
                .map_or(0, |(i, _)| i)
        };
        let mut observed = vec![vec![0.0; k]; k];
        for (p, g) in predicted.iter().zip(gold) {
            observed[snap(*p)][snap(*g)] += 1.0;
        }
        let n = predicted.len() as f64;
        let row: Vec<f64> = observed.iter().map(|r| r.iter().sum()).collect();
        let col: Vec<f64> = (0..k)
            .map(|j| observed.iter().map(|r| r[j]).sum())
            .collect();
        let (mut num, mut den) = (0.0, 0.0);
        for i in 0..k {
            for j in 0..k {
                let w = ((i as f64 - j as f64) / (k as f64 - 1.0)).powi(2);
                num += w * observed[i][j];
                den += w * row[i] * col[j] / n;
            }
        }
        if den == 0.0 {
            f64::NAN
        } else {
            1.0 - num / den
        }
    }

    /// The same value to the last bit, so `eval --json` prints what it did
    /// when QWK was computed from the full matrices.
    fn assert_same_qwk(predicted: &[f64], gold: &[f64]) {
        let (ours, textbook) = (qwk(predicted, gold), qwk_by_matrix(predicted, gold));
        assert!(
            ours.to_bits() == textbook.to_bits() || (ours.is_nan() && textbook.is_nan()),
            "{ours} != {textbook} for {predicted:?} against {gold:?}"
        );
    }

    #[test]
    fn qwk_equals_the_matrix_computation() {
        let cases: &[(&[f64], &[f64])] = &[
            // Perfect agreement, reversed, and partial agreement.
            (&[0.0, 1.0, 2.0, 3.0], &[0.0, 1.0, 2.0, 3.0]),
            (&[3.0, 2.0, 1.0, 0.0], &[0.0, 1.0, 2.0, 3.0]),
            (&[0.2, 1.4, 1.6, 2.9, 0.1], &[0.0, 1.0, 2.0, 3.0, 1.0]),
            // Halfway between two grades: the lower one is taken.
            (&[0.5, 1.5, 2.5, 0.5], &[0.0, 1.0, 2.0, 3.0]),
            (&[0.25, 0.75, 4.5, 4.5], &[0.0, 0.5, 4.0, 5.0]),
            // Tied grades and repeated predictions.
            (&[1.0, 1.0, 1.0, 2.0, 2.0], &[1.0, 1.0, 2.0, 2.0, 2.0]),
            (&[4.0, 4.0, 4.0, 4.0], &[0.0, 5.0, 5.0, 0.0]),
            // Predictions beyond the grades, uneven and negative steps.
            (&[-3.0, 9.0, 0.3, 2.2], &[0.0, 0.25, 2.0, 5.0]),
            (&[-1.2, -0.4, 0.6, 7.0, 0.0], &[-1.0, -0.5, 0.5, 7.5, 0.0]),
            // So far away that two grades are equally far once rounded, or
            // not a number at all: the first grade, as a scan would find.
            (
                &[1e20, -1e20, f64::INFINITY, f64::NEG_INFINITY, f64::NAN],
                &[0.0, 0.5, 1.0, 2.0, 3.0],
            ),
            // A single grade: kappa is undefined.
            (&[1.0, 2.0, 3.0], &[2.0, 2.0, 2.0]),
            (&[1.0], &[1.0]),
            (&[], &[]),
            // Every prediction on one grade, all gold grades different.
            (&[2.0, 2.0, 2.0], &[1.0, 2.0, 3.0]),
        ];
        for (predicted, gold) in cases {
            assert_same_qwk(predicted, gold);
        }
        assert!(qwk(&[1.0, 2.0, 3.0], &[2.0, 2.0, 2.0]).is_nan());

        // And on many small random files: grades in half steps, predictions
        // continuous, as `report` makes them.
        use rand_chacha::rand_core::{Rng, SeedableRng};
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(7);
        for _ in 0..2_000 {
            let n = 1 + (rng.next_u32() % 40) as usize;
            let steps = 1 + rng.next_u32() % 11;
            let gold: Vec<f64> = (0..n)
                .map(|_| f64::from(rng.next_u32() % steps) * 0.5)
                .collect();
            let predicted: Vec<f64> = (0..n)
                .map(|_| f64::from(rng.next_u32() % 1000) / 150.0 - 0.5)
                .collect();
            assert_same_qwk(&predicted, &gold);
        }
    }

    #[test]
    fn bad_lines_name_their_field() {
        let path = Path::new("graded.jsonl");
        let text = "{\"question\": \"q\", \"reference\": \"r\", \"answer\": \"a\", \"score\": 1}\n{\"question\": \"q\", \"reference\": \"r\", \"score\": 2}\n";
        let err = load(path, text, false).unwrap_err().to_string();
        assert_eq!(
            err,
            "`graded.jsonl` line 2: missing field `answer`; fix the line or pass `--skip-bad` to skip bad rows"
        );
        let loaded = load(path, text, true).unwrap();
        assert_eq!(loaded.rows.len(), 1);
        assert_eq!(loaded.skipped, ["line 2: missing field `answer`"]);
    }
}

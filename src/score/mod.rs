//! Scoring typed answers against keyword rubrics.

pub mod normalize;

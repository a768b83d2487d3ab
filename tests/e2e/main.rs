//! End-to-end tests through the `rehearse` binary.
#![allow(clippy::unwrap_used)]

mod bank;
mod choice;
mod common;
mod faults;
mod probes;
mod pty;
mod review;
mod run;
mod score;
mod star;
mod today;
mod tracks;

//! Time, passed in rather than read from the system, so that sessions can be
//! tested with a fake clock and reproduced exactly.

use jiff::{Timestamp, ToSpan};
use std::cell::Cell;

/// A source of the current time.
pub trait Clock {
    /// The current time.
    fn now(&self) -> Timestamp;

    /// A scripted answer of `words` words was just read. The system clock
    /// ignores this; the fake clock moves on by the time typing it would take,
    /// so scripted transcripts show believable times.
    fn typed(&self, _words: usize) {}
}

/// The real clock.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Timestamp {
        Timestamp::now()
    }
}

/// A clock that stands still except when answers are typed: 1.5 seconds a
/// word (40 words a minute), at least 20 seconds an answer.
#[derive(Debug)]
pub struct FakeClock {
    now: Cell<Timestamp>,
}

impl FakeClock {
    /// A fake clock starting at `start`.
    pub fn new(start: Timestamp) -> FakeClock {
        FakeClock {
            now: Cell::new(start),
        }
    }

    /// Moves the clock on by `seconds`.
    pub fn advance(&self, seconds: i64) {
        let next = self
            .now
            .get()
            .checked_add(seconds.seconds())
            .unwrap_or(self.now.get());
        self.now.set(next);
    }
}

impl Clock for FakeClock {
    fn now(&self) -> Timestamp {
        self.now.get()
    }

    fn typed(&self, words: usize) {
        let seconds = (words as f64 * 1.5).round() as i64;
        self.advance(seconds.max(20));
    }
}

/// Whole seconds from `from` to `to`, never negative.
pub fn seconds_between(from: Timestamp, to: Timestamp) -> u32 {
    let diff = to.as_second() - from.as_second();
    u32::try_from(diff.max(0)).unwrap_or(u32::MAX)
}

/// The clock to use: the fake one when `REHEARSE_FAKE_CLOCK` holds a time
/// (RFC 3339, e.g. `2026-03-01T09:00:00Z`; used by tests), else the system's.
pub fn from_env() -> crate::Result<Box<dyn Clock>> {
    match std::env::var("REHEARSE_FAKE_CLOCK") {
        Ok(value) if !value.is_empty() => {
            let start: Timestamp = value.parse().map_err(|e| {
                crate::Error::Message(format!(
                    "`REHEARSE_FAKE_CLOCK={value}` is not a time ({e}); use RFC 3339 such as `2026-03-01T09:00:00Z`"
                ))
            })?;
            Ok(Box::new(FakeClock::new(start)))
        }
        _ => Ok(Box::new(SystemClock)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fake_clock_moves_only_when_answers_are_typed() {
        let start: Timestamp = "2026-03-01T09:00:00Z".parse().unwrap();
        let clock = FakeClock::new(start);
        assert_eq!(clock.now(), start);
        assert_eq!(clock.now(), start);
        clock.typed(100);
        assert_eq!(seconds_between(start, clock.now()), 150);
        clock.typed(2);
        assert_eq!(seconds_between(start, clock.now()), 170);
    }

    #[test]
    fn seconds_between_is_never_negative() {
        let a: Timestamp = "2026-03-01T09:00:00Z".parse().unwrap();
        let b: Timestamp = "2026-03-01T09:01:30Z".parse().unwrap();
        assert_eq!(seconds_between(a, b), 90);
        assert_eq!(seconds_between(b, a), 0);
    }
}

//! SIGINT, SIGTERM, SIGHUP (the terminal closed) and SIGQUIT during an
//! interview: instead of dying with the answer half typed, the session
//! notices, saves and exits (128 + the signal: 130, 143, 129, 131).

use crate::error::{Error, Result};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Which signal arrived, if any.
#[derive(Debug, Clone, Default)]
pub struct Signals {
    arrived: Arc<AtomicUsize>,
}

impl Signals {
    /// Catches SIGINT, SIGTERM, SIGHUP and SIGQUIT from now on.
    pub fn install() -> Result<Signals> {
        let signals = Signals::default();
        use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] {
            signal_hook::flag::register_usize(
                signal,
                Arc::clone(&signals.arrived),
                signal as usize,
            )
            .map_err(|e| Error::Message(format!("could not watch for signal {signal}: {e}")))?;
        }
        Ok(signals)
    }

    /// The signal that arrived, if one did.
    pub fn pending(&self) -> Option<i32> {
        match self.arrived.load(Ordering::SeqCst) {
            0 => None,
            signal => i32::try_from(signal).ok(),
        }
    }
}

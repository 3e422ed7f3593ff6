//! A spinner on stderr for runs that take a while.
//!
//! The check itself runs in `run::check`, which reports no progress, so the
//! CLI shows a spinner with the elapsed time while it waits. It appears only
//! when stderr is a terminal and only once the run has taken about a second,
//! so quick runs (a pre-commit hook) and logs never see it; it is cleared
//! when the run ends. It has no colour, so `--color` and `NO_COLOR` have
//! nothing to turn off.

use std::io::{self, IsTerminal};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::thread::{self, JoinHandle};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long a run goes before the spinner shows.
const DELAY: Duration = Duration::from_secs(1);

/// Shows a spinner until dropped.
pub struct Spinner {
    done: Option<Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Spinner {
    /// Start waiting; the spinner appears after [`DELAY`] on a terminal.
    pub fn start(message: &str) -> Spinner {
        if !io::stderr().is_terminal() {
            return Spinner {
                done: None,
                thread: None,
            };
        }
        let (done, wait) = mpsc::channel::<()>();
        let message = message.to_string();
        let thread = thread::spawn(move || {
            if wait.recv_timeout(DELAY) != Err(RecvTimeoutError::Timeout) {
                return;
            }
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
            let style = ProgressStyle::with_template("{spinner} {msg} ({elapsed})")
                .unwrap_or_else(|_| ProgressStyle::default_spinner());
            bar.set_style(style);
            bar.set_message(message);
            bar.enable_steady_tick(Duration::from_millis(120));
            let _ = wait.recv();
            bar.finish_and_clear();
        });
        Spinner {
            done: Some(done),
            thread: Some(thread),
        }
    }
}

impl Drop for Spinner {
    fn drop(&mut self) {
        if let Some(done) = self.done.take() {
            let _ = done.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

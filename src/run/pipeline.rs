//! Evaluating files on worker threads while the calling thread merges
//! their results in path order.
//!
//! Workers claim the next file index from a shared counter, so none waits
//! for a slow neighbour at a chunk boundary; results come back over a
//! channel and wait in a reorder window until every earlier one is merged.
//! A worker never claims an index more than [`WINDOW`] past the next one to
//! merge, so memory holds at most that many files' results whatever the
//! run's size and however unevenly its files cost; nor, past the next one
//! to merge, while the results waiting weigh more than [`BUDGET`] (their
//! findings: a window of large files that all fail would hold hundreds of
//! thousands).

use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, mpsc};

/// Results that may be evaluated ahead of the next one to merge.
pub const WINDOW: usize = 256;

/// The weight of the results that may wait to be merged before workers
/// stop claiming files beyond the next one to merge (a weight is a
/// result's findings: some 16,384 findings, a few MiB).
pub const BUDGET: usize = 1 << 14;

/// Call `work(i)` for every `i` in `0..count` on `jobs` worker threads and
/// `merge` with each result on the calling thread, in index order; with
/// one job, both on the calling thread.
/// A panic in `work` or `merge` stops the workers and is re-raised here.
#[cfg(test)]
pub fn in_order<T, W, M>(count: usize, jobs: usize, work: W, merge: M)
where
    T: Send,
    W: Fn(usize) -> T + Sync,
    M: FnMut(T),
{
    in_order_weighed(count, jobs, work, |_| 0, merge);
}

/// [`in_order`], holding back workers while the results waiting weigh
/// more than [`BUDGET`] by `weigh`.
pub fn in_order_weighed<T, W, G, M>(count: usize, jobs: usize, work: W, weigh: G, mut merge: M)
where
    T: Send,
    W: Fn(usize) -> T + Sync,
    G: Fn(&T) -> usize + Sync,
    M: FnMut(T),
{
    if count == 0 {
        return;
    }
    let jobs = jobs.clamp(1, count);
    if jobs == 1 {
        // One job is one thread: this one, evaluating and merging in turn
        // (so `--jobs 1` measures the work itself, and a second core is
        // left alone).
        for i in 0..count {
            merge(work(i));
        }
        return;
    }
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    // The index of the next result to merge, and the weight of the
    // results evaluated and not yet merged; workers wait on `moved`.
    let merged = Mutex::new((0usize, 0usize));
    let moved = Condvar::new();
    let (send, receive) = mpsc::channel::<(usize, std::thread::Result<T>)>();
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            let send = send.clone();
            let (next, stop, merged, moved, work, weigh) =
                (&next, &stop, &merged, &moved, &work, &weigh);
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= count || !wait_for_room(i, merged, moved, stop) {
                        return;
                    }
                    let result = catch_unwind(AssertUnwindSafe(|| work(i)));
                    if let (Ok(result), Ok(mut at)) = (&result, merged.lock()) {
                        at.1 += weigh(result);
                    }
                    let failed = result.is_err();
                    if send.send((i, result)).is_err() || failed {
                        return;
                    }
                }
            });
        }
        drop(send);
        let abort = || {
            stop.store(true, Ordering::SeqCst);
            let _guard = merged.lock();
            moved.notify_all();
        };
        let size = WINDOW.min(count);
        let mut window: Vec<Option<T>> = (0..size).map(|_| None).collect();
        let mut head = 0;
        while head < count {
            let Ok((i, result)) = receive.recv() else {
                // Every worker is gone with results missing: one panicked
                // and the scope re-raises it on return.
                abort();
                return;
            };
            let result = match result {
                Ok(result) => result,
                Err(panic) => {
                    abort();
                    resume_unwind(panic);
                }
            };
            let slot = i % size;
            window[slot] = Some(result);
            let before = head;
            let mut unloaded = 0;
            while let Some(result) = window[head % size].take() {
                unloaded += weigh(&result);
                if let Err(panic) = catch_unwind(AssertUnwindSafe(|| merge(result))) {
                    abort();
                    resume_unwind(panic);
                }
                head += 1;
                if head == count {
                    break;
                }
            }
            if head != before {
                if let Ok(mut at) = merged.lock() {
                    at.0 = head;
                    at.1 = at.1.saturating_sub(unloaded);
                }
                moved.notify_all();
            }
        }
    });
}

/// Block until index `i` fits in the window and, unless it is the next to
/// merge, in the budget; false when the run stops.
fn wait_for_room(
    i: usize,
    merged: &Mutex<(usize, usize)>,
    moved: &Condvar,
    stop: &AtomicBool,
) -> bool {
    let Ok(mut at) = merged.lock() else {
        return false;
    };
    while i >= at.0 + WINDOW || (i > at.0 && at.1 > BUDGET) {
        if stop.load(Ordering::SeqCst) {
            return false;
        }
        at = match moved.wait(at) {
            Ok(at) => at,
            Err(_) => return false,
        };
    }
    !stop.load(Ordering::SeqCst)
}

#[cfg(test)]
mod tests {
    use super::{BUDGET, WINDOW, in_order, in_order_weighed};
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn merges_every_result_once_in_order_whatever_the_jobs() {
        for jobs in [1, 2, 3, 8] {
            for count in [0, 1, 2, WINDOW - 1, WINDOW, WINDOW + 1, 3 * WINDOW + 7] {
                let mut seen = Vec::new();
                // Uneven work: some results arrive far out of order.
                in_order(
                    count,
                    jobs,
                    |i| {
                        if i % 97 == 0 {
                            std::thread::sleep(std::time::Duration::from_millis(2));
                        }
                        i * 10
                    },
                    |r| seen.push(r),
                );
                let want: Vec<usize> = (0..count).map(|i| i * 10).collect();
                assert_eq!(seen, want, "jobs {jobs}, count {count}");
            }
        }
    }

    #[test]
    fn never_runs_more_than_the_window_ahead_of_the_merge() {
        let merged = AtomicUsize::new(0);
        let worst = AtomicUsize::new(0);
        in_order(
            5 * WINDOW,
            4,
            |i| {
                let ahead = i.saturating_sub(merged.load(Ordering::SeqCst));
                worst.fetch_max(ahead, Ordering::SeqCst);
                i
            },
            |i| {
                std::thread::sleep(std::time::Duration::from_micros(20));
                merged.store(i + 1, Ordering::SeqCst);
            },
        );
        assert!(worst.load(Ordering::SeqCst) < WINDOW);
    }

    #[test]
    fn heavy_results_wait_within_the_budget() {
        let merged = AtomicUsize::new(0);
        let worst = AtomicUsize::new(0);
        let heavy = 1000;
        in_order_weighed(
            2 * WINDOW,
            4,
            |i| {
                let ahead = i.saturating_sub(merged.load(Ordering::SeqCst));
                worst.fetch_max(ahead, Ordering::SeqCst);
                i
            },
            |_| heavy,
            |i| {
                std::thread::sleep(std::time::Duration::from_micros(50));
                merged.store(i + 1, Ordering::SeqCst);
            },
        );
        // The budget's worth of results, and one per worker in hand.
        let most = BUDGET / heavy + 4 + 1;
        assert!(worst.load(Ordering::SeqCst) <= most, "{worst:?} > {most}");
    }

    #[test]
    fn a_panic_in_work_reaches_the_caller_without_hanging() {
        let caught = std::panic::catch_unwind(|| {
            in_order(
                4 * WINDOW,
                2,
                |i| {
                    assert!(i != 300, "boom");
                    i
                },
                |_| {},
            )
        });
        assert!(caught.is_err());
    }
}

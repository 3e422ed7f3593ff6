//! Evaluating files on worker threads and merging their results in path
//! order.
//!
//! Workers claim the next file index from a shared counter, so none waits
//! for a slow neighbour at a chunk boundary; a result waits in a reorder
//! window until every earlier one is merged, and the worker that finds the
//! next result to merge there merges it (and any that follow it), so no
//! thread sleeps and wakes for each file. A worker never claims an index
//! more than [`WINDOW`] past the next one to merge, so memory holds at most
//! that many files' results whatever the run's size and however unevenly
//! its files cost; nor, past the next one to merge, while the results
//! waiting weigh more than [`BUDGET`] (their findings: a window of large
//! files that all fail would hold hundreds of thousands). One job runs on
//! the calling thread alone.

use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex};

/// Results that may be evaluated ahead of the next one to merge.
pub const WINDOW: usize = 256;

/// The weight of the results that may wait to be merged before workers
/// stop claiming files beyond the next one to merge (a weight is a
/// result's findings: some 16,384 findings, a few MiB).
pub const BUDGET: usize = 1 << 14;

/// Call `work(i)` for every `i` in `0..count` on `jobs` worker threads and
/// `merge` with each result, one at a time and in index order, on whichever
/// worker finds it next; with one job, both on the calling thread.
/// A panic in `work` or `merge` stops the workers and is re-raised here.
#[cfg(test)]
pub fn in_order<T, W, M>(count: usize, jobs: usize, work: W, merge: M)
where
    T: Send,
    W: Fn(usize) -> T + Sync,
    M: FnMut(T) + Send,
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
    M: FnMut(T) + Send,
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
    let size = WINDOW.min(count);
    let state = Mutex::new(State {
        window: (0..size).map(|_| None).collect(),
        head: 0,
        weight: 0,
        merging: false,
        waiting: 0,
        stop: false,
        panic: None,
    });
    let moved = Condvar::new();
    let next = AtomicUsize::new(0);
    // Only the worker that set `merging` takes this lock, so it never waits.
    let merge = Mutex::new(merge);
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            let (state, moved, next, merge, work, weigh) =
                (&state, &moved, &next, &merge, &work, &weigh);
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= count || !wait_for_room(i, state, moved) {
                        return;
                    }
                    let result = match catch_unwind(AssertUnwindSafe(|| work(i))) {
                        Ok(result) => result,
                        Err(panic) => return stop(state, moved, panic),
                    };
                    let Ok(mut at) = state.lock() else {
                        return;
                    };
                    at.weight += weigh(&result);
                    at.window[i % size] = Some(result);
                    if at.merging {
                        // The worker merging takes this one up in turn.
                        continue;
                    }
                    at.merging = true;
                    while at.head < count {
                        let head = at.head % size;
                        let Some(result) = at.window[head].take() else {
                            break;
                        };
                        let weight = weigh(&result);
                        drop(at);
                        let merged = catch_unwind(AssertUnwindSafe(|| {
                            let mut merge = merge.lock().unwrap_or_else(|e| e.into_inner());
                            merge(result)
                        }));
                        if let Err(panic) = merged {
                            return stop(state, moved, panic);
                        }
                        at = match state.lock() {
                            Ok(at) => at,
                            Err(_) => return,
                        };
                        at.head += 1;
                        at.weight = at.weight.saturating_sub(weight);
                        // A wake-up is a system call: only for a worker
                        // that waits (it counts itself under this lock).
                        if at.waiting > 0 {
                            moved.notify_all();
                        }
                    }
                    at.merging = false;
                }
            });
        }
    });
    let panic = state.into_inner().unwrap_or_else(|e| e.into_inner()).panic;
    if let Some(panic) = panic {
        resume_unwind(panic);
    }
}

/// What the workers share: the reorder window, the index of the next
/// result to merge, the weight of the results waiting, whether one worker
/// is merging, and whether (and why) the run stopped.
struct State<T> {
    window: Vec<Option<T>>,
    head: usize,
    weight: usize,
    merging: bool,
    /// Workers waiting for room.
    waiting: usize,
    stop: bool,
    panic: Option<Box<dyn std::any::Any + Send>>,
}

/// Stop every worker, keeping the first panic to raise on the caller's
/// thread.
fn stop<T>(state: &Mutex<State<T>>, moved: &Condvar, panic: Box<dyn std::any::Any + Send>) {
    let mut at = state.lock().unwrap_or_else(|e| e.into_inner());
    at.stop = true;
    at.panic.get_or_insert(panic);
    moved.notify_all();
}

/// Block until index `i` fits in the window and, unless it is the next to
/// merge, in the budget; false when the run stops.
fn wait_for_room<T>(i: usize, state: &Mutex<State<T>>, moved: &Condvar) -> bool {
    let Ok(mut at) = state.lock() else {
        return false;
    };
    while !at.stop && (i >= at.head + WINDOW || (i > at.head && at.weight > BUDGET)) {
        at.waiting += 1;
        at = match moved.wait(at) {
            Ok(at) => at,
            Err(_) => return false,
        };
        at.waiting -= 1;
    }
    !at.stop
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
    fn a_panic_in_merge_reaches_the_caller_without_hanging() {
        for jobs in [1, 2, 4] {
            let caught = std::panic::catch_unwind(|| {
                in_order(
                    4 * WINDOW,
                    jobs,
                    |i| i,
                    |i| assert!(i != 2 * WINDOW + 3, "boom"),
                )
            });
            assert!(caught.is_err(), "jobs {jobs}");
        }
    }

    #[test]
    fn one_merge_at_a_time_on_whichever_worker() {
        let inside = std::sync::atomic::AtomicBool::new(false);
        let mut merged = 0;
        in_order(
            3 * WINDOW,
            4,
            |i| i,
            |_| {
                assert!(!inside.swap(true, Ordering::SeqCst), "two merges at once");
                std::thread::yield_now();
                inside.store(false, Ordering::SeqCst);
                merged += 1;
            },
        );
        assert_eq!(merged, 3 * WINDOW);
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

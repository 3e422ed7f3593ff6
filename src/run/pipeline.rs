//! Evaluating files on worker threads and merging their results in path
//! order.
//!
//! Workers claim runs of consecutive file indices from a shared counter,
//! long while many files remain and one at a time near the end, so none
//! sits idle while another finishes a long run. A result waits in a
//! reorder window until every earlier one is merged, and **the worker that
//! made a result merges it**, when it is next to merge: after it finishes
//! a file, or while it waits. So a result is read, merged and freed on the
//! thread that built it, whose cache still holds it: handing results to
//! another thread made every line of them, and every block the allocator
//! gave out again, cross between cores, and cost more CPU time than the
//! merge itself. A worker merges a whole run of its own results in turn,
//! so the merge's own state moves between cores once a run, not once a
//! file.
//!
//! A worker never starts an index more than [`WINDOW`] past the next one
//! to merge, so memory holds at most that many files' results whatever the
//! run's size and however unevenly its files cost; nor, past the next one
//! to merge, while the results waiting weigh more than [`BUDGET`] (their
//! findings: a window of large files that all fail would hold hundreds of
//! thousands). One job runs on the calling thread alone.

use std::ops::Range;
use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard};

/// Results that may be evaluated ahead of the next one to merge.
pub const WINDOW: usize = 256;

/// The weight of the results that may wait to be merged before workers
/// stop starting files beyond the next one to merge (a weight is a
/// result's findings: some 16,384 findings, a few MiB).
pub const BUDGET: usize = 1 << 14;

/// The longest run of files a worker claims at once.
const LONGEST_RUN: usize = 32;

/// A run is at most the files left over this many times the jobs: early
/// runs are long, and the last files are claimed one at a time.
const RUNS_PER_JOB: usize = 8;

/// Call `work(i)` for every `i` in `0..count` on `jobs` worker threads and
/// `merge` with each result, one at a time and in index order, on the
/// worker that made it; with one job, both on the calling thread.
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
pub fn in_order_weighed<T, W, G, M>(count: usize, jobs: usize, work: W, weigh: G, merge: M)
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
        let mut merge = merge;
        for i in 0..count {
            merge(work(i));
        }
        return;
    }
    let shared = Shared {
        state: Mutex::new(State {
            window: (0..WINDOW.min(count)).map(|_| None).collect(),
            head: 0,
            weight: 0,
            waiting: 0,
            stop: false,
            panic: None,
        }),
        moved: Condvar::new(),
        // Only the worker whose result is next takes this lock, so it
        // never waits.
        merge: Mutex::new(merge),
        weigh,
        count,
        longest: (WINDOW / (2 * jobs)).clamp(1, LONGEST_RUN),
        jobs,
    };
    let next = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for me in 0..jobs {
            let (shared, next, work) = (&shared, &next, &work);
            scope.spawn(move || {
                // The last index this worker put in the window.
                let mut last = None;
                while let Some(run) = shared.claim(next) {
                    for i in run {
                        if !shared.wait_for_room(i, me) {
                            return;
                        }
                        let result = match catch_unwind(AssertUnwindSafe(|| work(i))) {
                            Ok(result) => result,
                            Err(panic) => return shared.stop(panic),
                        };
                        if !shared.put(i, me, result) {
                            return;
                        }
                        last = Some(i);
                    }
                }
                if let Some(last) = last {
                    shared.merge_through(last, me);
                }
            });
        }
    });
    let panic = (shared.state.into_inner())
        .unwrap_or_else(|e| e.into_inner())
        .panic;
    if let Some(panic) = panic {
        resume_unwind(panic);
    }
}

/// What the workers share.
struct Shared<T, G, M> {
    state: Mutex<State<T>>,
    /// Signalled, when a worker waits, as the merge moves on or reaches
    /// another worker's result; and when the run stops.
    moved: Condvar,
    merge: Mutex<M>,
    weigh: G,
    count: usize,
    /// The longest run a worker claims.
    longest: usize,
    jobs: usize,
}

/// The reorder window (each result with the worker that made it), the
/// index of the next result to merge, the weight of the results waiting,
/// and whether (and why) the run stopped.
struct State<T> {
    window: Vec<Option<(T, usize)>>,
    head: usize,
    weight: usize,
    /// Workers waiting, for room or for their turn to merge.
    waiting: usize,
    stop: bool,
    panic: Option<Box<dyn std::any::Any + Send>>,
}

impl<T, G, M> Shared<T, G, M>
where
    G: Fn(&T) -> usize,
    M: FnMut(T),
{
    /// The next run of indices to evaluate: a share of what is left, at
    /// least one and at most `longest`; `None` once all are claimed.
    fn claim(&self, next: &AtomicUsize) -> Option<Range<usize>> {
        let mut start = next.load(Ordering::Relaxed);
        loop {
            let left = self.count.checked_sub(start).filter(|&n| n > 0)?;
            let run = (left / (self.jobs * RUNS_PER_JOB)).clamp(1, self.longest);
            match next.compare_exchange_weak(
                start,
                start + run,
                Ordering::Relaxed,
                Ordering::Relaxed,
            ) {
                Ok(_) => return Some(start..start + run),
                Err(now) => start = now,
            }
        }
    }

    /// Block until index `i` fits in the window and, unless it is the next
    /// to merge, in the budget, merging this worker's results as they
    /// come up; false when the run stops.
    fn wait_for_room(&self, i: usize, me: usize) -> bool {
        let Some(mut at) = self.lock() else {
            return false;
        };
        loop {
            at = match self.merge_mine(at, me) {
                Some(at) => at,
                None => return false,
            };
            if i < at.head + WINDOW && (i <= at.head || at.weight <= BUDGET) {
                return true;
            }
            at.waiting += 1;
            at = match self.moved.wait(at) {
                Ok(at) => at,
                Err(_) => return false,
            };
            at.waiting -= 1;
        }
    }

    /// Put this worker's result for index `i` in the window, and merge it
    /// (with its own results after it) if it is next; false when the run
    /// stops.
    fn put(&self, i: usize, me: usize, result: T) -> bool {
        let Some(mut at) = self.lock() else {
            return false;
        };
        at.weight += (self.weigh)(&result);
        let size = at.window.len();
        at.window[i % size] = Some((result, me));
        self.merge_mine(at, me).is_some()
    }

    /// Merge this worker's results until every one up to `last` is merged,
    /// waiting for the others' before them.
    fn merge_through(&self, last: usize, me: usize) {
        let Some(mut at) = self.lock() else {
            return;
        };
        loop {
            at = match self.merge_mine(at, me) {
                Some(at) => at,
                None => return,
            };
            if at.head > last {
                return;
            }
            at.waiting += 1;
            at = match self.moved.wait(at) {
                Ok(at) => at,
                Err(_) => return,
            };
            at.waiting -= 1;
        }
    }

    /// Merge the next results while they are this worker's and ready, the
    /// lock released during each merge; the lock again, or `None` once the
    /// run stops.
    fn merge_mine<'a>(
        &'a self,
        mut at: MutexGuard<'a, State<T>>,
        me: usize,
    ) -> Option<MutexGuard<'a, State<T>>> {
        loop {
            if at.stop {
                return None;
            }
            if at.head >= self.count {
                return Some(at);
            }
            let slot = at.head % at.window.len();
            let result = match at.window[slot].take_if(|(_, maker)| *maker == me) {
                Some((result, _)) => result,
                None => {
                    // Another's result, ready: its maker may be waiting,
                    // for room or for its turn. A wake-up is a system
                    // call, so only for a worker that waits (it counts
                    // itself under this lock).
                    if at.window[slot].is_some() && at.waiting > 0 {
                        self.moved.notify_all();
                    }
                    return Some(at);
                }
            };
            let weight = (self.weigh)(&result);
            drop(at);
            let merged = catch_unwind(AssertUnwindSafe(|| {
                let mut merge = self.merge.lock().unwrap_or_else(|e| e.into_inner());
                merge(result)
            }));
            if let Err(panic) = merged {
                self.stop(panic);
                return None;
            }
            at = self.lock()?;
            at.head += 1;
            at.weight = at.weight.saturating_sub(weight);
            if at.waiting > 0 {
                self.moved.notify_all();
            }
        }
    }

    fn lock(&self) -> Option<MutexGuard<'_, State<T>>> {
        self.state.lock().ok()
    }

    /// Stop every worker, keeping the first panic to raise on the caller's
    /// thread.
    fn stop(&self, panic: Box<dyn std::any::Any + Send>) {
        let mut at = self.state.lock().unwrap_or_else(|e| e.into_inner());
        at.stop = true;
        at.panic.get_or_insert(panic);
        self.moved.notify_all();
    }
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
        // Results begun and not yet merged: what memory holds.
        let held = AtomicUsize::new(0);
        let worst = AtomicUsize::new(0);
        let heavy = 1000;
        in_order_weighed(
            2 * WINDOW,
            4,
            |i| {
                let now = held.fetch_add(1, Ordering::SeqCst) + 1;
                worst.fetch_max(now, Ordering::SeqCst);
                i
            },
            |_| heavy,
            |_| {
                std::thread::sleep(std::time::Duration::from_micros(50));
                held.fetch_sub(1, Ordering::SeqCst);
            },
        );
        // The budget's worth of results, and one per worker in hand.
        let most = BUDGET / heavy + 4 + 1;
        assert!(worst.load(Ordering::SeqCst) <= most, "{worst:?} > {most}");
    }

    #[test]
    fn each_result_is_merged_by_the_worker_that_made_it() {
        for jobs in [2, 3, 8] {
            let count = 3 * WINDOW + 7;
            let makers: Vec<AtomicUsize> = (0..count).map(|_| AtomicUsize::new(0)).collect();
            let mut others = 0;
            in_order(
                count,
                jobs,
                |i| {
                    if i % 13 == 0 {
                        std::thread::sleep(std::time::Duration::from_micros(200));
                    }
                    makers[i].store(thread_id(), Ordering::SeqCst);
                    i
                },
                |i| others += usize::from(makers[i].load(Ordering::SeqCst) != thread_id()),
            );
            assert_eq!(others, 0, "jobs {jobs}");
        }
    }

    #[test]
    fn workers_claim_runs_of_files_while_many_are_left() {
        // Consecutive files evaluated by the same worker, against the
        // one-at-a-time alternation a shared counter gives.
        let count = 4 * WINDOW;
        let makers: Vec<AtomicUsize> = (0..count).map(|_| AtomicUsize::new(0)).collect();
        in_order(
            count,
            2,
            |i| makers[i].store(thread_id(), Ordering::SeqCst),
            |_| {},
        );
        let same = (makers.windows(2))
            .filter(|w| w[0].load(Ordering::SeqCst) == w[1].load(Ordering::SeqCst))
            .count();
        assert!(same > count * 3 / 4, "{same} of {count}");
    }

    /// A number for the calling thread, the same each time it asks.
    fn thread_id() -> usize {
        thread_local!(static ID: u8 = const { 0 });
        ID.with(|id| std::ptr::from_ref(id) as usize)
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

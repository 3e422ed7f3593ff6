// jemalloc: bench/RESULTS.md measures it against the system allocator and
// mimalloc on a check; without the `jemalloc` feature the system's is used.
#[cfg(feature = "jemalloc")]
#[global_allocator]
static ALLOCATOR: SmallMoves = SmallMoves(tikv_jemallocator::Jemalloc);

/// jemalloc, growing small blocks by a new block and a copy.
///
/// The YAML scanner makes every plain scalar a 32-byte string and at once
/// reserves 128 bytes more in it: hundreds of thousands of growths a run,
/// each of which jemalloc's `rallocx` makes into a size-class lookup, a new
/// block, a copy and a free, at some 500 instructions. A block that small
/// can never grow in place across size classes, so allocating, copying and
/// freeing by size on the thread cache's fast paths gives the same result
/// for a fraction of the work; larger blocks still go to `rallocx`, which
/// can extend them in place.
#[cfg(feature = "jemalloc")]
struct SmallMoves(tikv_jemallocator::Jemalloc);

#[cfg(feature = "jemalloc")]
const SMALL: usize = 1024;

// SAFETY: every call is passed on to jemalloc with the caller's own
// guarantees; `realloc` below keeps `GlobalAlloc::realloc`'s contract (the
// old block is freed only once its bytes are in the new one).
#[cfg(feature = "jemalloc")]
unsafe impl std::alloc::GlobalAlloc for SmallMoves {
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        // SAFETY: the caller's guarantees, passed on.
        unsafe { self.0.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: std::alloc::Layout) -> *mut u8 {
        // SAFETY: the caller's guarantees, passed on.
        unsafe { self.0.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: std::alloc::Layout) {
        // SAFETY: the caller's guarantees, passed on.
        unsafe { self.0.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, new_size: usize) -> *mut u8 {
        if layout.size() > SMALL || new_size > SMALL {
            // SAFETY: the caller's guarantees, passed on.
            return unsafe { self.0.realloc(ptr, layout, new_size) };
        }
        // SAFETY: `new_size` is non-zero and, rounded up to the alignment,
        // does not overflow (`realloc`'s contract); the copy stays within
        // both blocks, which do not overlap; `ptr` was allocated with
        // `layout` by this allocator.
        unsafe {
            let new_layout =
                std::alloc::Layout::from_size_align_unchecked(new_size, layout.align());
            let new = self.0.alloc(new_layout);
            if !new.is_null() {
                std::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
                self.0.dealloc(ptr, layout);
            }
            new
        }
    }
}

fn main() -> std::process::ExitCode {
    rectify::cli::main()
}

//! The process heap of a long run: what glibc's allocator keeps.
//!
//! A watcher or server runs for days; glibc's malloc keeps freed memory
//! in its heaps and makes a heap (an arena) for each thread that meets a
//! busy one, up to eight per core. A long run's resident set then grows
//! with the arenas its thread pools touch, not with what it holds. Both
//! are bounded here; elsewhere (and on other allocators) these do nothing.

/// Caps the allocator's heaps at two for a long-running process. Call it
/// first, before threads start. Measured on a 15-minute soak of `watch`
/// at 5,760 times speed, the bound set through `MALLOC_ARENA_MAX=2` in
/// the environment: the resident set went 71 -> 95 (peak) -> 83 MB with
/// the default, 68 -> 72 -> 65 MB with two heaps. A later run with this
/// call and no kills peaked at 90 MB: it bounds the heaps, not the growth
/// (README, Watching).
pub fn few_heaps() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        /// glibc's `M_ARENA_MAX` (malloc.h).
        const M_ARENA_MAX: std::ffi::c_int = -8;
        unsafe extern "C" {
            fn mallopt(param: std::ffi::c_int, value: std::ffi::c_int) -> std::ffi::c_int;
        }
        // SAFETY: glibc's mallopt takes no pointers; M_ARENA_MAX only
        // bounds arenas made from now on, so it is sound at any time.
        unsafe {
            mallopt(M_ARENA_MAX, 2);
        }
    }
}

/// Hands the pages of freed memory back to the system. A round's
/// transient buffers (the texts read, the clusterer's snapshot, the
/// briefs' articles) come to tens of megabytes; glibc keeps what they
/// leave free inside its heap, and a long-running placer's resident set
/// crept up round after round (a 10-minute soak of `watch`: 99 MB at the
/// end, 77 MB with this). `malloc_trim` returns every wholly free page.
pub(crate) fn give_back_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        unsafe extern "C" {
            fn malloc_trim(pad: usize) -> std::ffi::c_int;
        }
        // SAFETY: glibc's malloc_trim takes no pointers, may be called
        // from any thread at any time, and releases only memory that no
        // allocation holds.
        unsafe {
            malloc_trim(0);
        }
    }
}

/// What the allocator holds, in bytes: `(in use, free but kept, mapped
/// apart)`, from glibc's `mallinfo2`; `None` elsewhere. For
/// `STORYLINE_HEAP_LOG`, which `watch` reads to print it every round.
pub fn usage() -> Option<(usize, usize, usize)> {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        /// glibc's `struct mallinfo2` (malloc.h, glibc 2.33 and later).
        #[repr(C)]
        struct MallInfo2 {
            arena: usize,
            ordblks: usize,
            smblks: usize,
            hblks: usize,
            hblkhd: usize,
            usmblks: usize,
            fsmblks: usize,
            uordblks: usize,
            fordblks: usize,
            keepcost: usize,
        }
        unsafe extern "C" {
            fn mallinfo2() -> MallInfo2;
        }
        // SAFETY: mallinfo2 takes nothing and returns a plain struct.
        let m = unsafe { mallinfo2() };
        let _ = (
            m.arena, m.ordblks, m.smblks, m.hblks, m.usmblks, m.fsmblks, m.keepcost,
        );
        Some((m.uordblks + m.hblkhd, m.fordblks, m.hblkhd))
    }
    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    None
}

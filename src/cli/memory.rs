//! How the process asks the allocator for memory.
//!
//! Takes nothing; changes one allocator setting for the rest of the run.
//!
//! The one idea: glibc's malloc serves a large block (a document's sentences, its
//! attributions, a stage's scratch vectors) from `mmap` until one such block is freed, and then
//! raises that threshold so that later large blocks come from the heap, where a freed block
//! below a live one cannot be returned to the system. Over a long article the stages' freed
//! scratch then stays resident beside the data that lives on. Fixing the threshold at its
//! default keeps large blocks in `mmap`, so freeing one returns it: on a 50 MB article this
//! lowers the peak resident memory by about a tenth (see docs/performance.md). Other platforms'
//! allocators have no such setting and are left alone.

/// Keeps large allocations returnable to the system for the whole run (see the module doc).
pub fn keep_large_blocks_returnable() {
    // One of the crate's two unsafe calls (the other: the AVX2 dot product in
    // pipeline/similarity/vectors.rs): mallopt has no safe wrapper.
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    #[allow(unsafe_code)]
    // SAFETY: mallopt only changes a malloc tunable; called once at start, before any thread.
    unsafe {
        // glibc's default threshold; setting it at all turns off the dynamic raise
        const DEFAULT_MMAP_THRESHOLD: libc::c_int = 128 * 1024;
        libc::mallopt(libc::M_MMAP_THRESHOLD, DEFAULT_MMAP_THRESHOLD);
    }
}

//! The allocator the `quire` binary uses (see Cargo.toml), so that benchmarks time what users
//! run. Included by every bench: `#[path = "support/allocator.rs"] mod allocator;`

#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

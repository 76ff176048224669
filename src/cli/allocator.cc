// jemalloc's settings for the addio binary, read by jemalloc when the process starts (the
// `malloc_conf` symbol; the MALLOC_CONF environment variable still overrides them). Built
// only when the binary links jemalloc (not in the sanitizer builds).
//
// thp:always backs the heap with transparent huge pages (2 MiB). A first touch of a page
// costs a fault, and on a virtual machine a fault costs 10-20 µs: `assess --ledger` of
// 100 000 clients (4.4 GB of records) took 1.15 million faults and 12 s of system time.
// With huge pages it takes 14 000 faults and a third less user time (fewer TLB misses,
// most likely); a short command (`explain` of one client) takes a third as many faults
// and half the time. The kernel's THP mode stays "madvise": jemalloc asks for huge pages
// on its own memory only. metadata_thp:auto does the same for jemalloc's own tables once
// they grow. `addio serve` turns huge pages off for its process (serve_command.cc).
extern "C" {
// NOLINTNEXTLINE: the name and type jemalloc looks for.
const char* malloc_conf = "thp:always,metadata_thp:auto";
}

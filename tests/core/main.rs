//! The core: store, commands and their inverses, bundles, search, notes import.
//! One test binary per area (not one per file): each binary links the
//! whole app, and dozens of them filled the build disk.

#[path = "../common/mod.rs"]
mod common;

mod actions_follow;
mod bundle;
mod bundle_merge;
mod bundle_merge_carry;
mod bundle_merge_laptops;
mod bundle_merge_places;
mod bundle_review;
mod commands;
mod commands_follow;
mod follow_bundle;
mod follow_through;
mod links;
mod notes_import;
mod notes_import_seed;
mod review_cycle;
mod search;
mod storage_faults;
mod store;
mod store_follow;
mod store_locks;
mod store_lookup;
mod structures;
mod synthesis_sources;
mod themes_store;
mod votes;

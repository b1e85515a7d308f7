//! Atelier: run participatory workshops from a terminal, record every input
//! in SQLite the moment it is typed, and publish a report.

pub mod bundle;
pub mod cli;
pub mod commands;
pub mod i18n;
pub mod model;
pub mod notes;
pub mod paths;
pub mod report;
pub mod room;
pub mod safe_json;
pub mod store;
pub mod templates;
pub mod text;
pub mod tui;

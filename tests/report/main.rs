//! Reports in every format, read back as a participant would.
//! One test binary per area (not one per file): each binary links the
//! whole app, and dozens of them filled the build disk.

#[path = "../common/mod.rs"]
mod common;

mod anonymised_export;
mod anonymous_owners;
mod french_typography;
mod pdf_fonts;
mod pseudonyms;
mod removed_people;
mod report;
mod report_choices;
mod report_conflicts;
mod report_cover;
mod report_follow;
mod report_follow_through;
mod report_headings;
mod report_odt;
mod report_pdf;
mod report_phone;
mod report_room_inputs;
mod report_time;
mod report_voices;
mod theme_ranking;
mod themes_report;
mod tryout_low;

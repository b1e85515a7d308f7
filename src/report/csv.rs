//! CSV export: one row per contribution. Cells a spreadsheet would read as
//! a formula (starting with = + - @, tab or carriage return) get a leading
//! apostrophe, so opening the file never runs anything.

use crate::model::{format_time, SessionData};

pub fn render(data: &SessionData) -> String {
    let lang = data.session.language;
    let anonymous = data.session.anonymity == crate::model::Anonymity::Anonymous;
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let header = [
        "id",
        "stage",
        "kind",
        "participant",
        "text",
        "parent_id",
        "created_at",
    ];
    w.write_record(header).expect("write to memory");
    for c in data.live() {
        let stage = data
            .stage(c.stage_id)
            .map(|s| s.title.as_str())
            .unwrap_or("");
        let participant = match c.participant_id.and_then(|p| data.participant(p)) {
            Some(_) if anonymous => String::new(),
            Some(p) => p.name.clone(),
            None => String::new(),
        };
        let row = [
            c.id.to_string(),
            neutralise(stage),
            c.kind.label(lang).to_string(),
            neutralise(&participant),
            neutralise(&c.text),
            c.parent_id.map(|p| p.to_string()).unwrap_or_default(),
            format_time(&c.created_at),
        ];
        w.write_record(&row).expect("write to memory");
    }
    let bytes = w.into_inner().expect("flush to memory");
    String::from_utf8(bytes).expect("CSV of UTF-8 strings is UTF-8")
}

/// Prefixes a cell that a spreadsheet would evaluate.
pub fn neutralise(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_string(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(super::neutralise("=1+1"), "'=1+1");
        assert_eq!(super::neutralise("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(super::neutralise("-2"), "'-2");
        assert_eq!(super::neutralise("ok = fine"), "ok = fine");
    }
}

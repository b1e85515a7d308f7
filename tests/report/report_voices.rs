//! Participation in the reports: a chart per person (SVG bars in HTML, a
//! table in Markdown) for a named session; only the totals when the
//! session is anonymous, under the one anonymity rule of the view model.

use crate::common;

use atelier::model::{Anonymity, Lang};
use atelier::report::{render, Format, Report};
use common::private::anonymous_session;

#[test]
fn a_named_session_charts_each_person_with_those_under_an_even_share_marked() {
    let (_d, mut store) = common::temp_store();
    let (id, secrets) = anonymous_session(&mut store, Lang::En);
    let mut data = store.load(id).unwrap();
    data.session.anonymity = Anonymity::Named;
    data.session.report.person_stats = atelier::model::PersonStats::Show;
    let r = Report::build(&data);
    let p = &r.participation;
    let people = data.roster().count();
    assert!(people >= 2);
    assert_eq!(p.people, people);
    assert!(p.total > 0);
    assert_eq!(p.bars.len(), people);
    assert_eq!(p.bars.iter().map(|b| b.count).sum::<usize>(), p.total);
    for b in &p.bars {
        assert_eq!(b.under, b.count * p.people < p.total, "{b:?}");
    }
    assert!(p.bars.iter().any(|b| b.width == atelier::report::BAR_MAX));

    let html = render(Format::Html, &data);
    let start = html.find("<svg role=\"img\" aria-labelledby=\"participation-chart\"");
    let chart = &html[start.expect("an SVG chart")..];
    let chart = &chart[..chart.find("</svg>").unwrap()];
    assert!(chart.contains("<rect"));
    assert!(
        chart.contains(&format!("<title>{}", secrets.names[0])),
        "{chart}"
    );
    let md = render(Format::Markdown, &data);
    assert!(md.contains("**Participation**\n"), "{md}");
    assert!(md.contains(&format!("| {} |", secrets.names[0])));
}

#[test]
fn an_anonymous_session_shows_only_the_totals() {
    for lang in Lang::ALL {
        let (_d, mut store) = common::temp_store();
        let (id, secrets) = anonymous_session(&mut store, lang);
        let data = store.load(id).unwrap();
        assert_eq!(data.session.anonymity, Anonymity::Anonymous);
        // As the reports read it (French typography included).
        let r = Report::for_reading(&data, Default::default());
        assert!(r.participation.bars.is_empty());
        assert!(r.participation.total > 0);
        let html = render(Format::Html, &data);
        let md = render(Format::Markdown, &data);
        for text in [&html, &md] {
            assert!(text.contains(&r.participation.summary), "{text}");
            for name in &secrets.names {
                assert!(!text.contains(name), "{name} in an anonymous report");
            }
        }
        assert!(!html.contains("participation-chart"), "no per-person chart");
        let section = &md[md.find("**Participation**").unwrap()..];
        let section = &section[..section[2..].find("**").unwrap() + 2];
        assert!(!section.contains('|'), "no per-person table: {section}");
    }
}

#[test]
fn the_totals_say_how_many_were_credited_out_of_how_many() {
    // The sample notes most contributions as the group's: "2 contributions
    // from 4 people" alone would read as "only 2 things were said".
    let data = common::sample_data();
    let r = Report::build(&data);
    let p = &r.participation;
    assert!(p.total < r.stats.total, "the sample has the group's too");
    let of = format!("{} contributions sur {}", p.total, r.stats.total);
    assert!(p.summary.starts_with(&of), "{}", p.summary);
    assert!(p.summary.contains("au nom du groupe ou anonymes"));
    // All credited to someone: the plain wording.
    let (_d, mut store) = common::temp_store();
    let (id, _) = anonymous_session(&mut store, Lang::En);
    let r = Report::build(&store.load(id).unwrap());
    if r.participation.total == r.stats.total {
        assert!(
            r.participation.summary.ends_with("people"),
            "{}",
            r.participation.summary
        );
    }
}

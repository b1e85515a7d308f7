//! HTML report: one self-contained file (inline CSS, no external request),
//! rendered by minijinja, which auto-escapes every value in `.html`
//! templates, so nothing a participant typed can become markup.

use super::Report;
use minijinja::{context, Environment};
use std::sync::OnceLock;

const TEMPLATE: &str = include_str!("../../assets/report/report.html");
const CSS: &str = include_str!("../../assets/report/report.css");

fn env() -> &'static Environment<'static> {
    static ENV: OnceLock<Environment<'static>> = OnceLock::new();
    ENV.get_or_init(|| {
        let mut env = Environment::new();
        env.add_template("report.html", TEMPLATE)
            .expect("embedded report template parses");
        env.add_template("report.css", CSS)
            .expect("embedded report style parses");
        env
    })
}

pub fn render(report: &Report) -> String {
    env()
        .get_template("report.html")
        .and_then(|t| t.render(context! { r => minijinja::value::Serde(report) }))
        .expect("embedded report template renders")
}

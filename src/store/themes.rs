//! A session's themes and which contributions each holds. A contribution
//! sits in at most one theme (the primary key of `theme_items`). A theme
//! taken back stays in the file, marked `removed_at`, with no items: its
//! name is kept, its items go back to unsorted.

use super::rows::{self, text_id, text_time};
use super::{Missing, Refused, Result, Store, StoreError, Tx};
use crate::model::{new_id, Id, Theme};
use rusqlite::{params, Connection, OptionalExtension, Row};
use std::collections::HashMap;

const COLUMNS: &str = "id, name, position, created_at, removed_at";

/// A session's themes in order, walked through `themes_by_session`.
pub(super) const SESSION_THEMES: &str =
    "SELECT id, name, position, created_at, removed_at FROM themes
     WHERE session_id = ?1 ORDER BY position, id";

/// Every membership of a session's themes, theme by theme, each theme's
/// items in order (the session's theme ids through `themes_by_session`,
/// then each one's items along `theme_items_by_theme`).
pub(super) const SESSION_THEME_ITEMS: &str = "SELECT theme_id, contribution_id FROM theme_items
     WHERE theme_id IN (SELECT id FROM themes WHERE session_id = ?1)
     ORDER BY theme_id, position";

fn from_row(r: &Row) -> rusqlite::Result<Theme> {
    Ok(Theme {
        id: rows::id(r, 0)?,
        name: r.get(1)?,
        position: r.get(2)?,
        created_at: rows::time(r, 3)?,
        removed_at: rows::opt_time(r, 4)?,
        items: Vec::new(),
    })
}

/// A session's themes, in order, those taken back included, each with its
/// items.
pub(super) fn themes(conn: &Connection, session: Id) -> Result<Vec<Theme>> {
    let mut list = conn
        .prepare_cached(SESSION_THEMES)?
        .query_map([text_id(&session)], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let at: HashMap<Id, usize> = list.iter().enumerate().map(|(i, t)| (t.id, i)).collect();
    let mut stmt = conn.prepare_cached(SESSION_THEME_ITEMS)?;
    let members = stmt.query_map([text_id(&session)], |r| {
        Ok((rows::id(r, 0)?, rows::id(r, 1)?))
    })?;
    for member in members {
        let (theme, item) = member?;
        if let Some(&i) = at.get(&theme) {
            list[i].items.push(item);
        }
    }
    Ok(list)
}

/// Writes a theme and its items as given (an import); a theme taken back
/// gets no items.
pub(super) fn insert_row(conn: &Connection, session: Id, t: &Theme) -> rusqlite::Result<()> {
    conn.execute(
        &format!("INSERT INTO themes (session_id, {COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"),
        params![
            text_id(&session),
            text_id(&t.id),
            t.name,
            t.position,
            text_time(&t.created_at),
            rows::opt_text_time(&t.removed_at)
        ],
    )?;
    write_items(conn, t)
}

/// Gives theme `t` exactly its items (none when it is taken back). Each
/// item must be in no other theme by now.
fn write_items(conn: &Connection, t: &Theme) -> rusqlite::Result<()> {
    conn.execute(
        "DELETE FROM theme_items WHERE theme_id = ?1",
        [text_id(&t.id)],
    )?;
    if !t.is_listed() {
        return Ok(());
    }
    let mut insert = conn.prepare_cached(
        "INSERT INTO theme_items (contribution_id, theme_id, position) VALUES (?1, ?2, ?3)",
    )?;
    for (position, item) in t.items.iter().enumerate() {
        insert.execute(params![text_id(item), text_id(&t.id), position as i64])?;
    }
    Ok(())
}

fn name_of(name: &str) -> Result<String> {
    let name = name.trim();
    if name.is_empty() {
        return Err(StoreError::Invalid(Refused::EmptyName));
    }
    Ok(name.to_string())
}

impl Tx<'_> {
    /// The session's themes, in order, each with its items.
    pub fn themes(&self, session: Id) -> Result<Vec<Theme>> {
        themes(self, session)
    }

    /// One theme of `session` with its items; with `listed`, only one not
    /// taken back.
    pub fn theme(&self, session: Id, id: Id, listed: bool) -> Result<Theme> {
        let t = self
            .query_row(
                &format!(
                    "SELECT {COLUMNS} FROM themes
                     WHERE id = ?1 AND session_id = ?2 AND (?3 = 0 OR removed_at IS NULL)"
                ),
                params![text_id(&id), text_id(&session), listed],
                from_row,
            )
            .optional()?;
        let mut t = t.ok_or(StoreError::NotFound(Missing::Theme(id)))?;
        let mut stmt = self.prepare_cached(
            "SELECT contribution_id FROM theme_items WHERE theme_id = ?1 ORDER BY position",
        )?;
        t.items = stmt
            .query_map([text_id(&id)], |r| rows::id(r, 0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(t)
    }

    /// A new empty theme, last of the session's; an empty name is refused.
    pub fn add_theme(&self, session: Id, name: &str) -> Result<Theme> {
        let position: i64 = self.query_row(
            "SELECT COALESCE(MAX(position) + 1, 0) FROM themes WHERE session_id = ?1",
            [text_id(&session)],
            |r| r.get(0),
        )?;
        let t = Theme {
            id: new_id(),
            name: name_of(name)?,
            position,
            created_at: self.now(),
            removed_at: None,
            items: Vec::new(),
        };
        insert_row(self, session, &t)?;
        Ok(t)
    }

    /// Renames a listed theme and returns it as it was.
    pub fn rename_theme(&self, session: Id, id: Id, name: &str) -> Result<Theme> {
        let before = self.theme(session, id, true)?;
        self.execute(
            "UPDATE themes SET name = ?2 WHERE id = ?1",
            params![text_id(&id), name_of(name)?],
        )?;
        Ok(before)
    }

    /// Takes a listed theme back (kept, marked); its items go back to
    /// unsorted. Returns it as it was.
    pub fn remove_theme(&self, session: Id, id: Id) -> Result<Theme> {
        let before = self.theme(session, id, true)?;
        let mut after = before.clone();
        after.removed_at = Some(self.now());
        after.items.clear();
        self.put_themes(session, &[after])?;
        Ok(before)
    }

    /// The contributions of `session` among `items`, checked: each in this
    /// session, not deleted, once (the first time it is named).
    fn theme_items(&self, session: Id, items: &[Id]) -> Result<Vec<Id>> {
        let mut seen = Vec::with_capacity(items.len());
        for &item in items {
            let sortable: Option<bool> = self
                .query_row(
                    "SELECT session_id = ?2 AND deleted_at IS NULL FROM contributions WHERE id = ?1",
                    params![text_id(&item), text_id(&session)],
                    |r| r.get(0),
                )
                .optional()?;
            if sortable != Some(true) {
                return Err(StoreError::NotFound(Missing::Contribution(item)));
            }
            if !seen.contains(&item) {
                seen.push(item);
            }
        }
        Ok(seen)
    }

    /// Puts `items` at the end of listed theme `theme`, in the order given,
    /// or out of any theme (`None`). Returns every theme it changed as it
    /// was.
    pub fn put_in_theme(&self, session: Id, items: &[Id], theme: Option<Id>) -> Result<Vec<Theme>> {
        let items = self.theme_items(session, items)?;
        let target = theme.map(|t| self.theme(session, t, true)).transpose()?;
        let mut touched: Vec<Theme> = target.into_iter().collect();
        for t in self.themes(session)? {
            if t.items.iter().any(|i| items.contains(i)) && touched.iter().all(|x| x.id != t.id) {
                touched.push(t);
            }
        }
        let after: Vec<Theme> = touched
            .iter()
            .map(|t| {
                let mut t = t.clone();
                t.items.retain(|i| !items.contains(i));
                if Some(t.id) == theme {
                    t.items.extend(&items);
                }
                t
            })
            .collect();
        self.put_themes(session, &after)?;
        Ok(touched)
    }

    /// Moves every item of listed theme `from` to the end of listed theme
    /// `into` and takes `from` back. Returns both as they were.
    pub fn merge_themes(&self, session: Id, from: Id, into: Id) -> Result<Vec<Theme>> {
        if from == into {
            return Err(StoreError::Invalid(Refused::MergeIntoItself));
        }
        let before = vec![
            self.theme(session, from, true)?,
            self.theme(session, into, true)?,
        ];
        let mut gone = before[0].clone();
        gone.removed_at = Some(self.now());
        gone.items.clear();
        let mut grown = before[1].clone();
        grown.items.extend(&before[0].items);
        self.put_themes(session, &[gone, grown])?;
        Ok(before)
    }

    /// Moves `items` of listed theme `from` into a new theme named `name`,
    /// last of the session's. Returns the new theme and `from` as it was.
    pub fn split_theme(
        &self,
        session: Id,
        from: Id,
        items: &[Id],
        name: &str,
    ) -> Result<(Theme, Theme)> {
        let before = self.theme(session, from, true)?;
        if items.is_empty() || items.iter().any(|i| !before.items.contains(i)) {
            return Err(StoreError::Invalid(Refused::NotInTheme));
        }
        let new = self.add_theme(session, name)?;
        self.put_in_theme(session, items, Some(new.id))?;
        Ok((new, before))
    }

    /// Writes themes of `session` back exactly as given, rows and items (an
    /// undo or a redo). An item given here leaves any other theme. Returns
    /// every theme it changed as it was, so that putting those back undoes
    /// it exactly.
    pub fn put_themes(&self, session: Id, themes: &[Theme]) -> Result<Vec<Theme>> {
        let mut before = Vec::new();
        for t in themes {
            before.push(self.theme(session, t.id, false)?);
        }
        let items: Vec<Id> = themes.iter().flat_map(|t| t.items.clone()).collect();
        for t in self.themes(session)? {
            let holds_one = t.items.iter().any(|i| items.contains(i));
            if holds_one && before.iter().all(|x| x.id != t.id) {
                before.push(t);
            }
        }
        for &item in &items {
            if self.contribution_session(item)? != session {
                return Err(StoreError::NotFound(Missing::Contribution(item)));
            }
        }
        // Others lose what they held first, so no item is ever in two.
        for t in before
            .iter()
            .filter(|b| themes.iter().all(|t| t.id != b.id))
        {
            let mut left = t.clone();
            left.items.retain(|i| !items.contains(i));
            write_items(self, &left)?;
        }
        for t in themes {
            self.execute(
                "DELETE FROM theme_items WHERE theme_id = ?1",
                [text_id(&t.id)],
            )?;
        }
        for t in themes {
            self.execute(
                "UPDATE themes SET name = ?2, position = ?3, created_at = ?4, removed_at = ?5
                 WHERE id = ?1",
                params![
                    text_id(&t.id),
                    t.name,
                    t.position,
                    text_time(&t.created_at),
                    rows::opt_text_time(&t.removed_at)
                ],
            )?;
            write_items(self, t)?;
        }
        Ok(before)
    }
}

impl Store {
    /// Finds a listed theme from a full id or a unique prefix or suffix of
    /// one (`atelier show` prints the last eight characters): its session
    /// and its id.
    pub fn resolve_theme(&self, reference: &str) -> Result<(Id, Id)> {
        let named = super::short_ids::Named {
            table: "themes",
            listed_only: true,
            not_an_id: Missing::NotAThemeId,
            none: Missing::NoThemeMatches,
            several: Missing::SeveralThemes,
        };
        self.resolve_short(&named, None, reference)
    }

    /// A session's themes, in order, those taken back included.
    pub fn themes(&self, session: Id) -> Result<Vec<Theme>> {
        self.read(|conn| themes(conn, session))
    }
}

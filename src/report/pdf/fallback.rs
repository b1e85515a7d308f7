//! Fonts of this computer for the characters DejaVu lacks (Chinese,
//! Japanese, Korean, many symbols): found at run time with `fontdb`, so
//! the binary embeds no second font. The system's fonts are read only when
//! a report holds such a character; a face is chosen once per character
//! (the faces already chosen are asked first, so one CJK font serves a
//! whole text) and krilla embeds the glyphs used, as for DejaVu. A
//! character no font shows stays DejaVu's box and is noted
//! ([`take_missing`]) for the command line to say once.

use rustybuzz::Face;
use std::cell::{OnceCell, RefCell};
use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, Mutex};

/// A system face chosen for some characters.
#[derive(Clone)]
pub struct SystemFace {
    pub data: Arc<Vec<u8>>,
    pub index: u32,
    id: fontdb::ID,
}

/// The characters no font could show since the last [`take_missing`].
static MISSING: Mutex<BTreeSet<char>> = Mutex::new(BTreeSet::new());

/// The characters of the PDFs written since the last call that printed
/// as boxes, no font on this computer having them; emptied.
pub fn take_missing() -> Vec<char> {
    let mut missing = MISSING.lock().unwrap_or_else(|e| e.into_inner());
    std::mem::take(&mut *missing).into_iter().collect()
}

#[derive(Default)]
pub struct Fallback {
    /// Faces with outlines krilla can draw, regular upright ones first;
    /// read at the first character DejaVu lacks.
    db: OnceCell<(fontdb::Database, Vec<fontdb::ID>)>,
    chosen: RefCell<Vec<SystemFace>>,
    by_char: RefCell<HashMap<char, Option<usize>>>,
}

impl Fallback {
    /// The index of the system face showing `c`, chosen once.
    pub fn find(&self, c: char) -> Option<usize> {
        if let Some(found) = self.by_char.borrow().get(&c) {
            return *found;
        }
        let found = self.search(c);
        if found.is_none() {
            let mut missing = MISSING.lock().unwrap_or_else(|e| e.into_inner());
            missing.insert(c);
        }
        self.by_char.borrow_mut().insert(c, found);
        found
    }

    pub fn face(&self, index: usize) -> SystemFace {
        self.chosen.borrow()[index].clone()
    }

    fn search(&self, c: char) -> Option<usize> {
        let chosen = self.chosen.borrow();
        if let Some(at) = chosen.iter().position(|f| covers(&f.data, f.index, c)) {
            return Some(at);
        }
        drop(chosen);
        let (db, order) = self.db.get_or_init(system_faces);
        let id = order.iter().copied().find(|id| {
            db.with_face_data(*id, |data, index| covers(data, index, c))
                .unwrap_or(false)
        })?;
        let mut chosen = self.chosen.borrow_mut();
        if let Some(at) = chosen.iter().position(|f| f.id == id) {
            return Some(at);
        }
        let data = db.with_face_data(id, |data, _| data.to_vec())?;
        let info = db.face(id)?;
        chosen.push(SystemFace {
            data: Arc::new(data),
            index: info.index,
            id,
        });
        Some(chosen.len() - 1)
    }
}

/// The system's fonts that draw with outlines (a bitmap-only colour font
/// would print nothing here), upright regular faces first.
fn system_faces() -> (fontdb::Database, Vec<fontdb::ID>) {
    let mut db = fontdb::Database::new();
    db.load_system_fonts();
    let mut order: Vec<(bool, u16, fontdb::ID)> = db
        .faces()
        .filter(|f| db.with_face_data(f.id, draws_outlines).unwrap_or(false))
        .map(|f| {
            let slanted = f.style != fontdb::Style::Normal;
            (slanted, f.weight.0.abs_diff(400), f.id)
        })
        .collect();
    order.sort_by_key(|(slanted, weight, _)| (*slanted, *weight));
    let ids = order.into_iter().map(|(_, _, id)| id).collect();
    (db, ids)
}

fn covers(data: &[u8], index: u32, c: char) -> bool {
    Face::from_slice(data, index).is_some_and(|f| f.glyph_index(c).is_some())
}

fn draws_outlines(data: &[u8], index: u32) -> bool {
    Face::from_slice(data, index).is_some_and(|f| {
        let t = f.tables();
        t.glyf.is_some() || t.cff.is_some() || t.cff2.is_some()
    })
}

/// A character drawn with the one before it whatever the font: joiners,
/// variation selectors, emoji modifiers and tags, combining marks.
pub fn joins(c: char) -> bool {
    matches!(c,
        '\u{200C}' | '\u{200D}'
        | '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FE20}'..='\u{FE2F}'
        | '\u{1F3FB}'..='\u{1F3FF}'
        | '\u{E0020}'..='\u{E007F}'
        | '\u{E0100}'..='\u{E01EF}')
}

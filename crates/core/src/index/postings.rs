//! Postings lists: for one term, the articles it occurs in, how often per field, and where.
//!
//! ```text
//! list     = len:varint  count:varint  entry{count}        (len = bytes after itself)
//! entry    = doc_delta:varint  fields:u8  tf:varint{popcount(fields)}
//!            positions_len:varint  position_delta:varint{…}
//! ```
//! Doc ids are delta-coded from the previous entry (the first from 0). `fields` has bit `f` set
//! when the term occurs in [`Field`] `f`; the term frequencies follow in field order. Only the
//! first [`MAX_POSITIONS`] positions are kept: enough for proximity and phrases near the top of
//! an article, at a fraction of the size of all of them. The byte length in front of the
//! positions lets scoring skip them without decoding.

use super::format::FormatError;

/// Indexed fields, in the order of their bits and term frequencies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// The article's title.
    Title = 0,
    /// Every heading of the body.
    Headings = 1,
    /// Tags, keywords and the description.
    Tags = 2,
    /// The body text under the headings.
    Body = 3,
}

/// Number of fields.
pub const FIELD_COUNT: usize = 4;

/// Positions kept per term and article.
pub const MAX_POSITIONS: usize = 8;

#[cfg(feature = "build")]
pub(crate) fn write_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push(v as u8 | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// A bounds-checked reader over untrusted bytes.
#[derive(Clone, Debug)]
pub(crate) struct Cursor<'a> {
    bytes: &'a [u8],
}

const MALFORMED: FormatError = FormatError::Malformed("postings");

impl<'a> Cursor<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> Self {
        Cursor { bytes }
    }

    pub(crate) fn byte(&mut self) -> Result<u8, FormatError> {
        let (&b, rest) = self.bytes.split_first().ok_or(MALFORMED)?;
        self.bytes = rest;
        Ok(b)
    }

    pub(crate) fn varint(&mut self) -> Result<u32, FormatError> {
        let mut v: u32 = 0;
        for shift in (0..35).step_by(7) {
            let b = self.byte()?;
            v |= ((b & 0x7F) as u32).checked_shl(shift).ok_or(MALFORMED)?;
            if b < 0x80 {
                return Ok(v);
            }
        }
        Err(MALFORMED)
    }

    pub(crate) fn take(&mut self, n: usize) -> Result<&'a [u8], FormatError> {
        if n > self.bytes.len() {
            return Err(MALFORMED);
        }
        let (head, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        Ok(head)
    }
}

/// Per-article statistics of one term, as the builder collects them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TermInArticle {
    /// Occurrences per field, indexed by [`Field`].
    pub tf: [u32; FIELD_COUNT],
    /// The first positions, ascending, at most [`MAX_POSITIONS`].
    pub positions: Vec<u32>,
}

impl TermInArticle {
    /// Records one occurrence.
    pub fn add(&mut self, field: Field, position: u32) {
        self.tf[field as usize] += 1;
        if self.positions.len() < MAX_POSITIONS {
            self.positions.push(position);
        }
    }
}

#[cfg(feature = "build")]
/// Builds one term's list, one article at a time, in increasing doc order.
#[derive(Debug, Default)]
pub(crate) struct ListWriter {
    entries: Vec<u8>,
    count: u32,
    last_doc: u32,
}

#[cfg(feature = "build")]
impl ListWriter {
    pub(crate) fn push(&mut self, doc: u32, stats: &TermInArticle) {
        debug_assert!(self.count == 0 || doc > self.last_doc);
        write_varint(
            &mut self.entries,
            doc - if self.count == 0 { 0 } else { self.last_doc },
        );
        let mask = (0..FIELD_COUNT).fold(0u8, |m, f| m | ((stats.tf[f] > 0) as u8) << f);
        self.entries.push(mask);
        for &tf in stats.tf.iter().filter(|&&tf| tf > 0) {
            write_varint(&mut self.entries, tf);
        }
        let mut pos = Vec::with_capacity(stats.positions.len() * 2);
        let mut prev = 0;
        for &p in &stats.positions {
            write_varint(&mut pos, p - prev);
            prev = p;
        }
        write_varint(&mut self.entries, pos.len() as u32);
        self.entries.extend_from_slice(&pos);
        self.count += 1;
        self.last_doc = doc;
    }

    /// Number of articles so far (the document frequency).
    pub(crate) fn df(&self) -> u32 {
        self.count
    }

    /// Appends the finished list to `out`.
    pub(crate) fn finish_into(&self, out: &mut Vec<u8>) {
        let mut head = Vec::with_capacity(10);
        write_varint(&mut head, self.count);
        write_varint(out, (head.len() + self.entries.len()) as u32);
        out.extend_from_slice(&head);
        out.extend_from_slice(&self.entries);
    }
}

/// One entry of a list, as read back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Posting<'a> {
    /// The article's number, in build order.
    pub doc: u32,
    /// Occurrences per field, indexed by [`Field`].
    pub tf: [u32; FIELD_COUNT],
    positions: &'a [u8],
}

impl<'a> Posting<'a> {
    /// The field bit mask.
    pub fn fields(&self) -> u8 {
        (0..FIELD_COUNT).fold(0u8, |m, f| m | ((self.tf[f] > 0) as u8) << f)
    }

    /// The stored positions (ascending). Malformed bytes end the sequence early.
    pub fn positions(&self) -> Positions {
        let mut out = Positions::default();
        let mut cursor = Cursor::new(self.positions);
        let mut last = 0u32;
        while (out.len as usize) < MAX_POSITIONS {
            let Ok(delta) = cursor.varint() else { break };
            last = last.saturating_add(delta);
            out.buf[out.len as usize] = last;
            out.len += 1;
        }
        out
    }
}

/// Up to [`MAX_POSITIONS`] positions, without a heap allocation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Positions {
    buf: [u32; MAX_POSITIONS],
    len: u8,
}

impl Positions {
    /// Positions from a slice (at most [`MAX_POSITIONS`] are kept).
    pub fn from_slice(positions: &[u32]) -> Positions {
        let mut out = Positions::default();
        for &p in positions.iter().take(MAX_POSITIONS) {
            out.buf[out.len as usize] = p;
            out.len += 1;
        }
        out
    }
}

impl std::ops::Deref for Positions {
    type Target = [u32];

    fn deref(&self) -> &[u32] {
        &self.buf[..self.len as usize]
    }
}

/// The body of the list that starts at `offset` of a chunk's list area, and where it ends.
fn list_at(area: &[u8], offset: usize) -> Result<(&[u8], usize), FormatError> {
    let mut c = Cursor::new(area.get(offset..).ok_or(MALFORMED)?);
    let len = c.varint()? as usize;
    let body = c.take(len)?;
    Ok((body, area.len() - c.bytes.len()))
}

/// Where the list that starts at `offset` ends.
pub(crate) fn list_end(area: &[u8], offset: usize) -> Result<usize, FormatError> {
    Ok(list_at(area, offset)?.1)
}

/// Reads the list that starts at `offset` of a chunk's list area.
pub(crate) fn read_list(area: &[u8], offset: usize) -> Result<ListReader<'_>, FormatError> {
    let mut body = Cursor::new(list_at(area, offset)?.0);
    let count = body.varint()?;
    // An entry takes at least 3 bytes (doc delta, fields, positions length): a larger count
    // is a lie that callers would reserve memory for.
    if count as usize > body.bytes.len() / 3 {
        return Err(MALFORMED);
    }
    Ok(ListReader {
        cursor: body,
        remaining: count,
        doc: 0,
        first: true,
    })
}

/// Iterates a list's entries.
#[derive(Clone, Debug)]
pub(crate) struct ListReader<'a> {
    cursor: Cursor<'a>,
    remaining: u32,
    doc: u32,
    first: bool,
}

impl<'a> ListReader<'a> {
    pub(crate) fn len(&self) -> u32 {
        self.remaining
    }

    pub(crate) fn next_posting(&mut self) -> Result<Option<Posting<'a>>, FormatError> {
        if self.remaining == 0 {
            return Ok(None);
        }
        self.remaining -= 1;
        let delta = self.cursor.varint()?;
        if !self.first && delta == 0 {
            return Err(MALFORMED);
        }
        self.first = false;
        self.doc = self.doc.checked_add(delta).ok_or(MALFORMED)?;
        let mask = self.cursor.byte()?;
        let mut tf = [0u32; FIELD_COUNT];
        for (f, slot) in tf.iter_mut().enumerate() {
            if mask & (1 << f) != 0 {
                *slot = self.cursor.varint()?;
            }
        }
        let plen = self.cursor.varint()? as usize;
        let positions = self.cursor.take(plen)?;
        Ok(Some(Posting {
            doc: self.doc,
            tf,
            positions,
        }))
    }
}

#[cfg(all(test, feature = "build"))]
mod tests {
    use super::*;

    #[test]
    fn list_round_trip() {
        let mut w = ListWriter::default();
        let mut a = TermInArticle::default();
        a.add(Field::Title, 0);
        a.add(Field::Body, 300);
        a.add(Field::Body, 70_000);
        w.push(3, &a);
        let mut b = TermInArticle::default();
        for p in 0..20 {
            b.add(Field::Tags, p);
        }
        w.push(1000, &b);
        let mut area = vec![9, 9];
        w.finish_into(&mut area);
        let mut r = read_list(&area, 2).unwrap();
        assert_eq!(r.len(), 2);
        let p = r.next_posting().unwrap().unwrap();
        assert_eq!((p.doc, p.tf), (3, [1, 0, 0, 2]));
        assert_eq!(&*p.positions(), [0, 300, 70_000]);
        let p = r.next_posting().unwrap().unwrap();
        assert_eq!(
            (p.doc, p.tf[2], p.positions().len()),
            (1000, 20, MAX_POSITIONS)
        );
        assert_eq!(r.next_posting().unwrap(), None);
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        for bytes in [&[][..], &[5, 1], &[0xFF; 12], &[3, 1, 0, 0x0F]] {
            let r = read_list(bytes, 0);
            if let Ok(mut r) = r {
                while let Ok(Some(_)) = r.next_posting() {}
            }
        }
        assert!(read_list(&[1, 2], 7).is_err());
    }

    #[test]
    fn a_count_the_bytes_cannot_hold_is_refused() {
        // len 8, count u32::MAX, then one 3-byte entry.
        let list = [8, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 1, 0, 0];
        assert!(read_list(&list, 0).is_err());
        let honest = [4, 1, 1, 0, 0];
        assert_eq!(read_list(&honest, 0).unwrap().len(), 1);
    }
}

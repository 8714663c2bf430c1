//! The container every index file is wrapped in: magic, version, build id and checksum.
//!
//! ```text
//! offset  size  field
//!      0     4  magic: "HDX" + kind byte ('i' core, 'p' postings chunk, 'f' fragments chunk)
//!      4     2  format version, little endian
//!      6     2  reserved, zero
//!      8     8  build id: the same in every file of one build
//!     16     4  payload length
//!     20     4  CRC-32 of the payload
//!     24     …  payload
//! ```
//!
//! A stale file from another build, a truncated download or a flipped bit is caught here with
//! an error that says which, before any byte of the payload is trusted.

use std::fmt;

/// The format version this crate writes and reads.
pub const FORMAT_VERSION: u16 = 6;

const HEADER_LEN: usize = 24;

/// What an index file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// Field lengths, folding and other tables needed for every query.
    Core,
    /// A range of the vocabulary: its terms, ordinals and document frequencies.
    Vocabulary,
    /// A range of the vocabulary's postings lists.
    Postings,
    /// Display data (title, url, headings, text) of a range of articles.
    Fragments,
}

impl FileKind {
    /// What the file is, in words.
    pub fn name(self) -> &'static str {
        match self {
            FileKind::Core => "index core",
            FileKind::Vocabulary => "vocabulary shard",
            FileKind::Postings => "postings chunk",
            FileKind::Fragments => "fragments chunk",
        }
    }

    fn byte(self) -> u8 {
        match self {
            FileKind::Core => b'i',
            FileKind::Vocabulary => b'v',
            FileKind::Postings => b'p',
            FileKind::Fragments => b'f',
        }
    }

    fn from_byte(b: u8) -> Option<FileKind> {
        match b {
            b'i' => Some(FileKind::Core),
            b'v' => Some(FileKind::Vocabulary),
            b'p' => Some(FileKind::Postings),
            b'f' => Some(FileKind::Fragments),
            _ => None,
        }
    }
}

impl fmt::Display for FileKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Why index bytes were refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormatError {
    /// The bytes do not start with a helpdex header (not an index file, or still compressed).
    NotAnIndex,
    /// The file is of another kind than expected (e.g. a postings chunk given as the core).
    WrongKind {
        /// The kind the caller asked for.
        expected: FileKind,
        /// The kind the header names.
        got: FileKind,
    },
    /// The file was written by another version of the format.
    Version {
        /// The version this code reads.
        expected: u16,
        /// The version in the header.
        got: u16,
    },
    /// Shorter than its header says: a truncated download or write.
    Truncated {
        /// Bytes the header announces.
        expected: u64,
        /// Bytes there are.
        got: u64,
    },
    /// The payload does not match its checksum: the file is damaged.
    Checksum,
    /// A chunk from another build than the core (a stale cache, a half-deployed site).
    BuildMismatch {
        /// The core's build id.
        expected: u64,
        /// The chunk's build id.
        got: u64,
    },
    /// The checksum matched but the content does not decode: written by a buggy or hostile tool.
    Malformed(&'static str),
}

impl FormatError {
    /// What went wrong, in a sentence. Built by hand rather than through `Display`, so that
    /// the browser module, which reports errors as these strings, carries no formatting code.
    pub fn message(&self) -> String {
        let mut m = String::new();
        match self {
            FormatError::NotAnIndex => m.push_str("not a helpdex index file (bad magic bytes)"),
            FormatError::WrongKind { expected, got } => {
                m.push_str("expected a ");
                m.push_str(expected.name());
                m.push_str(", found a ");
                m.push_str(got.name());
            }
            FormatError::Version { expected, got } => {
                m.push_str("index format version ");
                write_number(&mut m, *got as u64, 10, 1);
                m.push_str(", but this helpdex reads version ");
                write_number(&mut m, *expected as u64, 10, 1);
                m.push_str(": rebuild the index with the same helpdex version as the search code");
            }
            FormatError::Truncated { expected, got } => {
                m.push_str("file is truncated: ");
                write_number(&mut m, *got, 10, 1);
                m.push_str(" bytes of ");
                write_number(&mut m, *expected, 10, 1);
            }
            FormatError::Checksum => m.push_str("checksum mismatch: the file is corrupt"),
            FormatError::BuildMismatch { expected, got } => {
                m.push_str("file belongs to build ");
                write_number(&mut m, *got, 16, 16);
                m.push_str(", but the index is build ");
                write_number(&mut m, *expected, 16, 16);
                m.push_str(": the files come from different builds");
            }
            FormatError::Malformed(what) => {
                m.push_str("malformed index data: ");
                m.push_str(what);
            }
        }
        m
    }
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

/// Appends `n` in base `radix` (10 or 16, lowercase), with at least `width` digits. By hand,
/// not with `{}`: see [`FormatError::message`].
pub(crate) fn write_number(out: &mut String, mut n: u64, radix: u64, width: usize) {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut buf = [b'0'; 20];
    let mut at = buf.len();
    while n > 0 || buf.len() - at < width {
        at -= 1;
        buf[at] = DIGITS[(n % radix) as usize];
        n /= radix;
    }
    out.push_str(std::str::from_utf8(&buf[at..]).expect("ASCII digits"));
}

impl std::error::Error for FormatError {}

/// Wraps `payload` in a header.
pub fn wrap(kind: FileKind, build_id: u64, payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEADER_LEN + payload.len());
    out.extend_from_slice(b"HDX");
    out.push(kind.byte());
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&[0, 0]);
    out.extend_from_slice(&build_id.to_le_bytes());
    out.extend_from_slice(&(payload.len() as u32).to_le_bytes());
    out.extend_from_slice(&crc32(payload).to_le_bytes());
    out.extend_from_slice(payload);
    out
}

/// A verified file: its build id and payload.
#[derive(Debug, PartialEq, Eq)]
pub struct Unwrapped<'a> {
    /// The build the file belongs to; chunks must match their core.
    pub build_id: u64,
    /// The bytes after the header, checksum verified.
    pub payload: &'a [u8],
}

/// Checks the header and checksum of `bytes`, expecting a file of `kind`.
pub fn unwrap(kind: FileKind, bytes: &[u8]) -> Result<Unwrapped<'_>, FormatError> {
    if bytes.len() < 4 || &bytes[..3] != b"HDX" {
        return Err(FormatError::NotAnIndex);
    }
    let got_kind = FileKind::from_byte(bytes[3]).ok_or(FormatError::NotAnIndex)?;
    if bytes.len() < HEADER_LEN {
        return Err(FormatError::Truncated {
            expected: HEADER_LEN as u64,
            got: bytes.len() as u64,
        });
    }
    let version = u16::from_le_bytes([bytes[4], bytes[5]]);
    if version != FORMAT_VERSION {
        return Err(FormatError::Version {
            expected: FORMAT_VERSION,
            got: version,
        });
    }
    if bytes[6..8] != [0, 0] {
        return Err(FormatError::Malformed("reserved header bytes"));
    }
    if got_kind != kind {
        return Err(FormatError::WrongKind {
            expected: kind,
            got: got_kind,
        });
    }
    let le32 = |at: usize| u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap());
    let build_id = u64::from_le_bytes(bytes[8..16].try_into().unwrap());
    let len = le32(16) as usize;
    let expected = (HEADER_LEN + len) as u64;
    if bytes.len() as u64 != expected {
        return Err(FormatError::Truncated {
            expected,
            got: bytes.len() as u64,
        });
    }
    let payload = &bytes[HEADER_LEN..];
    if crc32(payload) != le32(20) {
        return Err(FormatError::Checksum);
    }
    Ok(Unwrapped { build_id, payload })
}

/// CRC-32 (IEEE 802.3, as in gzip and zip), byte at a time. A 1 KiB table rather than the
/// 16 KiB of slice-by-16: it runs once per file, and the browser module pays for every byte.
pub fn crc32(bytes: &[u8]) -> u32 {
    const TABLE: [u32; 256] = {
        let mut table = [0u32; 256];
        let mut i = 0;
        while i < 256 {
            let mut c = i as u32;
            let mut k = 0;
            while k < 8 {
                c = if c & 1 != 0 {
                    0xEDB8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
                k += 1;
            }
            table[i] = c;
            i += 1;
        }
        table
    };
    !bytes.iter().fold(!0u32, |c, &b| {
        TABLE[((c ^ b as u32) & 0xFF) as usize] ^ (c >> 8)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_matches_the_standard_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn round_trip() {
        let bytes = wrap(FileKind::Postings, 42, b"hello");
        let u = unwrap(FileKind::Postings, &bytes).unwrap();
        assert_eq!((u.build_id, u.payload), (42, &b"hello"[..]));
    }

    #[test]
    fn every_damage_is_named() {
        let good = wrap(FileKind::Core, 7, b"payload");
        assert_eq!(
            unwrap(FileKind::Core, b"\x1f\x8b\x08"),
            Err(FormatError::NotAnIndex)
        );
        assert!(matches!(
            unwrap(FileKind::Core, &good[..good.len() - 1]),
            Err(FormatError::Truncated { .. })
        ));
        let mut flipped = good.clone();
        *flipped.last_mut().unwrap() ^= 1;
        assert_eq!(unwrap(FileKind::Core, &flipped), Err(FormatError::Checksum));
        let mut old = good.clone();
        old[4] = 0;
        assert!(matches!(
            unwrap(FileKind::Core, &old),
            Err(FormatError::Version { got: 0, .. })
        ));
        assert!(matches!(
            unwrap(FileKind::Fragments, &good),
            Err(FormatError::WrongKind { .. })
        ));
    }
}

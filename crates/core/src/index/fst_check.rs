//! A structural check of the vocabulary fst before the `fst` crate reads any of it.
//!
//! `fst` trusts its bytes: `Map::new` checks only the footer, and a malformed node makes a
//! lookup index out of bounds or overflow. The container checksum catches damage, not a file
//! written by a buggy or hostile tool (which can recompute it), so every node, from the root
//! down to the header, is decoded here with checked arithmetic, following fst 0.4's layout
//! (`fst/src/raw/node.rs`, format version 3). A node is read backwards from its address, and
//! a transition must point to the start of a node below the one it leaves, so fst's own walks
//! end.

/// fst's format version (the one `fst::MapBuilder` writes).
const VERSION: u64 = 3;
/// Header (version, type) before the first node.
const HEADER: usize = 16;
/// Footer after the root node: key count, root address, checksum.
const FOOTER: usize = 20;
/// Nodes with more transitions carry a 256-byte input → transition table.
const TRANS_INDEX_THRESHOLD: usize = 32;

/// One decoded transition (the input byte only for nodes of several, whose order matters).
struct Transition {
    input: u8,
    output: u64,
    target: usize,
}

/// A decoded node: its final output (if final) and its lowest byte.
struct Node {
    final_output: Option<u64>,
    end: usize,
}

/// Whether `fst` is a well-formed fst map that the `fst` crate can read without panicking:
/// every node within bounds, transitions sorted and pointing down to nodes, and no key's
/// value (the sum of the outputs along its path) overflowing.
pub(super) fn well_formed(fst: &[u8]) -> bool {
    check(fst).is_some()
}

fn check(fst: &[u8]) -> Option<()> {
    if fst.len() < HEADER + FOOTER || le_u64(fst, 0)? != VERSION {
        return None;
    }
    let root = usize::try_from(le_u64(fst, fst.len() - 12)?).ok()?;
    if root == 0 {
        // The empty map: a final root without transitions, nothing else.
        return (fst.len() == HEADER + FOOTER).then_some(());
    }
    if root.checked_add(FOOTER + 1)? != fst.len() {
        return None;
    }
    // fst writes its nodes back to back between the header and the root, so walking down from
    // the root decodes each node once, without a stack. Addresses that start a node, and
    // addresses a transition leads to: every one of the second must be one of the first.
    let words = fst.len().div_ceil(64);
    let (mut starts, mut targets) = (vec![0u64; words], vec![0u64; words]);
    let mark = |bits: &mut [u64], addr: usize| bits[addr / 64] |= 1 << (addr % 64);
    // One buffer for every node's transitions: a vocabulary has hundreds of thousands.
    let mut transitions = Vec::new();
    // A key's path meets each node at most once, so no sum of outputs along one can overflow
    // when the sum over all nodes of each node's largest output does not.
    let mut outputs = 0u64;
    let mut addr = root;
    loop {
        let Node { final_output, end } = node(fst, addr, &mut transitions)?;
        mark(&mut starts, addr);
        let mut most = final_output.unwrap_or(0);
        for t in &transitions {
            most = most.max(t.output);
            // Address 0 is the empty final node, which takes no bytes.
            if t.target != 0 {
                mark(&mut targets, t.target);
            }
        }
        outputs = outputs.checked_add(most)?;
        if end == HEADER {
            break;
        }
        addr = end - 1;
    }
    targets
        .iter()
        .zip(&starts)
        .all(|(t, s)| t & !s == 0)
        .then_some(())
}

/// Decodes the node at `addr` into `transitions` and a [`Node`], or `None` if any of it lies
/// outside `fst`'s nodes.
fn node(fst: &[u8], addr: usize, transitions: &mut Vec<Transition>) -> Option<Node> {
    transitions.clear();
    let state = *fst.get(addr)?;
    // Reads `n` (1 to 8) bytes at `at` as a little-endian number; nothing below the header.
    let uint = |at: usize, n: usize| -> Option<u64> {
        if !(1..=8).contains(&n) || at < HEADER || at.checked_add(n)? > addr {
            return None;
        }
        Some(
            fst[at..at + n]
                .iter()
                .rev()
                .fold(0, |v, &b| v << 8 | b as u64),
        )
    };
    let byte = |at: usize| -> Option<u8> { (at >= HEADER && at < addr).then(|| fst[at]) };
    // A transition's target, `delta` below the node's lowest byte `end`; 0 is the empty final
    // node.
    let target = |end: usize, delta: u64| -> Option<usize> {
        match delta {
            0 => Some(0),
            d => end
                .checked_sub(usize::try_from(d).ok()?)
                .filter(|&t| t >= HEADER),
        }
    };
    // A single transition's input is a 6-bit code for a common byte, or 0 and the byte
    // below the state byte.
    let input_len = usize::from(state & 0x3F == 0);
    match state >> 6 {
        // One transition, to the node just below, without output.
        0b11 => {
            let end = addr.checked_sub(input_len)?;
            if end <= HEADER {
                return None;
            }
            transitions.push(Transition {
                input: 0,
                output: 0,
                target: end - 1,
            });
            Some(Node {
                final_output: None,
                end,
            })
        }
        // One transition, with packed sizes for its address delta and output.
        0b10 => {
            let sizes_at = addr.checked_sub(input_len + 1)?;
            let sizes = byte(sizes_at)?;
            let (tsize, osize) = ((sizes >> 4) as usize, (sizes & 0x0F) as usize);
            let delta_at = sizes_at.checked_sub(tsize)?;
            let end = delta_at.checked_sub(osize)?;
            let output = if osize == 0 { 0 } else { uint(end, osize)? };
            transitions.push(Transition {
                input: 0,
                output,
                target: target(end, uint(delta_at, tsize)?)?,
            });
            Some(Node {
                final_output: None,
                end,
            })
        }
        // Any number of transitions (0 to 256), maybe final.
        _ => {
            let is_final = state & 0x40 != 0;
            let (ntrans, ntrans_len) = match (state & 0x3F) as usize {
                0 => match byte(addr.checked_sub(1)?)? {
                    1 => (256, 1), // 1 is stored in the state byte, so 1 here means 256
                    n => (n as usize, 1),
                },
                n => (n, 0),
            };
            let sizes_at = addr.checked_sub(ntrans_len + 1)?;
            let sizes = byte(sizes_at)?;
            let (tsize, osize) = ((sizes >> 4) as usize, (sizes & 0x0F) as usize);
            if tsize > 8 || osize > 8 || (ntrans > 0 && tsize == 0) {
                return None;
            }
            let index_size = if ntrans > TRANS_INDEX_THRESHOLD {
                256
            } else {
                0
            };
            let inputs_top = sizes_at.checked_sub(index_size)?;
            let deltas_top = inputs_top.checked_sub(ntrans)?;
            let outputs_top = deltas_top.checked_sub(ntrans * tsize)?;
            let final_at = outputs_top.checked_sub(ntrans * osize)?;
            let end = if is_final {
                final_at.checked_sub(osize)?
            } else {
                final_at
            };
            if end < HEADER {
                return None;
            }
            for i in 0..ntrans {
                let input = fst[inputs_top - i - 1];
                if transitions
                    .last()
                    .is_some_and(|t: &Transition| t.input >= input)
                {
                    return None;
                }
                let delta = uint(deltas_top - (i + 1) * tsize, tsize)?;
                let output = if osize == 0 {
                    0
                } else {
                    uint(outputs_top - (i + 1) * osize, osize)?
                };
                transitions.push(Transition {
                    input,
                    output,
                    target: target(end, delta)?,
                });
            }
            if index_size > 0 {
                let mut present = [false; 256];
                transitions
                    .iter()
                    .for_each(|t| present[t.input as usize] = true);
                let table = &fst[inputs_top..inputs_top + 256];
                for (input, &i) in table.iter().enumerate() {
                    let listed = (i as usize) < ntrans;
                    if listed != present[input]
                        || listed && transitions[i as usize].input as usize != input
                    {
                        return None;
                    }
                }
            }
            let final_output = match (is_final, osize) {
                (false, _) => None,
                (true, 0) => Some(0),
                (true, _) => Some(uint(end, osize)?),
            };
            Some(Node { final_output, end })
        }
    }
}

fn le_u64(bytes: &[u8], at: usize) -> Option<u64> {
    let b = bytes.get(at..at.checked_add(8)?)?;
    Some(u64::from_le_bytes(b.try_into().ok()?))
}

#[cfg(test)]
mod tests {
    use fst::automaton::Str;
    use fst::{Automaton, IntoStreamer, Map, MapBuilder, Streamer};

    use super::*;

    fn map(keys: &[(&str, u64)]) -> Vec<u8> {
        let mut b = MapBuilder::memory();
        for (k, v) in keys {
            b.insert(k, *v).unwrap();
        }
        b.into_inner().unwrap()
    }

    /// Keys that give every kind of node: single transitions with and without common inputs
    /// and outputs, many-transition nodes with a lookup table, final nodes with outputs.
    fn sample() -> Vec<u8> {
        let mut keys: Vec<(String, u64)> = (0u8..40)
            .map(|b| (format!("k{}", (b'0' + b) as char), u64::from(b) << 40 | 7))
            .collect();
        keys.extend(
            [
                "a",
                "ab",
                "abc",
                "reset",
                "resets",
                "réseau",
                "知识",
                "知识库",
                "~~",
                "\u{7f}x",
            ]
            .iter()
            .enumerate()
            .map(|(i, k)| (k.to_string(), i as u64 * 0x0101_0101)),
        );
        keys.sort();
        let keys: Vec<(&str, u64)> = keys.iter().map(|(k, v)| (k.as_str(), *v)).collect();
        map(&keys)
    }

    #[test]
    fn maps_built_by_fst_pass() {
        assert!(well_formed(&map(&[])));
        assert!(well_formed(&map(&[("a", 0)])));
        assert!(well_formed(&map(&[("a", u64::MAX), ("b", 1)])));
        assert!(well_formed(&sample()));
    }

    #[test]
    fn garbage_and_truncation_fail() {
        let good = sample();
        assert!(!well_formed(&[]));
        assert!(!well_formed(&good[..good.len() - 1]));
        assert!(!well_formed(&[0xFF; 64]));
    }

    /// Every change of every byte of a small map either fails the check or leaves a map that
    /// `fst` reads completely without panicking.
    #[test]
    fn no_single_byte_change_gets_past_the_check_and_breaks_fst() {
        let good = sample();
        let mut passed = 0;
        for at in 0..good.len() {
            for value in 0..=255u8 {
                let mut bytes = good.clone();
                bytes[at] = value;
                if !well_formed(&bytes) {
                    continue;
                }
                passed += 1;
                let Ok(map) = Map::new(bytes) else { continue };
                let mut keys = Vec::new();
                let mut stream = map.stream();
                while let Some((k, v)) = stream.next() {
                    keys.push((k.to_vec(), v));
                }
                for (k, v) in &keys {
                    assert_eq!(map.get(k), Some(*v));
                }
                let mut prefixed = map.search(Str::new("k").starts_with()).into_stream();
                while prefixed.next().is_some() {}
            }
        }
        // Changed outputs and inputs that keep the order still read fine.
        assert!(passed > good.len());
    }
}

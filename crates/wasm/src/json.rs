//! The result objects, written as JSON text for one `JSON.parse` on the JavaScript side.
//!
//! Building objects field by field through JavaScript imports costs the module glue code and a
//! boundary crossing per field; a general JSON encoder costs code size. Results hold only
//! strings, unsigned integers, `null`, arrays and objects, so this writer is all it takes.

/// JSON text being written.
#[derive(Default)]
pub struct Json(String);

impl Json {
    pub fn finish(self) -> String {
        self.0
    }

    /// Writes `{`, then each field through `fields`, then `}`.
    pub fn object(&mut self, fields: impl FnOnce(&mut Fields)) {
        self.0.push('{');
        fields(&mut Fields {
            json: self,
            first: true,
        });
        self.0.push('}');
    }

    /// Writes an array of `items`, each written by `item`.
    pub fn array<T>(
        &mut self,
        items: impl IntoIterator<Item = T>,
        mut item: impl FnMut(&mut Json, T),
    ) {
        self.0.push('[');
        for (i, x) in items.into_iter().enumerate() {
            if i > 0 {
                self.0.push(',');
            }
            item(self, x);
        }
        self.0.push(']');
    }

    pub fn string(&mut self, s: &str) {
        self.0.push('"');
        for c in s.chars() {
            match c {
                '"' => self.0.push_str("\\\""),
                '\\' => self.0.push_str("\\\\"),
                c if (c as u32) < 0x20 => {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    self.0.push_str("\\u00");
                    self.0.push(HEX[c as usize >> 4] as char);
                    self.0.push(HEX[c as usize & 0xF] as char);
                }
                c => self.0.push(c),
            }
        }
        self.0.push('"');
    }

    pub fn number(&mut self, mut n: u32) {
        let mut digits = [0u8; 10];
        let mut i = digits.len();
        loop {
            i -= 1;
            digits[i] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        digits[i..].iter().for_each(|&d| self.0.push(d as char));
    }

    pub fn optional(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.string(s),
            None => self.0.push_str("null"),
        }
    }
}

/// The fields of an object being written.
pub struct Fields<'a> {
    json: &'a mut Json,
    first: bool,
}

impl Fields<'_> {
    /// Writes the key of the next field; the caller writes its value to the returned writer.
    pub fn field(&mut self, key: &str) -> &mut Json {
        if !self.first {
            self.json.0.push(',');
        }
        self.first = false;
        self.json.string(key);
        self.json.0.push(':');
        self.json
    }
}

#[cfg(all(test, not(target_family = "wasm")))]
mod tests {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #[test]
        fn any_string_survives(s in any::<String>()) {
            let mut json = Json::default();
            json.string(&s);
            let back: String = serde_json::from_str(&json.finish()).unwrap();
            prop_assert_eq!(back, s);
        }
    }

    #[test]
    fn writes_valid_json_for_any_text() {
        let mut json = Json::default();
        json.object(|o| {
            o.field("text")
                .string("a \"quoted\" \\ back\nslash\u{1}知识 😀 </script>");
            o.field("n").number(4_294_967_295);
            o.field("zero").number(0);
            o.field("none").optional(None);
            o.field("list").array([1u32, 20], |j, n| j.number(n));
        });
        let text = json.finish();
        let parsed: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            parsed,
            serde_json::json!({
                "text": "a \"quoted\" \\ back\nslash\u{1}知识 😀 </script>",
                "n": 4_294_967_295u32,
                "zero": 0,
                "none": null,
                "list": [1, 20],
            })
        );
    }
}

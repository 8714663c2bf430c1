//! URLs as the site's pages and links name them.

use std::borrow::Cow;

/// The path of a URL (`https://site/a/b/#x` → `/a/b`), without query, fragment or trailing
/// slash; a path alone is taken as it is.
pub fn path(url: &str) -> &str {
    let rest = match url.split_once("://") {
        Some((_, r)) => &r[r.find('/').unwrap_or(r.len())..],
        None => url,
    };
    rest.split(['#', '?'])
        .next()
        .unwrap_or("")
        .trim_end_matches('/')
}

/// `%20` and friends in a link, as the browser reads them (invalid UTF-8 keeps the text).
pub fn decode(s: &str) -> Cow<'_, str> {
    percent_encoding::percent_decode_str(s)
        .decode_utf8()
        .unwrap_or(Cow::Borrowed(s))
}

#[cfg(test)]
mod tests {
    #[test]
    fn paths_and_escapes() {
        assert_eq!(super::path("https://site.example/a/b/?q=1#x"), "/a/b");
        assert_eq!(super::path("/a/b"), "/a/b");
        assert_eq!(super::path("https://site.example"), "");
        assert_eq!(super::decode("set%20up%E2%80%94now"), "set up—now");
        assert_eq!(super::decode("%FF"), "%FF");
    }
}

//! YAML (`---`) and TOML (`+++`) front matter at the top of a Markdown file.
//!
//! Only the keys helpdex uses are read; the rest (`ms.author`, `aliases`, ...) is ignored. Keys
//! are matched case-insensitively because generators disagree (Hugo accepts `Title`).

use yaml_rust2::{Yaml, YamlLoader};

use crate::text::{collapse, push_tag};

/// The metadata helpdex takes from front matter. Text values are whitespace-collapsed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct FrontMatter {
    pub(crate) title: Option<String>,
    /// `description`, else `summary`.
    pub(crate) description: Option<String>,
    /// `keywords` then `tags`, split at commas, de-duplicated case-insensitively.
    pub(crate) tags: Vec<String>,
    /// `section`, else `category`, else the first of `categories`.
    pub(crate) section: Option<String>,
    /// `updated`, else `lastmod`, `ms.date` or `date`, as `YYYY-MM-DD` when it parses.
    pub(crate) updated: Option<String>,
    /// `lang`, else `language`.
    pub(crate) lang: Option<String>,
    pub(crate) draft: bool,
    pub(crate) slug: Option<String>,
    /// `url`, else `permalink`.
    pub(crate) url: Option<String>,
}

/// Front matter that cannot be used, and the 1-based line of the file where it goes wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Broken {
    pub(crate) line: u64,
    pub(crate) message: String,
}

/// Splits front matter off a document (BOM and CRLF already removed). A document without
/// front matter gives the default (empty) metadata and the whole text as body.
pub(crate) fn split(src: &str) -> Result<(FrontMatter, &str), Broken> {
    let raw_first_line = src.split('\n').next().unwrap_or("");
    let first_line = raw_first_line.trim_end();
    let format = match first_line {
        "---" => Format::Yaml,
        "+++" => Format::Toml,
        _ => return Ok((FrontMatter::default(), src)),
    };
    let content_start = raw_first_line.len() + 1;
    let mut offset = content_start.min(src.len());
    loop {
        if offset >= src.len() {
            return Err(Broken {
                line: 1,
                message: format!("the opening `{first_line}` is never closed"),
            });
        }
        let end = src[offset..].find('\n').map_or(src.len(), |i| offset + i);
        let line = src[offset..end].trim_end();
        let closes = match format {
            Format::Yaml => line == "---" || line == "...",
            Format::Toml => line == "+++",
        };
        if closes {
            let content = &src[content_start..offset];
            let body = src.get(end + 1..).unwrap_or("");
            let fields = match format {
                Format::Yaml => yaml_fields(content)?,
                Format::Toml => toml_fields(content)?,
            };
            return FrontMatter::from_fields(fields)
                .map(|fm| (fm, body))
                .map_err(|message| Broken { line: 1, message });
        }
        offset = end + 1;
    }
}

#[derive(Clone, Copy)]
enum Format {
    Yaml,
    Toml,
}

/// A front-matter value, whichever format it came from.
enum Value {
    Null,
    Bool(bool),
    /// Strings, numbers and dates, as written.
    Scalar(String),
    List(Vec<Value>),
    Map,
}

/// Front matter content starts on line 2 of the file.
const FIRST_CONTENT_LINE: u64 = 2;

fn yaml_fields(content: &str) -> Result<Vec<(String, Value)>, Broken> {
    let docs = YamlLoader::load_from_str(content).map_err(|e| Broken {
        // yaml-rust2 counts lines from 1.
        line: FIRST_CONTENT_LINE + e.marker().line().saturating_sub(1) as u64,
        message: e.info().to_owned(),
    })?;
    match docs.into_iter().next() {
        None | Some(Yaml::Null) => Ok(Vec::new()),
        Some(Yaml::Hash(map)) => Ok(map
            .into_iter()
            .filter_map(|(k, v)| yaml_key(k).map(|k| (k, yaml_value(v))))
            .collect()),
        Some(_) => Err(Broken {
            line: FIRST_CONTENT_LINE,
            message: "expected `key: value` pairs".into(),
        }),
    }
}

fn yaml_key(key: Yaml) -> Option<String> {
    match key {
        Yaml::String(s) | Yaml::Real(s) => Some(s),
        Yaml::Integer(i) => Some(i.to_string()),
        _ => None,
    }
}

fn yaml_value(value: Yaml) -> Value {
    match value {
        Yaml::String(s) | Yaml::Real(s) => Value::Scalar(s),
        Yaml::Integer(i) => Value::Scalar(i.to_string()),
        Yaml::Boolean(b) => Value::Bool(b),
        Yaml::Array(items) => Value::List(items.into_iter().map(yaml_value).collect()),
        Yaml::Hash(_) => Value::Map,
        Yaml::Alias(_) | Yaml::Null | Yaml::BadValue => Value::Null,
    }
}

fn toml_fields(content: &str) -> Result<Vec<(String, Value)>, Broken> {
    let table = content.parse::<toml::Table>().map_err(|e| Broken {
        line: FIRST_CONTENT_LINE
            + e.span()
                .map_or(0, |span| content[..span.start].matches('\n').count() as u64),
        message: e.message().trim().to_owned(),
    })?;
    Ok(table.into_iter().map(|(k, v)| (k, toml_value(v))).collect())
}

fn toml_value(value: toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::Scalar(s),
        toml::Value::Integer(i) => Value::Scalar(i.to_string()),
        toml::Value::Float(f) => Value::Scalar(f.to_string()),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::Scalar(d.to_string()),
        toml::Value::Array(items) => Value::List(items.into_iter().map(toml_value).collect()),
        toml::Value::Table(_) => Value::Map,
    }
}

impl FrontMatter {
    fn from_fields(fields: Vec<(String, Value)>) -> Result<Self, String> {
        let get = |names: &[&str]| {
            names.iter().find_map(|name| {
                fields
                    .iter()
                    .find(|(k, _)| k.eq_ignore_ascii_case(name))
                    .map(|(k, v)| (k.as_str(), v))
            })
        };
        let text = |names: &[&str]| match get(names) {
            None => Ok(None),
            Some((key, value)) => text_value(key, value),
        };
        let mut tags = Vec::new();
        for name in ["keywords", "tags"] {
            if let Some((key, value)) = get(&[name]) {
                add_tags(&mut tags, key, value)?;
            }
        }
        let section = match get(&["section", "category", "categories"]) {
            Some((_, Value::List(items))) => match items.first() {
                Some(first) => text_value("categories", first)?,
                None => None,
            },
            Some((key, value)) => text_value(key, value)?,
            None => None,
        };
        let draft = match get(&["draft"]) {
            None | Some((_, Value::Null)) => false,
            Some((_, Value::Bool(b))) => *b,
            Some((_, Value::Scalar(s))) if s.eq_ignore_ascii_case("true") => true,
            Some((_, Value::Scalar(s))) if s.eq_ignore_ascii_case("false") => false,
            Some((key, _)) => return Err(format!("`{key}` must be true or false")),
        };
        Ok(FrontMatter {
            title: text(&["title"])?,
            description: text(&["description", "summary"])?,
            tags,
            section,
            updated: text(&["updated", "lastmod", "ms.date", "date"])?.map(|d| normalize_date(&d)),
            lang: text(&["lang", "language"])?,
            draft,
            slug: text(&["slug"])?,
            url: text(&["url", "permalink"])?,
        })
    }
}

/// A single text value; empty text counts as absent.
fn text_value(key: &str, value: &Value) -> Result<Option<String>, String> {
    match value {
        Value::Null => Ok(None),
        Value::Bool(b) => Ok(Some(b.to_string())),
        Value::Scalar(s) => Ok(Some(collapse(s)).filter(|s| !s.is_empty())),
        Value::List(_) => Err(format!("`{key}` must be text, not a list")),
        Value::Map => Err(format!("`{key}` must be text, not a mapping")),
    }
}

/// Adds tags from a comma-separated string or a list of strings.
fn add_tags(tags: &mut Vec<String>, key: &str, value: &Value) -> Result<(), String> {
    match value {
        Value::List(items) => {
            for item in items {
                if let Some(tag) = text_value(key, item)? {
                    push_tag(tags, tag);
                }
            }
        }
        other => {
            if let Some(list) = text_value(key, other)? {
                for tag in list.split(',') {
                    push_tag(tags, tag.trim().to_owned());
                }
            }
        }
    }
    Ok(())
}

/// `YYYY-MM-DD` for the common ways of writing a date (`2024-1-30`, `2024-01-30T08:00:00Z`,
/// `2024/01/30`, and `01/30/2024` as Microsoft's `ms.date` writes it); anything else as written.
pub(crate) fn normalize_date(written: &str) -> String {
    let s = written.trim();
    let date_len = s
        .find(|c: char| !(c.is_ascii_digit() || c == '-' || c == '/'))
        .unwrap_or(s.len());
    let (date, rest) = s.split_at(date_len);
    let time_follows = rest.is_empty() || rest.starts_with(['T', 't', ' ']);
    let fields: Vec<&str> = date.split(['-', '/']).collect();
    let ymd = match fields[..] {
        [y, m, d] if time_follows && y.len() == 4 => Some((y, m, d)),
        [m, d, y] if time_follows && y.len() == 4 && date.contains('/') => Some((y, m, d)),
        _ => None,
    };
    let parsed = ymd.and_then(|(y, m, d)| {
        let month: u8 = m.parse().ok().filter(|m| (1..=12).contains(m))?;
        let day: u8 = d.parse().ok().filter(|d| (1..=31).contains(d))?;
        (m.len() <= 2 && d.len() <= 2).then(|| format!("{y}-{month:02}-{day:02}"))
    });
    parsed.unwrap_or_else(|| s.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_front_matter() {
        let (fm, body) = split("# Title\n\nText").unwrap();
        assert_eq!(fm, FrontMatter::default());
        assert_eq!(body, "# Title\n\nText");
    }

    #[test]
    fn yaml_fields_are_read() {
        let src = "---\ntitle:  Reset   your password \ndescription: >\n  How to\n  reset.\n\
                   keywords: password, reset , Password\ntags:\n  - account\n  - reset\n\
                   category: Accounts\nms.date: 01/30/2024\nslug: reset\nlang: en\n\
                   draft: false\nms.author: someone\n---\n# Body\n";
        let (fm, body) = split(src).unwrap();
        assert_eq!(body, "# Body\n");
        assert_eq!(
            fm,
            FrontMatter {
                title: Some("Reset your password".into()),
                description: Some("How to reset.".into()),
                tags: vec!["password".into(), "reset".into(), "account".into()],
                section: Some("Accounts".into()),
                updated: Some("2024-01-30".into()),
                lang: Some("en".into()),
                draft: false,
                slug: Some("reset".into()),
                url: None,
            }
        );
    }

    #[test]
    fn toml_fields_are_read() {
        let src = "+++\ntitle = \"Billing\"\ndate = 2023-05-06T10:00:00Z\ndraft = true\n\
                   categories = [\"Payments\", \"Other\"]\nurl = \"/pay/\"\n+++\nText";
        let (fm, body) = split(src).unwrap();
        assert_eq!(body, "Text");
        assert_eq!(fm.title.as_deref(), Some("Billing"));
        assert_eq!(fm.updated.as_deref(), Some("2023-05-06"));
        assert!(fm.draft);
        assert_eq!(fm.section.as_deref(), Some("Payments"));
        assert_eq!(fm.url.as_deref(), Some("/pay/"));
    }

    #[test]
    fn yaml_dots_close_and_empty_front_matter_is_fine() {
        let (fm, body) = split("---\ntitle: A\n...\nbody").unwrap();
        assert_eq!(fm.title.as_deref(), Some("A"));
        assert_eq!(body, "body");
        let (fm, body) = split("---\n---\nbody").unwrap();
        assert_eq!(fm, FrontMatter::default());
        assert_eq!(body, "body");
    }

    #[test]
    fn updated_wins_over_date() {
        let (fm, _) = split("---\ndate: 2020-01-01\nupdated: 2021-02-03\n---\n").unwrap();
        assert_eq!(fm.updated.as_deref(), Some("2021-02-03"));
    }

    #[test]
    fn broken_yaml_reports_the_file_line() {
        let err = split("---\ntitle: ok\ntags: [a, b\n---\nbody").unwrap_err();
        assert!(err.line >= 3, "{err:?}");
        let err = split("---\ntitle: a\n  bad: indent\n---\n").unwrap_err();
        assert_eq!(err.line, 3, "{err:?}");
    }

    #[test]
    fn broken_toml_reports_the_file_line() {
        let err = split("+++\ntitle = \"a\"\ndate = \n+++\n").unwrap_err();
        assert_eq!(err.line, 3, "{err:?}");
    }

    #[test]
    fn unclosed_and_wrong_types_are_broken() {
        assert_eq!(split("---\ntitle: a\n").unwrap_err().line, 1);
        let err = split("---\ntitle: [a, b]\n---\n").unwrap_err();
        assert!(err.message.contains("`title` must be text"), "{err:?}");
        let err = split("---\n- a\n- b\n---\n").unwrap_err();
        assert!(err.message.contains("key: value"), "{err:?}");
        let err = split("---\ndraft: maybe\n---\n").unwrap_err();
        assert!(err.message.contains("true or false"), "{err:?}");
    }

    #[test]
    fn a_thematic_break_later_is_not_front_matter() {
        let (fm, body) = split("Intro\n\n---\n\nMore").unwrap();
        assert_eq!(fm, FrontMatter::default());
        assert_eq!(body, "Intro\n\n---\n\nMore");
    }

    #[test]
    fn dates() {
        assert_eq!(normalize_date("2024-01-30"), "2024-01-30");
        assert_eq!(normalize_date("2024-1-5"), "2024-01-05");
        assert_eq!(normalize_date("2024-01-30T08:00:00+02:00"), "2024-01-30");
        assert_eq!(normalize_date("2024-01-30 08:00"), "2024-01-30");
        assert_eq!(normalize_date("2024/01/30"), "2024-01-30");
        assert_eq!(normalize_date("01/30/2024"), "2024-01-30");
        assert_eq!(normalize_date(" 1/5/2024 "), "2024-01-05");
        // Not a date we can read: kept as written.
        assert_eq!(normalize_date("30/01/2024"), "30/01/2024");
        assert_eq!(normalize_date("January 5, 2024"), "January 5, 2024");
        assert_eq!(normalize_date("2024-13-01"), "2024-13-01");
        assert_eq!(normalize_date("01-30-2024"), "01-30-2024");
    }
}

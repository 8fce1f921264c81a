//! Turning the file references reports contain (URIs, absolute paths, Windows paths) into
//! project paths: relative to the project root, `/`-separated, with no leading `./`.

/// Decodes a file reference: drops a `file:` scheme, percent-decodes, and turns `\` into
/// `/`. Other schemes (`https://...`) are kept.
pub(crate) fn decode_uri(uri: &str) -> String {
    let rest = strip_prefix_ignore_case(uri, "file://")
        .or_else(|| strip_prefix_ignore_case(uri, "file:"))
        .unwrap_or(uri);
    let mut decoded = percent_decode(rest).replace('\\', "/");
    // `file:///C:/src/a.c` names the Windows path `C:/src/a.c`.
    if decoded.starts_with('/') && has_drive_letter(decoded.get(1..).unwrap_or_default()) {
        decoded.remove(0);
    }
    decoded
}

/// Whether a decoded reference is absolute: rooted, a Windows drive path, or another
/// scheme's URI.
pub(crate) fn is_absolute(path: &str) -> bool {
    path.starts_with('/') || has_drive_letter(path) || path.contains("://")
}

/// `path` relative to `root` when `root` is a prefix of it on a segment boundary.
pub(crate) fn relative_to<'p>(path: &'p str, root: &str) -> Option<&'p str> {
    let root = root.trim_end_matches('/');
    if root.is_empty() {
        return None;
    }
    let rest = path.strip_prefix(root)?;
    if rest.is_empty() {
        Some(rest)
    } else {
        rest.strip_prefix('/')
    }
}

/// A relative reference without leading `./` or `/` segments.
pub(crate) fn clean_relative(path: &str) -> &str {
    let mut p = path;
    loop {
        let next = p
            .strip_prefix("./")
            .or_else(|| p.strip_prefix('/'))
            .unwrap_or(p);
        if next.len() == p.len() {
            return p;
        }
        p = next;
    }
}

/// Joins a base URI (already decoded) and a relative reference.
pub(crate) fn join(base: &str, relative: &str) -> String {
    if base.ends_with('/') {
        format!("{base}{relative}")
    } else {
        format!("{base}/{relative}")
    }
}

/// Makes an absolute path relative to the first root it lies under, if any.
pub(crate) fn strip_roots<'p>(path: &'p str, roots: &[String]) -> Option<&'p str> {
    roots
        .iter()
        .find_map(|root| relative_to(path, root))
        .map(clean_relative)
}

fn has_drive_letter(path: &str) -> bool {
    let b = path.as_bytes();
    matches!(b, [letter, b':', b'/', ..] | [letter, b':'] if letter.is_ascii_alphabetic())
}

fn strip_prefix_ignore_case<'s>(s: &'s str, prefix: &str) -> Option<&'s str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| s.get(prefix.len()..))
        .flatten()
}

/// Percent-decodes `s`; malformed escapes are kept as written, and byte sequences that are
/// not UTF-8 are replaced.
fn percent_decode(s: &str) -> String {
    if !s.contains('%') {
        return s.to_owned();
    }
    let mut bytes = Vec::with_capacity(s.len());
    let mut iter = s.bytes();
    while let Some(b) = iter.next() {
        if b == b'%' {
            let mut look = iter.clone();
            let hi = look.next().and_then(hex_value);
            let lo = look.next().and_then(hex_value);
            if let (Some(hi), Some(lo)) = (hi, lo) {
                bytes.push(hi << 4 | lo);
                iter = look;
                continue;
            }
        }
        bytes.push(b);
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

fn hex_value(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_decoded() {
        assert_eq!(
            decode_uri("file:///home/ci/repo/src/a%20b.c"),
            "/home/ci/repo/src/a b.c"
        );
        assert_eq!(decode_uri("FILE:///C:/src/a.c"), "C:/src/a.c");
        assert_eq!(decode_uri("src\\win\\x.cs"), "src/win/x.cs");
        assert_eq!(decode_uri("bad%zzescape%4"), "bad%zzescape%4");
        assert_eq!(decode_uri("caf%C3%A9.txt"), "café.txt");
        assert_eq!(decode_uri("https://example.com/x"), "https://example.com/x");
    }

    #[test]
    fn absolute_references_are_recognised() {
        assert!(is_absolute("/a"));
        assert!(is_absolute("C:/a"));
        assert!(is_absolute("https://example.com/a"));
        assert!(!is_absolute("src/a.c"));
        assert!(!is_absolute("c"));
    }

    #[test]
    fn roots_strip_on_segment_boundaries() {
        let roots = ["/repo/".to_owned()];
        assert_eq!(strip_roots("/repo/src/a.c", &roots), Some("src/a.c"));
        assert_eq!(strip_roots("/repository/a.c", &roots), None);
        assert_eq!(relative_to("/repo", "/repo"), Some(""));
        assert_eq!(relative_to("/x", ""), None);
    }

    #[test]
    fn relative_references_lose_leading_dots_and_slashes() {
        assert_eq!(clean_relative("././src/a.c"), "src/a.c");
        assert_eq!(clean_relative("/src/a.c"), "src/a.c");
        assert_eq!(clean_relative("../a.c"), "../a.c");
        assert_eq!(join("/repo/src/", "a.c"), "/repo/src/a.c");
        assert_eq!(join("/repo/src", "a.c"), "/repo/src/a.c");
    }
}

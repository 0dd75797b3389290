//! The site's published address (a build setting): the page's absolute address for the printed
//! page, link previews (`og:url`) and structured data, which a static build cannot know
//! otherwise. Parsed once, at the boundary (the command line).

use std::fmt;

/// An absolute `http(s)://host/path/` address of the published page, ending in `/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteUrl(String);

impl SiteUrl {
    /// `https://www.example.gov.cn/reports/fuguanzhuang` (a trailing `/` is added; a trailing
    /// `index.html` is kept as the page's address).
    pub fn parse(text: &str) -> Result<SiteUrl, String> {
        let text = text.trim();
        let rest = text
            .strip_prefix("https://")
            .or_else(|| text.strip_prefix("http://"))
            .ok_or_else(|| {
                format!("{text:?}: the site address must start with https:// or http://")
            })?;
        let host = rest.split('/').next().unwrap_or_default();
        if host.is_empty() {
            return Err(format!("{text:?}: the site address needs a host name"));
        }
        if let Some(bad) = text.chars().find(|c| {
            c.is_whitespace()
                || c.is_control()
                || matches!(c, '"' | '<' | '>' | '\'' | '`' | '?' | '#')
        }) {
            return Err(format!(
                "{text:?}: the site address may not contain {bad:?} (give the page's folder, without a query)"
            ));
        }
        let mut address = text.to_owned();
        if !address.ends_with('/') && !address.ends_with(".html") {
            address.push('/');
        }
        Ok(SiteUrl(address))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The absolute address of `relative` (a file of the site, e.g. `preview.png`).
    pub fn join(&self, relative: &str) -> String {
        let base = match self.0.rfind('/') {
            Some(at) => &self.0[..=at],
            None => &self.0,
        };
        format!("{base}{}", relative.trim_start_matches("./"))
    }
}

impl std::str::FromStr for SiteUrl {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        SiteUrl::parse(text)
    }
}

impl fmt::Display for SiteUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_address_gets_its_slash() {
        let site = SiteUrl::parse("https://www.example.gov.cn/reports/fgz").expect("valid");
        assert_eq!(site.as_str(), "https://www.example.gov.cn/reports/fgz/");
        assert_eq!(
            site.join("preview.png"),
            "https://www.example.gov.cn/reports/fgz/preview.png"
        );
        let page = SiteUrl::parse("http://example.org/a/index.html").expect("valid");
        assert_eq!(page.join("./x.png"), "http://example.org/a/x.png");
    }

    #[test]
    fn anything_else_is_refused_with_why() {
        for (text, why) in [
            ("www.example.gov.cn", "must start with"),
            ("https:///path", "host name"),
            ("https://a.cn/x\"onload=1", "may not contain"),
            ("https://a.cn/?v=1", "may not contain"),
            ("javascript:alert(1)", "must start with"),
        ] {
            let error = SiteUrl::parse(text).expect_err(text);
            assert!(error.contains(why), "{text}: {error}");
        }
    }
}

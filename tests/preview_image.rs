//! The link-preview image (og:image): 1200×630 PNG drawn from the snapshot, and the page's
//! Open Graph tags that point at it.
#![cfg(not(target_arch = "wasm32"))]

use fuguanzhuang_viewer::authoring::preview_image::{
    headline_indicators, preview_font, preview_png, HEIGHT, WIDTH,
};
use fuguanzhuang_viewer::core::snapshot::load::snapshot_from_json_text;

const SNAPSHOT: &str = include_str!("../data/snapshot.json");

fn decoded(png_bytes: &[u8]) -> (u32, u32, Vec<u8>) {
    let decoder = png::Decoder::new(png_bytes);
    let mut reader = decoder.read_info().expect("a PNG");
    let mut pixels = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut pixels).expect("a frame");
    (info.width, info.height, pixels)
}

#[test]
fn the_preview_is_1200_by_630_and_drawn_from_the_snapshot() {
    let (font, index) = preview_font().expect("fonts-noto-cjk (scripts/install.sh installs it)");
    let snapshot = snapshot_from_json_text(SNAPSHOT).expect("valid");
    let headline: Vec<&str> = headline_indicators(&snapshot)
        .iter()
        .map(|indicator| indicator.id.as_str())
        .collect();
    assert_eq!(headline.len(), 4, "{headline:?}");
    let image = preview_png(&snapshot, &font, index).expect("drawn");
    let (width, height, pixels) = decoded(&image);
    assert_eq!((width, height), (WIDTH, HEIGHT));
    // Something is drawn on the white page (text and figure boxes).
    let inked = pixels
        .chunks(3)
        .filter(|rgb| rgb != &[255, 255, 255])
        .count();
    assert!(inked > 20_000, "{inked} pixels drawn");

    // A headline figure changes: so does the picture; a figure not shown changes nothing.
    let mut changed = snapshot.clone();
    let shown = changed
        .indicators
        .iter_mut()
        .find(|indicator| indicator.id == headline[0])
        .expect("headline indicator");
    shown.value = Some(shown.value.unwrap_or(0.0) + 7.0);
    let (_, _, after) = decoded(&preview_png(&changed, &font, index).expect("drawn"));
    assert_ne!(
        after, pixels,
        "the headline figure is drawn from the snapshot"
    );
    let mut unrelated = snapshot.clone();
    let hidden = unrelated
        .indicators
        .iter_mut()
        .find(|indicator| {
            !headline.contains(&indicator.id.as_str()) && indicator.by_place.is_empty()
        })
        .expect("an indicator not in the headline");
    hidden.value = Some(hidden.value.unwrap_or(0.0) + 7.0);
    let (_, _, same) = decoded(&preview_png(&unrelated, &font, index).expect("drawn"));
    assert_eq!(same, pixels);
}

#[test]
fn the_page_points_at_the_preview_relative_or_at_the_sites_address() {
    use fuguanzhuang_viewer::core::view::site_url::SiteUrl;
    use fuguanzhuang_viewer::ui::prerender::render_page;
    const TEMPLATE: &str = "<!DOCTYPE html><html><head><!--page-meta--><title>x</title><!--/page-meta--></head><body><!--app--><!--/app--></body></html>";
    let page = render_page(TEMPLATE, SNAPSHOT, None).expect("rendered");
    assert!(page.contains(r#"<meta property="og:image" content="og-image.png" />"#));
    assert!(page.contains(r#"<meta property="og:image:width" content="1200" />"#));
    assert!(page.contains(r#"<meta property="og:image:height" content="630" />"#));
    assert!(page.contains(r#"<meta name="twitter:card" content="summary_large_image" />"#));
    assert!(!page.contains("og:url"), "no address without SITE_URL");
    let site: SiteUrl = "https://www.example.gov.cn/reports/fuguanzhuang/"
        .parse()
        .expect("address");
    let page = render_page(TEMPLATE, SNAPSHOT, Some(&site)).expect("rendered");
    assert!(page.contains(
        r#"<meta property="og:image" content="https://www.example.gov.cn/reports/fuguanzhuang/og-image.png" />"#
    ));
    assert!(page.contains(
        r#"<meta property="og:url" content="https://www.example.gov.cn/reports/fuguanzhuang/" />"#
    ));
}

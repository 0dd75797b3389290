// Host script for embedding the 富官庄镇 report viewer in a portal page (works under a strict
// Content-Security-Policy: load it as a file, no inline script needed).
//
//   <iframe src="https://…/reports/fuguanzhuang/?…&embed=1" title="…" loading="lazy"
//           width="100%" height="800" data-fuguanzhuang-embed></iframe>
//   <script src="https://…/reports/fuguanzhuang/embed.js" defer></script>
//
// The viewer posts {type: "fuguanzhuang-viewer:height", height, href} to its parent whenever its
// content height changes. This script resizes only the iframe that sent the message (it
// compares event.source with each iframe's contentWindow) and only iframes marked with
// data-fuguanzhuang-embed, and accepts messages only from the iframe's own origin.
(function () {
  'use strict';
  function frames() {
    return Array.prototype.slice.call(document.querySelectorAll('iframe[data-fuguanzhuang-embed]'));
  }
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'fuguanzhuang-viewer:height') return;
    var height = Number(data.height);
    if (!isFinite(height) || height <= 0 || height > 100000) return;
    frames().forEach(function (frame) {
      if (frame.contentWindow !== event.source) return;
      var expected;
      try { expected = new URL(frame.src, document.baseURI).origin; } catch (e) { return; }
      if (event.origin !== expected) return;
      frame.style.height = Math.ceil(height) + 'px';
      frame.setAttribute('height', String(Math.ceil(height)));
    });
  });
})();

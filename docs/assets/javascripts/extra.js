// A table wider than the column scrolls sideways inside Material's wrapper: make that wrapper reachable and
// scrollable from the keyboard (WCAG 2.1.1; axe's scrollable-region-focusable), with a name for screen readers.
document$.subscribe(function () {
  document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
    if (wrap.scrollWidth > wrap.clientWidth) {
      wrap.tabIndex = 0;
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", "Table (scrolls sideways)");
    }
  });
});

// Material's search overlay is a dialog without a name (axe best practice aria-dialog-name; Lighthouse counts it).
document.querySelectorAll('.md-search[role="dialog"]').forEach(function (dialog) {
  dialog.setAttribute("aria-label", "Search");
});

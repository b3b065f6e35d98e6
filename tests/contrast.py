"""Colour contrast checked once per distinct text style, site-wide: axe-core's `color-contrast` rule, run on
samples instead of every text element of every page.

axe's rule is most of the browser pass's time (it stacks up every element's backgrounds), and its answer for an
element depends only on computed styles: the text's colour, size, weight, shadow and opacity, and the colours,
images and opacity of what is behind it, up to the first opaque background. This site's pages share a theme, so
thousands of elements (every highlighted token, every nav link) come down to a few hundred such styles.
`MARK_SAMPLES` hashes each element's styles into a signature, and marks a few elements of each signature not yet
settled; axe's rule then runs on the marked elements only. A signature is settled when axe passed or failed one
of its elements; when axe could not tell (an element hidden, covered, or over an image), more elements of it are
tried, down to the last one on the page. Elements whose backdrop is not their ancestors (absolutely positioned
over a transparent background) or that blend (filters, blend modes) get no signature: all of them are checked.
Every other axe rule still runs on every element of every page (tests/browser.py).
"""

from __future__ import annotations

import functools

PER_ROUND = 3  # elements of an unsettled signature tried in the first round (then more each round)

MARK_SAMPLES = """([settled, tried, perRound, firstRound]) => {
  const done = new Set(settled);
  for (const el of document.querySelectorAll("[data-contrast-sample]")) el.removeAttribute("data-contrast-sample");
  // Later rounds on the same page and scheme reuse the first round's signatures (the styles have not changed).
  const scheme = document.body.dataset.mdColorScheme || "";
  if (firstRound || !window.__contrastGroups || window.__contrastGroups.scheme !== scheme)
    window.__contrastGroups = {scheme, ...group()};
  const {groups, always} = window.__contrastGroups;
  const samples = [];
  const mark = (el, sig) => { el.setAttribute("data-contrast-sample", samples.length); samples.push(sig); };
  for (const [sig, els] of groups) {
    if (done.has(sig)) continue;
    const from = tried[sig] || 0;  // each round tries more of them: perRound, then twice what was tried, plus perRound
    els.slice(from, from + perRound + 2 * from).forEach(el => mark(el, sig));
  }
  if (firstRound) always.forEach(el => mark(el, null));
  return samples;

  function group() {
    const hash = text => {  // cyrb53: short keys, collisions negligible at a few thousand styles
      let h1 = 0xdeadbeef, h2 = 0x41c6ce57;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        h1 = Math.imul(h1 ^ c, 2654435761);
        h2 = Math.imul(h2 ^ c, 1597334677);
      }
      h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
      h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
      return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
    };
    const opaque = colour => {
      const parts = (colour.match(/^rgba?\\(([^)]*)\\)$/) || [])[1]?.split(/[\\s,\\/]+/).filter(Boolean);
      return !!parts && (parts.length === 3 || parseFloat(parts[3]) === 1);
    };
    const pseudo = (el, which) => {
      const s = getComputedStyle(el, which);
      return s.content === "none" || s.content === "normal" ? "" :
        [s.backgroundColor, s.backgroundImage, s.position, s.opacity, s.color].join(" ");
    };
    const blends = s => s.filter !== "none" || s.mixBlendMode !== "normal" || s.backdropFilter !== "none";
    const translucent = new Map();  // el -> whether it or an ancestor has opacity below 1 (it then blends)
    const isTranslucent = el => {
      if (!el) return false;
      if (!translucent.has(el)) translucent.set(el, getComputedStyle(el).opacity !== "1" || isTranslucent(el.parentElement));
      return translucent.get(el);
    };
    const behind = new Map();  // el -> key of its own and its ancestors' backgrounds, or null
    const backdrop = el => {
      if (!el) return "canvas";
      if (behind.has(el)) return behind.get(el);
      const s = getComputedStyle(el);
      const own = [s.backgroundColor, s.backgroundImage, s.opacity, pseudo(el, "::before"), pseudo(el, "::after")].join("|");
      let key;
      if (blends(s)) key = null;
      else if (opaque(s.backgroundColor) && !isTranslucent(el)) key = hash(own);  // nothing behind it shows through
      else if (s.position === "absolute" || s.position === "fixed") key = null;  // over whatever is there, not its parent
      else {
        const parent = backdrop(el.parentElement);
        key = parent === null ? null : hash(own + "/" + parent);
      }
      behind.set(el, key);
      return key;
    };
    const signature = el => {
      const under = backdrop(el);
      if (under === null) return null;
      const s = getComputedStyle(el);
      return hash([s.color, s.fontSize, s.fontWeight, s.textShadow, s.webkitTextStrokeWidth, s.webkitTextFillColor,
                   under].join("|"));
    };
    const groups = new Map(), always = [];
    for (const el of document.body.querySelectorAll("*")) {
      const text = [...el.childNodes].some(n => n.nodeType === Node.TEXT_NODE && n.data.trim());
      if (!text && !el.matches("input, select, textarea")) continue;  // what axe's rule can check
      // Hidden (display, visibility or opacity 0, its own or an ancestor's): axe's rule skips it too.
      if (!el.checkVisibility({opacityProperty: true, visibilityProperty: true})) continue;
      const sig = signature(el);
      if (sig === null) always.push(el);
      else if (!done.has(sig)) (groups.get(sig) || groups.set(sig, []).get(sig)).push(el);
    }
    return {groups, always};
  }
}"""

# What a run returns: each violation (with where, in a readable CSS-like path: the runs skip axe's own selectors,
# which it would build for every passing element), and each sample's outcome (passes, violations, incomplete).
SUMMARISE = """(result) => {
  const where = el => {
    const parts = [];
    for (let n = el; n && n !== document.body && parts.length < 3; n = n.parentElement)
      parts.unshift(n.tagName.toLowerCase() + (n.id ? "#" + n.id : "") + [...n.classList].slice(0, 2).map(c => "." + c).join(""));
    return parts.join(" > ");
  };
  const outcome = {};
  for (const kind of ["passes", "violations", "incomplete"])
    for (const rule of result[kind]) if (rule.id === "color-contrast")
      for (const node of rule.nodes) outcome[node.element.dataset.contrastSample] = kind;
  return {outcome, violations: result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
    targets: v.nodes.slice(0, 5).map(n => where(n.element)), count: v.nodes.length}))};
}"""
# axe's options for a run that reports each sample's outcome.
OPTIONS = '{resultTypes: ["violations", "passes", "incomplete"], selectors: false, elementRef: true}'
ON_SAMPLES = 'axe.configure({rules: [{id: "color-contrast", selector: "[data-contrast-sample]"}]});'

CHECK_SAMPLES = f"""async () => {{
  {ON_SAMPLES}
  const result = await axe.run(document, {{...{OPTIONS}, runOnly: {{type: "rule", values: ["color-contrast"]}},
                                          preload: false}});
  return ({SUMMARISE})(result);
}}"""


class Contrast:
    """The signatures settled so far in one browser pass, shared by its tabs (both schemes: a scheme's colours
    are part of the signature)."""

    def __init__(self) -> None:
        self.settled: set[str] = set()
        self.checked = 0  # elements axe's rule ran on, for the record

    async def violations(self, tab, first_run) -> list[dict]:
        """The violations of the page in `tab`: `first_run(contrast)` runs axe (with SUMMARISE and OPTIONS), with
        `color-contrast` on the first samples marked here when `contrast` is true, and without that rule when
        nothing is marked (its set-up alone, a map of every element's place and layer, costs half a second on a
        long page); later rounds, where axe could not tell, run that rule alone."""
        found: list[dict] = []
        tried: dict[str, int] = {}
        samples = await tab.evaluate(MARK_SAMPLES, [sorted(self.settled), tried, PER_ROUND, True])
        run = functools.partial(first_run, bool(samples))
        while True:
            checked = await run()
            self.checked += len(samples)
            found += checked["violations"]
            self.settled |= {signature for index, signature in enumerate(samples)
                             if signature and checked["outcome"].get(str(index)) in ("passes", "violations")}
            for signature in set(samples) - self.settled - {None}:  # axe could not tell: the next few elements
                tried[signature] = tried.get(signature, 0) + samples.count(signature)
            samples = await tab.evaluate(MARK_SAMPLES, [sorted(self.settled), tried, PER_ROUND, False])
            if not samples:
                return merged(found)
            run = functools.partial(tab.evaluate, CHECK_SAMPLES)


def merged(violations: list[dict]) -> list[dict]:
    """One entry per rule, as one axe run over the whole page gives (rounds can each find some)."""
    by_rule: dict[str, dict] = {}
    for violation in violations:
        if violation["id"] in by_rule:
            known = by_rule[violation["id"]]
            known["targets"] = (known["targets"] + violation["targets"])[:5]
            known["count"] += violation["count"]
        else:
            by_rule[violation["id"]] = dict(violation)
    return list(by_rule.values())

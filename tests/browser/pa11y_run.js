// pa11y (HTML_CodeSniffer, WCAG2AA) over pages of a served site, in Debian's Chromium.
//
// Called by tests/browser/test_pa11y.py with one JSON argument:
//   {"chromium": "/usr/bin/chromium", "args": [...],
//    "pages": [{"url", "screen", "scheme", "width", "theme"}, ...]}
// and prints one JSON array: per page its url, screen, scheme, width, theme, whether furo drew it dark,
// and pa11y's issues. "scheme" is what the system prefers (prefers-color-scheme); "theme" what furo's
// button chose (kept in localStorage as furo keeps it; null: automatic).
//
// Puppeteer's own browser is never downloaded (npm ci --ignore-scripts, PUPPETEER_SKIP_DOWNLOAD):
// the browser is the one the other browser tests drive. Each page is opened here and pa11y runs on
// it as it stands (ignoreUrl) once Mermaid has drawn its diagrams, in the page's colour scheme and
// width, so pa11y judges what a reader sees.
"use strict";

const pa11y = require("pa11y");
const puppeteer = require("puppeteer");

const DIAGRAMS_DRAWN = () =>
  [...document.querySelectorAll("pre.mermaid")].every(
    (el) => el.getAttribute("data-processed") === "true" || el.querySelector("svg"),
  );

// HTML_CodeSniffer cannot see through an SVG <foreignObject>: for a Mermaid label it finds no
// background and reports the text against itself (1:1). Measure what a reader sees instead: the
// label's text colour against the fill of the shape it is drawn on (the node's rect or polygon),
// or against the page behind the diagram where the shape has no fill.
const DIAGRAM_LABEL_CONTRAST = (selector) => {
  const label = document.querySelector(selector);
  if (!label) return null;
  const rgba = (value) => {
    const parts = (value.match(/[\d.]+/g) || []).map(Number);
    return parts.length >= 3 ? [parts[0], parts[1], parts[2], parts.length > 3 ? parts[3] : 1] : null;
  };
  const luminance = ([r, g, b]) =>
    [r, g, b]
      .map((c) => c / 255)
      .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
      .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
  const node = label.closest("g.node");
  const shape = node && node.querySelector(":scope > rect, :scope > polygon, :scope > path, :scope > circle");
  let background = shape ? rgba(getComputedStyle(shape).fill) : null;
  if (!background || background[3] === 0) {
    let el = label.closest("svg").parentElement;
    background = null;
    while (el && (!background || background[3] === 0)) {
      background = rgba(getComputedStyle(el).backgroundColor);
      el = el.parentElement;
    }
    if (!background || background[3] === 0) background = [255, 255, 255, 1];
  }
  const text = rgba(getComputedStyle(label).color);
  const [light, dark] = [luminance(text), luminance(background)].sort((a, b) => b - a);
  return {
    text: getComputedStyle(label).color,
    background: `rgb(${background.slice(0, 3).join(", ")})`,
    ratio: Math.round(((light + 0.05) / (dark + 0.05)) * 100) / 100,
  };
};

// furo's dark page background (#131416) against its light one (white).
const DRAWN_DARK = () => {
  const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/[\d.]+/g).map(Number);
  return r + g + b < 150;
};

async function check(browser, { url, screen, scheme, width, theme }) {
  const page = await browser.newPage();
  try {
    await page.setViewport({ width, height: 900 });
    await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: scheme }]);
    // Before furo's first script, which reads it to draw the page in the chosen scheme. The pages share
    // one browser profile, so a page without a choice clears the one an earlier page made.
    await page.evaluateOnNewDocument(
      (chosen) => (chosen ? localStorage.setItem("theme", chosen) : localStorage.removeItem("theme")),
      theme || null,
    );
    await page.goto(url, { waitUntil: "networkidle0", timeout: 60000 });
    await page.waitForFunction(DIAGRAMS_DRAWN, { timeout: 15000 });
    if (url.includes("search.html?")) {
      await page.waitForFunction(
        () => (document.querySelector("#search-results .search-summary")?.textContent || "").length > 0,
        { timeout: 15000 },
      );
    }
    const result = await pa11y(url, {
      browser,
      page,
      ignoreUrl: true,
      runners: ["htmlcs"],
      standard: "WCAG2AA",
      timeout: 60000,
    });
    for (const issue of result.issues) {
      if (issue.code.includes("G18") && /foreignobject/i.test(issue.selector)) {
        issue.measured = await page.evaluate(DIAGRAM_LABEL_CONTRAST, issue.selector);
      }
    }
    const dark = await page.evaluate(DRAWN_DARK);
    return { url, screen, scheme, width, theme: theme || null, dark, issues: result.issues };
  } finally {
    await page.close();
  }
}

async function main() {
  const { chromium, args, pages } = JSON.parse(process.argv[2]);
  const browser = await puppeteer.launch({ executablePath: chromium, args, headless: true });
  const results = [];
  try {
    for (const wanted of pages) {
      results.push(await check(browser, wanted));
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(results));
}

main().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(1);
});

// PurgeCSS settings for macros/outputs/stylesheet.py, which passes the stylesheet and the files to read.
// Pages are read as HTML: only their tags, classes, ids and attributes keep a rule, not the words of the
// text. Scripts are read word by word: a class or tag that a script names keeps its rules.
const fromHtml = require("purgecss-from-html");

module.exports = {
  extractors: [{ extractor: fromHtml, extensions: ["html"] }],
  // Custom properties and animations that no remaining rule uses (the theme's icons for admonitions,
  // code colours): most of the theme's weight.
  variables: true,
  keyframes: true,
  // Kept whatever the pages hold. What a script adds at run time without naming it in its own code:
  // Pagefind's search results mark the words found with <mark>, from HTML inside its index. And a
  // selector that is a pseudo-class alone, which PurgeCSS drops: the focus ring on every element.
  safelist: { standard: ["mark", /^:focus-visible$/] },
};

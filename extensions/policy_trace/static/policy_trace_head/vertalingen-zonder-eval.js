/* policy-trace: Sphinx's Documentation.addTranslations turns the catalogue's
 * plural rule into code with `new Function`, which the site's
 * Content-Security-Policy forbids (no 'unsafe-eval'). This takes its place:
 * the same messages, and the plural rules of the languages a programme may
 * write in as functions. Loaded after doctools.js, before translations.js. */
"use strict";
(() => {
  if (typeof Documentation === "undefined") return;
  const rules = {
    "(n != 1)": (n) => Number(n != 1),
    "(n > 1)": (n) => Number(n > 1),
    "0": () => 0,
  };
  Documentation.addTranslations = (catalog) => {
    Object.assign(Documentation.TRANSLATIONS, catalog.messages);
    Documentation.PLURAL_EXPR = rules[String(catalog.plural_expr).trim()] || ((n) => Number(n != 1));
    Documentation.LOCALE = catalog.locale;
  };
})();

/* policy_trace: keyboard access to furo's drawers on narrow screens (WCAG 2.1.1).
 *
 * furo opens the navigation drawer and the "on this page" drawer with hidden
 * checkboxes (#__navigation, #__toc) that icon labels toggle: a mouse or a
 * finger can open them, a keyboard cannot. page.html (ours) gives each icon a
 * role="button" span with tabindex, a Dutch name and aria-controls; the span
 * sits inside furo's <label>, so a click still reaches the checkbox without
 * this script, and the look is furo's. This script adds what markup cannot:
 * Enter and Space, aria-expanded that follows the checkbox whoever flips it,
 * Escape to close, and no focus on the links of a drawer that is off screen.
 */
(() => {
  "use strict";

  const TOGGLES = 'label[for="__navigation"] > [role="button"], label[for="__toc"] > [role="button"]';
  const DRAWERS = ["__navigation", "__toc"];

  // The toggle that opened a drawer last, so Escape can give focus back to it.
  let opener = null;

  const checkboxOf = (toggle) => document.getElementById(toggle.parentElement.htmlFor);
  const drawerOf = (toggle) => document.getElementById(toggle.getAttribute("aria-controls"));
  // furo hides the icons (display: none) where a drawer is always on screen.
  const shown = (element) => element.getClientRects().length > 0;

  function setup() {
    const toggles = Array.from(document.querySelectorAll(TOGGLES));
    const boxes = DRAWERS.map((id) => document.getElementById(id)).filter(Boolean);
    if (!toggles.length || !boxes.length) {
      return;
    }

    function sync() {
      for (const toggle of toggles) {
        const open = checkboxOf(toggle).checked;
        toggle.setAttribute("aria-expanded", String(open));
        const drawer = drawerOf(toggle);
        if (drawer) {
          // A closed drawer is only moved off screen (furo positions it fixed,
          // outside the window); its links would still take focus, invisibly.
          // Where the drawer is part of the layout (wide screens) nothing changes.
          drawer.inert = !open && getComputedStyle(drawer).position === "fixed";
        }
      }
    }

    for (const toggle of toggles) {
      toggle.addEventListener("keydown", (event) => {
        if (event.key !== "Enter" && event.key !== " ") {
          return;
        }
        // Space would scroll the page; a held key would flip the drawer on every repeat.
        event.preventDefault();
        if (event.repeat) {
          return;
        }
        opener = toggle;
        // click() flips the checkbox and fires its change event, as a mouse click does.
        checkboxOf(toggle).click();
      });
      // A click (mouse, touch) reaches the checkbox through furo's label.
      toggle.addEventListener("click", () => {
        opener = toggle;
      });
    }

    // Every way of opening or closing (icon, overlay, this script) changes a checkbox.
    for (const box of boxes) {
      box.addEventListener("change", sync);
    }

    document.addEventListener("keydown", (event) => {
      if (event.key !== "Escape" || event.defaultPrevented) {
        return;
      }
      const open = boxes.filter((box) => box.checked);
      if (!open.length) {
        return;
      }
      event.preventDefault();
      // Focus first: inside a drawer that turns inert it would be lost to <body>.
      const back = opener && open.includes(checkboxOf(opener)) && shown(opener)
        ? opener
        : toggles.find((toggle) => open.includes(checkboxOf(toggle)) && shown(toggle));
      if (back) {
        back.focus();
      }
      for (const box of open) {
        box.click();
      }
    });

    // The window width decides whether a drawer is off screen; a page restored
    // from the back/forward cache may come back with a drawer open.
    window.addEventListener("resize", sync);
    window.addEventListener("pageshow", sync);
    sync();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();

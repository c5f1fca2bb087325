// django-modeltranslation's tabbed fields add a language <select>
// (.modeltranslation-switch) to the change form's heading when jQuery's ready
// handlers run, with no label: screen readers announce an unnamed list box
// (axe-core's aria-input-field-name). It gets the name the template passes in
// `data-switch-label` ("Language", translated) as soon as it appears.
"use strict";

(function () {
  const script = document.currentScript;
  const label = script && script.dataset.switchLabel;
  if (!label || !window.MutationObserver) {
    return;
  }
  function name() {
    document.querySelectorAll("select.modeltranslation-switch:not([aria-label])").forEach(
      function (select) {
        select.setAttribute("aria-label", label);
      },
    );
  }
  new MutationObserver(name).observe(document.documentElement, {
    childList: true,
    subtree: true,
  });
  document.addEventListener("DOMContentLoaded", name);
})();

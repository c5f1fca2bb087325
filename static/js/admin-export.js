// The admin's export page: "Select all" toggles every field, as the inline
// onchange handler of django-import-export's template did; its function
// onSelectToggleChange comes from export_selectable_fields.js.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  for (const toggle of document.querySelectorAll(".select-toggle")) {
    toggle.addEventListener("change", onSelectToggleChange);
  }
});

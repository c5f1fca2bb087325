// Django's calendar (admin/js/admin/DateTimeShortcuts.js) puts "Note: Enter
// times in the Asia/Baku timezone" under every date field when the editor's
// browser is in another time zone; a date-only field has no time to enter, so
// only fields with a time (a date and time pair, or a time) keep the note.
// Loaded with `defer` (templates/admin/base_site.html): after the calendar's
// script, before its "load" handler adds the notes.
"use strict";

(function () {
  const shortcuts = window.DateTimeShortcuts;
  if (!shortcuts || typeof shortcuts.addTimezoneWarning !== "function") {
    return;
  }
  const addTimezoneWarning = shortcuts.addTimezoneWarning;
  shortcuts.addTimezoneWarning = function (input) {
    const dateOnly =
      input.classList.contains("vDateField") && !input.closest("p.datetime");
    if (dateOnly) {
      return undefined;
    }
    return addTimezoneWarning.call(this, input);
  };
})();

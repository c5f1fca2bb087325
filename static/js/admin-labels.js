// Names and roles the admin's third-party widgets leave out, so that screen
// readers announce every control of a change form and axe-core finds no
// violation there (tests/e2e/test_admin_axe.py). Each fix is the smallest
// change to markup the widgets have already built; none of them changes what
// the widgets do. Written by hand: neither Django, select2, jQuery UI nor
// django-modeltranslation has a setting for any of this.
//
// - django-modeltranslation's language <select> (.modeltranslation-switch)
//   gets the name the template passes in `data-switch-label`.
// - Tabular inlines: a column's cells have no <label>; each control is named
//   by its column's header (aria-labelledby, or the header's text once
//   django-modeltranslation has hidden the header), and a header cell with no text
//   (the saved row's column, a delete column the editor may not use) becomes
//   the empty data cell it is.
// - select2 (Django's autocomplete fields): the combobox, its rendered value
//   and its inline search field are named by the field's label; its "remove
//   all" cross, put inside the list of choices, leaves the list.
// - jQuery UI's tabs (django-modeltranslation's language tabs): a tab (<li>)
//   may not hold a link, which screen readers would announce as a second
//   control; the link keeps its address as data-href, and tabs keep treating
//   it as a tab on this page. Keyboard use stays on the tab itself.
//
// Widgets built later (a new inline row, a select2 opened or changed) are
// handled as they appear.
"use strict";

(function () {
  const script = document.currentScript;
  const switchLabel = script && script.dataset.switchLabel;
  let counter = 0;

  function idOf(element) {
    if (!element.id) {
      counter += 1;
      element.id = "admin-label-" + counter;
    }
    return element.id;
  }

  function hasName(control) {
    return (
      control.hasAttribute("aria-label") ||
      control.hasAttribute("aria-labelledby") ||
      (control.labels && control.labels.length > 0)
    );
  }

  // The header cell over a tabular inline's cell, if it has text.
  function columnHeader(cell) {
    const table = cell.closest("table");
    const head = table && table.tHead;
    if (!head) {
      return null;
    }
    let header = null;
    if (cell.classList.contains("delete")) {
      const row = head.rows[0];
      header = row && row.cells[row.cells.length - 1];
    } else {
      const field = Array.from(cell.classList).find(function (name) {
        return name.startsWith("field-");
      });
      header = field && head.querySelector("th.column-" + CSS.escape(field.slice(6)));
    }
    return header && header.tagName === "TH" && header.textContent.trim() ? header : null;
  }

  // The id of what names a form control: its <label>, else its column's header.
  function labelIdFor(control) {
    if (control.id) {
      const label = document.querySelector('label[for="' + CSS.escape(control.id) + '"]');
      if (label) {
        return idOf(label);
      }
    }
    const cell = control.closest("td");
    const header = cell && columnHeader(cell);
    return header ? idOf(header) : null;
  }

  function nameSwitches(root) {
    if (!switchLabel) {
      return;
    }
    root.querySelectorAll("select.modeltranslation-switch:not([aria-label])").forEach(
      function (select) {
        select.setAttribute("aria-label", switchLabel);
      },
    );
  }

  function fixTabularInlines(root) {
    root.querySelectorAll(".tabular table thead th").forEach(function (header) {
      if (header.textContent.trim()) {
        return;
      }
      const cell = document.createElement("td");
      cell.className = header.className;
      header.replaceWith(cell);
    });
    root
      .querySelectorAll(
        ".tabular td input:not([type=hidden]), .tabular td select, .tabular td textarea",
      )
      .forEach(nameByColumn);
  }

  // django-modeltranslation later merges a field's language columns into one
  // cell of tabs and hides all but the first language's header: a control
  // whose header is hidden is then named by that header's text instead.
  function nameByColumn(control) {
    let header = document.getElementById(control.dataset.columnHeader || "");
    if (!header) {
      if (hasName(control)) {
        return;
      }
      const cell = control.closest("td");
      header = cell && columnHeader(cell);
      if (!header) {
        return;
      }
      control.dataset.columnHeader = idOf(header);
    }
    if (header.getClientRects().length) {
      control.removeAttribute("aria-label");
      if (control.getAttribute("aria-labelledby") !== header.id) {
        control.setAttribute("aria-labelledby", header.id);
      }
    } else {
      control.removeAttribute("aria-labelledby");
      const text = header.textContent.replace(/\s+/g, " ").trim();
      if (control.getAttribute("aria-label") !== text) {
        control.setAttribute("aria-label", text);
      }
    }
  }

  function nameSelect2(root) {
    root.querySelectorAll(".select2-container").forEach(function (container) {
      const select = container.previousElementSibling;
      if (!select || select.tagName !== "SELECT") {
        return; // a dropdown attached to <body>, not a field's container
      }
      const id = labelIdFor(select);
      if (!id) {
        return;
      }
      const combobox = container.querySelector(".select2-selection[role=combobox]");
      const rendered = container.querySelector(".select2-selection__rendered");
      if (combobox) {
        const ids = [id];
        if (rendered && rendered.id && rendered.getAttribute("role") === "textbox") {
          ids.push(rendered.id);
        }
        if (combobox.getAttribute("aria-labelledby") !== ids.join(" ")) {
          combobox.setAttribute("aria-labelledby", ids.join(" "));
        }
      }
      if (rendered && rendered.getAttribute("role") === "textbox") {
        if (rendered.getAttribute("aria-labelledby") !== id) {
          rendered.setAttribute("aria-labelledby", id);
        }
      }
      container.querySelectorAll(".select2-search__field").forEach(function (field) {
        if (field.getAttribute("aria-labelledby") !== id) {
          field.setAttribute("aria-labelledby", id);
        }
      });
      // Mouse only (the keyboard clears with Backspace): not one of the choices.
      container
        .querySelectorAll("ul > .select2-selection__clear:not([role])")
        .forEach(function (clear) {
          clear.setAttribute("role", "listitem");
          clear.setAttribute("aria-hidden", "true");
        });
    });
  }

  function unnestTabLinks(root) {
    root.querySelectorAll("li[role=tab] > a.ui-tabs-anchor[href]").forEach(function (link) {
      link.dataset.href = link.getAttribute("href");
      link.removeAttribute("href");
    });
  }

  // jQuery UI loads a tab whose link is not on this page over the network; a
  // link that keeps its address as data-href is still on this page.
  function keepTabsLocal() {
    const jq = window.django && window.django.jQuery;
    const tabs = jq && jq.ui && jq.ui.tabs;
    if (!tabs || tabs.prototype._portalLocal) {
      return;
    }
    const isLocal = tabs.prototype._isLocal;
    tabs.prototype._isLocal = function (anchor) {
      return anchor.hasAttribute("data-href") || isLocal.call(this, anchor);
    };
    tabs.prototype._portalLocal = true;
  }

  function fix() {
    nameSwitches(document);
    fixTabularInlines(document);
    nameSelect2(document);
    keepTabsLocal();
    unnestTabLinks(document);
  }

  if (window.MutationObserver) {
    new MutationObserver(fix).observe(document.documentElement, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ["role"],
    });
  }
  document.addEventListener("DOMContentLoaded", fix);
  window.addEventListener("load", fix);
})();

// The theme's drawer and search toggles are checkboxes; without autocomplete="off" (not valid
// HTML on a checkbox: kitsite/render/valid_html.py) Firefox would restore an open drawer or
// search on reload. Every page is shown with both closed.
addEventListener("pageshow", () => {
  for (const id of ["__drawer", "__search"]) {
    const toggle = document.getElementById(id);
    if (toggle && toggle.checked) {
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change"));
    }
  }
});

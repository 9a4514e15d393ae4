/* Runs once the page's content is parsed, just after Material's __config and before its bundle
   (overrides/partials/search-language.html includes it): what would otherwise be inline scripts
   and handlers, which the security policy does not allow (kitsite/render/security.py).

   1. Search reads the index of the page's language and stems the words typed as that language
      does. On every language but the default, the folder Material resolves
      search/search_index.json against moves to the language's (data-search-folder on this
      script tag: /en/search/search_index.json, written by kitsite/plugins/search_index.py).
      The worker is Material's, wrapped by assets/javascripts/workers/search.stemming.js (which
      says why); not from file://, where the offline edition runs the worker in an iframe. Named
      like Material's workers, and with the worker= parameter last, the URL still ends in
      /workers/search.….js, so kits-head.js holds it back until the reader searches.
   2. The menu and search buttons of the header (labels, overrides/partials/header.html) open
      with Space as well as Enter.
   3. Material's palette and content scripts (partials/javascripts/palette.html and content.html
      of mkdocs-material 9.8.1, as written there; tests/test_security.py fails when they change):
      the reader's colour scheme, the tab a link points at. */
/* eslint-disable */
(function (script) {
  var element = document.getElementById("__config");
  var config = JSON.parse(element.textContent);
  var folder = script.getAttribute("data-search-folder");
  if (folder) config.base = config.base.replace(/\/+$/, "") + "/" + folder + "/";
  if (location.protocol !== "file:") {
    var worker = new URL(config.search, location.href);
    config.search = new URL("search.stemming.js", worker).href +
      "?lang=" + encodeURIComponent(document.documentElement.lang) +
      "&worker=" + encodeURIComponent(worker.href);
  }
  element.textContent = JSON.stringify(config);

  document.querySelectorAll("label.md-header__button[tabindex]").forEach(function (label) {
    label.addEventListener("keydown", function (event) {
      if (event.key === " ") { event.preventDefault(); label.click(); }
    });
  });
})(document.currentScript);

var palette=__md_get("__palette");if(palette&&palette.color){if("(prefers-color-scheme)"===palette.color.media){var media=matchMedia("(prefers-color-scheme: light)"),input=document.querySelector(media.matches?"[data-md-color-media='(prefers-color-scheme: light)']":"[data-md-color-media='(prefers-color-scheme: dark)']");palette.color.media=input.getAttribute("data-md-color-media"),palette.color.scheme=input.getAttribute("data-md-color-scheme"),palette.color.primary=input.getAttribute("data-md-color-primary"),palette.color.accent=input.getAttribute("data-md-color-accent")}for(var[key,value]of Object.entries(palette.color))document.body.setAttribute("data-md-color-"+key,value)}
var tabs=__md_get("__tabs");if(Array.isArray(tabs))e:for(var set of document.querySelectorAll(".tabbed-set")){var labels=set.querySelector(".tabbed-labels");for(var tab of tabs)for(var label of labels.getElementsByTagName("label"))if(label.innerText.trim()===tab){var input=document.getElementById(label.htmlFor);input.checked=!0;continue e}}
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))

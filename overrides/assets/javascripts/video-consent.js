/* Videos on other services (templates/video.md.j2, figure.video-consent): nothing is loaded from
   the other service until the reader presses the button; then its player replaces the poster.
   Known services get their embed address (YouTube without cookies, Vimeo); any other address is
   embedded as written. */
(function () {
  "use strict";

  function embedUrl(url) {
    var u;
    try { u = new URL(url); } catch (e) { return url; }
    var host = u.hostname.replace(/^www\./, "");
    var id = null;
    if (host === "youtube.com" || host === "m.youtube.com") {
      id = u.pathname === "/watch" ? u.searchParams.get("v") : u.pathname.split("/embed/")[1];
    } else if (host === "youtu.be") {
      id = u.pathname.slice(1);
    }
    if (id) return "https://www.youtube-nocookie.com/embed/" + encodeURIComponent(id) + "?autoplay=1";
    if (host === "vimeo.com" && /^\/\d+$/.test(u.pathname)) {
      return "https://player.vimeo.com/video" + u.pathname + "?autoplay=1&dnt=1";
    }
    return url;
  }

  function load(figure) {
    var frame = document.createElement("iframe");
    frame.src = embedUrl(figure.getAttribute("data-video-url"));
    frame.title = figure.getAttribute("data-video-title") || "";
    frame.className = "video-consent__player";
    frame.width = "640";
    frame.height = "360";
    frame.allow = "autoplay; fullscreen; picture-in-picture";
    frame.setAttribute("allowfullscreen", "");
    var poster = figure.querySelector(".video-consent__poster");
    var button = figure.querySelector(".video-consent__button");
    if (poster) poster.remove();
    button.replaceWith(frame);
    figure.classList.add("video-consent--loaded");
    frame.focus();
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".video-consent__button");
    if (button) load(button.closest(".video-consent"));
  });
})();

/* Videos on other services (templates/video.md.j2, figure.video-consent): nothing is loaded from
   the other service until the reader presses the button; then its player replaces the poster.
   The page names the player's address (data-video-embed, from kitsite/render/video_embed.py:
   YouTube without cookies, Vimeo; any other address as written), which the security policy
   allows as a frame. */
(function () {
  "use strict";

  function load(figure) {
    var frame = document.createElement("iframe");
    frame.src = figure.getAttribute("data-video-embed");
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

/* The site's first script, loaded in <head> by overrides/partials/javascripts/base.html in place
   of Material's inline one, so that the security policy needs no inline script
   (kitsite/render/security.py).

   1. Material's storage helpers (__md_scope, __md_hash, __md_get, __md_set), as its
      partials/javascripts/base.html writes them (mkdocs-material 9.8.1; tests/test_security.py
      fails when that partial changes), the scope read from this script tag's data-scope.
   2. Two requests Material makes on every page load are held back:
      - sitemap.xml next to every <link rel="alternate">: Material uses it to find the same page
        in another language, but mkdocs-static-i18n's switcher links already point there. The
        request fails (404, another origin than the page's when previewing a site built for its
        public address — which the policy's connect-src blocks — or file:// offline).
      - search/search_index.json (every page's text) and the search worker script: fetched only
        when the reader starts to search (focuses the search field) or arrives from a search
        result (?q= / ?h= in the address), so a first visit on a phone does not download the
        whole site's text. Until then Material talks to a stand-in worker that queues its
        messages. */
/* eslint-disable */
__md_scope=new URL(document.currentScript.getAttribute("data-scope"),location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}};

(function () {
  var proto = XMLHttpRequest.prototype, open = proto.open, send = proto.send, held = [];
  var RealWorker = window.Worker, workers = [];
  var wanted = /[?&][qh]=/.test(location.search);
  function release() {
    wanted = true;
    held.splice(0).forEach(function (call) { send.apply(call[0], call[1]); });
    workers.splice(0).forEach(function (start) { start(); });
  }
  window.Worker = function (url, options) {
    if (wanted || !/\/workers\/search\.[^/]*js$/.test(String(url))) {
      return new RealWorker(url, options);
    }
    var stand_in = new EventTarget(), real = null, queue = [];
    stand_in.postMessage = function (message) {
      if (real) real.postMessage(message); else queue.push(message);
    };
    stand_in.terminate = function () { if (real) real.terminate(); };
    workers.push(function () {
      real = new RealWorker(url, options);
      real.addEventListener("message", function (event) {
        stand_in.dispatchEvent(new MessageEvent("message", { data: event.data }));
      });
      queue.splice(0).forEach(function (message) { real.postMessage(message); });
    });
    return stand_in;
  };
  proto.open = function (method, url) {
    var path = String(url).split("?")[0];
    this.kitsSkip = /\/sitemap\.xml$/.test(path);
    this.kitsDefer = /\/search\/search_index\.json$/.test(path);
    return open.apply(this, arguments);
  };
  proto.send = function () {
    var request = this;
    if (request.kitsSkip) {
      setTimeout(function () { request.dispatchEvent(new Event("abort")); });
      return;
    }
    if (request.kitsDefer && !wanted) { held.push([request, arguments]); return; }
    return send.apply(request, arguments);
  };
  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches("[data-md-component=search-query]")) release();
  });
})();

/* Material's search worker, with each search word stemmed as the page's language does.
 *
 * Material turns every word typed into a prefix search ("håbet" -> "håbet*"), and lunr does not
 * stem such wildcard terms; that is why Material leaves stemming out of its pipeline. This worker
 * loads Material's own (?worker=...) and, as lunr parses the query, replaces "word*" by
 * "stem*": "patienternes*" becomes "patient*", which finds "patienter" and "patientens" in the
 * index (the index itself is not stemmed). The stemmer is the one Material already ships for the
 * page's language (?lang=da: lunr.da). Loaded by overrides/partials/search-language.html; not
 * used from file:// (the offline edition keeps Material's worker and plain prefix search).
 */
(function () {
  "use strict";
  var params = new URLSearchParams(self.location.search);
  importScripts(params.get("worker"));
  var lang = params.get("lang") || "en";
  var lunr = self.lunr;

  function stem(word) {
    var stemmer = lang === "en" ? lunr.stemmer : lunr[lang] && lunr[lang].stemmer;
    if (typeof stemmer !== "function") {
      return word;
    }
    var token = stemmer(new lunr.Token(word, {}));
    return token ? token.toString() : word;
  }

  // Both the search and Material's list of the words found go through the query parser, so
  // the result's highlighting and its "missing" words agree with what was looked up.
  var parse = lunr.QueryParser.prototype.parse;
  lunr.QueryParser.prototype.parse = function () {
    var query = parse.call(this);
    query.clauses.forEach(function (clause) {
      var word = /^([^*]+)\*$/.exec(clause.term);
      if (word && !clause.usePipeline) {
        var stemmed = stem(word[1]);
        if (stemmed) {
          clause.term = stemmed + "*";
        }
      }
    });
    return query;
  };
})();

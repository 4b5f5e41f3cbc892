/* Site search: reads ?q=, fetches only the index shards the query needs
   and lists the results in #search-results. Plain JavaScript, no
   framework. The tokenizer and the query evaluation mirror
   generator/search (tokenize.go, synonym.go, query.go); Go tests run this
   file under node and compare. */
(function () {
  "use strict";

  var META = "__META__"; // replaced by the meta file name at build time
  var SHOW = 10; // results per page of the list
  var SCRIPT = typeof document !== "undefined" && document.currentScript ? document.currentScript.src : "";

  /* ---------- tokenizer (tokenize.go) ---------- */

  function norm(c) {
    if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
    else if (c === 0x3000) c = 0x20;
    if (c >= 65 && c <= 90) c += 32;
    return c;
  }
  function isDigit(c) { return c >= 48 && c <= 57; }
  function isWord(c) { return isDigit(c) || (c >= 97 && c <= 122); }
  function isHan(c) {
    return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) ||
      (c >= 0xf900 && c <= 0xfaff) || (c >= 0x20000 && c <= 0x2fa1f) || c === 0x3007;
  }
  function isSpace(c) {
    return c <= 0x20 || c === 0x7f || c === 0xa0 || (c >= 0x2000 && c <= 0x200b) ||
      c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0xfeff;
  }

  // tokenize returns {key, pos, start, end} with UTF-16 offsets.
  function tokenize(s, spaceBreaks) {
    var toks = [], pos = 0, gap = false, i = 0, n = s.length;
    function emit(key, start, end) {
      if (gap) { pos++; gap = false; }
      toks.push({ key: key, pos: pos, start: start, end: end });
      pos++;
    }
    while (i < n) {
      var cp = s.codePointAt(i), len = cp > 0xffff ? 2 : 1, c = norm(cp);
      if (isWord(c)) {
        var start = i, w = "";
        while (i < n) {
          var cp2 = s.codePointAt(i), l2 = cp2 > 0xffff ? 2 : 1, c2 = norm(cp2);
          if (isWord(c2)) { w += String.fromCharCode(c2); i += l2; continue; }
          // A dot between two digits belongs to the word: 3.2.12, 1.5.
          if (c2 === 46 && isDigit(w.charCodeAt(w.length - 1)) && i + l2 < n && isDigit(norm(s.codePointAt(i + l2)))) {
            w += "."; i += l2; continue;
          }
          break;
        }
        emit(w, start, i);
      } else if (isHan(c)) {
        emit(String.fromCodePoint(c), i, i + len); i += len;
      } else if (isSpace(c) && !spaceBreaks) {
        i += len;
      } else {
        gap = true; i += len;
      }
    }
    return toks;
  }

  // parseQuery splits a query into phrases (lists of token keys): at most
  // 8 phrases of at most 32 tokens.
  function parseQuery(q) {
    var out = [], cur = [], last = -2;
    tokenize(q, true).forEach(function (t) {
      if (t.pos !== last + 1 && cur.length) { out.push(cur); cur = []; }
      if (cur.length < 32) cur.push(t.key);
      last = t.pos;
    });
    if (cur.length) out.push(cur);
    return out.slice(0, 8);
  }

  function isWordKey(k) { return k !== "" && k.charCodeAt(0) < 0x80; }
  function keyText(k) { return isWordKey(k) ? k + " " : k; }
  function gramKey(keys) { return keys.map(keyText).join(""); }

  var utf8 = new TextEncoder(), text = new TextDecoder();
  function fnv32(s) {
    var b = utf8.encode(s), h = 0x811c9dc5;
    for (var i = 0; i < b.length; i++) { h ^= b[i]; h = Math.imul(h, 16777619) >>> 0; }
    return h >>> 0;
  }

  var lenTable = [];
  for (var q = 0; q < 256; q++) lenTable[q] = q < 64 ? q : lenTable[q - 1] + (lenTable[q - 1] >> 4);

  /* ---------- synonyms (synonym.go) ---------- */

  function expand(phrase, maps, weight) {
    var alts = [{ keys: phrase, weight: 1 }], seen = {}, claimed = phrase.map(function () { return false; });
    seen[gramKey(phrase)] = true;
    maps.forEach(function (m) {
      var n = m.f.length;
      for (var p = 0; p + n <= phrase.length;) {
        var ok = true;
        for (var i = 0; i < n && ok; i++) ok = phrase[p + i] === m.f[i] && !claimed[p + i];
        if (!ok) { p++; continue; }
        for (i = p; i < p + n; i++) claimed[i] = true;
        m.t.forEach(function (t) {
          var alt = phrase.slice(0, p).concat(t, phrase.slice(p + n)), k = gramKey(alt);
          if (!seen[k] && alts.length < 16) { seen[k] = true; alts.push({ keys: alt, weight: weight }); }
        });
        p += n;
      }
    });
    return alts;
  }

  /* ---------- index files (codec.go, query.go) ---------- */

  function Reader(b) { this.b = b; this.off = 0; }
  Reader.prototype.more = function () { return this.off < this.b.length; };
  Reader.prototype.uvarint = function () {
    var v = 0, mul = 1, c;
    do {
      if (this.off >= this.b.length) throw new Error("corrupt index");
      c = this.b[this.off++]; v += (c & 127) * mul; mul *= 128;
    } while (c & 128);
    return v;
  };
  Reader.prototype.byte = function () { return this.b[this.off++]; };
  Reader.prototype.bytes = function (n) { var s = this.b.subarray(this.off, this.off + n); this.off += n; return s; };
  Reader.prototype.string = function () { return text.decode(this.bytes(this.uvarint())); };

  // decodePostings: see query.go.
  function decodePostings(doc, pos, impact, k1) {
    var r = new Reader(doc), out = [], d = 0;
    while (r.more()) {
      d += r.uvarint();
      var p = { doc: d, tf: [0, 0, 0, 0], lenq: 0, sat: 0, impact: impact, hasSeg: false, seg: 0, pos: null };
      if (impact) {
        var q = r.byte();
        p.sat = ((q & 127) * (k1 + 1)) / 127;
        p.hasSeg = (q & 128) !== 0;
      } else {
        var v = r.uvarint();
        p.tf[3] = Math.floor(v / 16);
        if (v & 8) p.tf[0] = r.uvarint();
        if (v & 4) p.tf[1] = r.uvarint();
        if (v & 2) p.tf[2] = r.uvarint();
        p.lenq = r.byte();
        p.hasSeg = (v & 1) !== 0;
      }
      if (p.hasSeg) p.seg = r.uvarint();
      out.push(p);
    }
    if (pos) {
      var pr = new Reader(pos);
      out.forEach(function (p) {
        p.pos = [[], [], [], []];
        for (var f = 0; f < 4; f++) {
          for (var k = 0, prev = 0; k < p.tf[f]; k++) { prev += pr.uvarint(); p.pos[f].push(prev); }
        }
      });
    }
    return out;
  }

  function has(sorted, x) {
    var lo = 0, hi = sorted.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (sorted[mid] < x) lo = mid + 1; else hi = mid; }
    return lo < sorted.length && sorted[lo] === x;
  }

  // coverPhrase: see query.go.
  function coverPhrase(n, maxGram, inC) {
    function usable(i, j) {
      var member = j - i === 2 || inC(i, j - 1) || inC(i + 1, j);
      return member && (!inC(i, j) || j - i === maxGram);
    }
    var cover = [];
    for (var e = 0; e < n;) {
      var best = [-1, -1];
      for (var i = 0; i <= e && i < n; i++) {
        for (var j = Math.min(n, i + maxGram); j > e && j >= i + 2; j--) {
          if (usable(i, j)) { if (j > best[1]) best = [i, j]; break; }
        }
      }
      if (best[0] < 0) return null;
      cover.push(best); e = best[1];
    }
    return cover;
  }

  // Engine evaluates queries; load(name) resolves to the bytes of a file
  // named relative to the /search/ directory.
  function Engine(load) {
    this.loadRaw = load;
    this.files = {}; // name -> Promise<Uint8Array>
    this.fetched = {}; // name -> bytes, for tests
    this.dicts = {};
    this.meta = null;
  }

  Engine.prototype.load = function (name) {
    var self = this;
    if (!this.files[name]) {
      this.files[name] = Promise.resolve(this.loadRaw(name)).then(function (b) {
        self.fetched[name] = b.length; return b;
      });
    }
    return this.files[name];
  };

  Engine.prototype.open = function (metaName) {
    var self = this;
    return this.load(metaName).then(function (b) { self.meta = JSON.parse(text.decode(b)); return self; });
  };

  Engine.prototype.loadIndex = function (name) { return this.load(this.meta.dir + "/" + name); };

  Engine.prototype.dict = function (s) {
    var self = this;
    return this.loadIndex("c/" + s + ".bin").then(function (b) {
      if (self.dicts[s]) return self.dicts[s];
      var d = {}, r = new Reader(b), prev = new Uint8Array(0);
      for (var ord = 0; r.more(); ord++) {
        var p = r.uvarint(), suf = r.bytes(r.uvarint()), key = new Uint8Array(p + suf.length);
        key.set(prev.subarray(0, p)); key.set(suf, p);
        var df = r.uvarint(), flags = r.uvarint();
        d[text.decode(key)] = { shard: s, ord: ord, df: df, common: (flags & 1) !== 0, pos: (flags & 2) !== 0 };
        prev = key;
      }
      return (self.dicts[s] = d);
    });
  };

  // gram resolves to the postings of a gram (null if it is not indexed):
  // from its own files when it is listed (e is its entry), else from its
  // pack; with positions only if withPos.
  Engine.prototype.gram = function (key, e, withPos) {
    var k1 = this.meta.k1;
    if (e) {
      var name = "g/" + e.shard + "-" + e.ord;
      return Promise.all([this.loadIndex(name + ".bin"), withPos ? this.loadIndex(name + "p.bin") : null])
        .then(function (b) { return decodePostings(b[0], b[1], e.common && !e.pos, k1); });
    }
    return this.loadIndex("p/" + (fnv32(key) % this.meta.np) + ".bin").then(function (b) {
      var r = new Reader(b);
      while (r.more()) {
        var k = r.string();
        r.uvarint();
        var doc = r.bytes(r.uvarint()), pos = r.bytes(r.uvarint());
        if (k === key) return decodePostings(doc, withPos ? pos : null, false, k1);
      }
      return null;
    });
  };

  Engine.prototype.saturation = function (doc, tf, lenq) {
    var m = this.meta, w = m.w;
    var normB = 1 - m.b + (m.b * lenTable[lenq]) / this.kind(doc).avgB;
    var tfw = w[0] * tf[0] + w[1] * tf[1] + w[2] * tf[2] + (w[3] * tf[3]) / normB;
    return (tfw * (m.k1 + 1)) / (tfw + m.k1);
  };

  Engine.prototype.matches = function (ps) {
    var self = this;
    return ps.map(function (p) {
      return { doc: p.doc, sat: p.impact ? p.sat : self.saturation(p.doc, p.tf, p.lenq), seg: p.seg };
    });
  };

  // phrase resolves to the documents that contain the token sequence.
  Engine.prototype.phrase = function (keys) {
    var self = this, m = this.meta, n = keys.length, texts = keys.map(keyText);
    function key(i, j) { return texts.slice(i, j).join(""); }
    var shards = [];
    for (var i = 0; i === 0 || i + 1 < n; i++) shards.push(this.dict(fnv32(key(i, Math.min(n, i + 2))) % m.dc));
    return Promise.all(shards).then(function (ds) {
      var listed = {};
      ds.forEach(function (d) { for (var k in d) listed[k] = d[k]; });
      function entry(i, j) { var k = key(i, j); return Object.prototype.hasOwnProperty.call(listed, k) ? listed[k] : null; }
      function inC(i, j) { var e = entry(i, j); return !!e && e.common; }
      var cover;
      if (n === 1 || (n <= m.maxGram && inC(0, n))) cover = [[0, n]];
      else if (!(cover = coverPhrase(n, m.maxGram, inC))) return [];
      if (cover.length === 1) {
        return self.gram(key(0, n), entry(0, n), false).then(function (ps) { return ps ? self.matches(ps) : []; });
      }
      return Promise.all(cover.map(function (iv) {
        return self.gram(key(iv[0], iv[1]), entry(iv[0], iv[1]), true);
      })).then(function (lists) {
        if (lists.indexOf(null) >= 0) return [];
        return self.verify(cover, lists);
      });
    });
  };

  Engine.prototype.verify = function (cover, lists) {
    var self = this, seg = this.meta.seg, index = lists.map(function (l) {
      var x = new Map(); l.forEach(function (p) { x.set(p.doc, p); }); return x;
    });
    var out = [];
    lists[0].forEach(function (p0) {
      var others = [];
      for (var c = 1; c < lists.length; c++) { others[c] = index[c].get(p0.doc); if (!others[c]) return; }
      var tf = [0, 0, 0, 0], first = -1;
      for (var f = 0; f < 4; f++) {
        p0.pos[f].forEach(function (p) {
          for (var c = 1; c < lists.length; c++) if (!has(others[c].pos[f], p + cover[c][0])) return;
          tf[f]++;
          if (f === 3 && first < 0) first = p;
        });
      }
      if (tf[0] + tf[1] + tf[2] + tf[3] === 0) return;
      out.push({ doc: p0.doc, sat: self.saturation(p0.doc, tf, p0.lenq), seg: p0.hasSeg && first >= 0 ? Math.floor(first / seg) : 0 });
    });
    return out;
  };

  Engine.prototype.score = function (mt, df) {
    var n = this.meta.n, idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    return this.kind(mt.doc).boost * idf * mt.sat;
  };

  Engine.prototype.kind = function (doc) {
    var ks = this.meta.kinds;
    for (var i = 0; i < ks.length; i++) if (doc >= ks[i].s && doc < ks[i].e) return ks[i];
    return { boost: 1, avgB: 1 };
  };

  // search resolves to {hits: [{doc, score, seg}], phrases: [[alternative keys]]}.
  Engine.prototype.search = function (q) {
    var self = this, m = this.meta;
    var phrases = parseQuery(q);
    var alts = phrases.map(function (p) { return expand(p, m.syn || [], m.sw); });
    return Promise.all(alts.map(function (as) {
      return Promise.all(as.map(function (a) { return self.phrase(a.keys); }));
    })).then(function (results) {
      var total = new Map();
      results.forEach(function (perAlt, pi) {
        var best = new Map();
        perAlt.forEach(function (ms, ai) {
          ms.forEach(function (mt) {
            var s = alts[pi][ai].weight * self.score(mt, ms.length), cur = best.get(mt.doc);
            if (!cur || s > cur.score) best.set(mt.doc, { doc: mt.doc, score: s, seg: mt.seg });
          });
        });
        best.forEach(function (h, d) {
          var t = total.get(d);
          if (t) t.score += h.score; else total.set(d, { doc: d, score: h.score, seg: h.seg });
        });
      });
      var hits = Array.from(total.values());
      hits.forEach(function (h) { h.score = Math.round(h.score * 1e6) / 1e6; });
      hits.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
      return { hits: hits, phrases: alts.map(function (as) { return as.map(function (a) { return a.keys; }); }) };
    });
  };

  // fragment resolves to what the list shows for a hit.
  Engine.prototype.fragment = function (h) {
    var self = this;
    return Promise.all([
      this.loadIndex("d/" + h.doc + ".json"),
      h.seg > 0 ? this.loadIndex("d/" + h.doc + "-" + h.seg + ".json") : null
    ]).then(function (b) {
      var f = JSON.parse(text.decode(b[0]));
      f.text = b[1] ? JSON.parse(text.decode(b[1])) : f.b;
      f.doc = h.doc;
      return f;
    });
  };

  /* ---------- results list ---------- */

  // matches returns the sorted, merged [start, end) ranges of s where any
  // of the phrases occurs.
  function matches(s, phrases) {
    var toks = tokenize(s, false), ranges = [];
    phrases.forEach(function (keys) {
      for (var i = 0; i + keys.length <= toks.length; i++) {
        var ok = true;
        for (var k = 0; k < keys.length && ok; k++) {
          ok = toks[i + k].key === keys[k] && (k === 0 || toks[i + k].pos === toks[i + k - 1].pos + 1);
        }
        if (ok) ranges.push([toks[i].start, toks[i + keys.length - 1].end]);
      }
    });
    ranges.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    var out = [];
    ranges.forEach(function (r) {
      var last = out[out.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]); else out.push(r.slice());
    });
    return out;
  }

  // marked appends s[from, to) to el, with <mark> around the ranges.
  function marked(el, s, ranges, from, to) {
    var at = from;
    ranges.forEach(function (r) {
      var a = Math.max(r[0], from), b = Math.min(r[1], to);
      if (a >= b || a < at) return;
      el.appendChild(document.createTextNode(s.slice(at, a)));
      var m = document.createElement("mark");
      m.textContent = s.slice(a, b);
      el.appendChild(m);
      at = b;
    });
    el.appendChild(document.createTextNode(s.slice(at, to)));
  }

  function snippet(el, f, phrases) {
    var s = f.text || "", rs = matches(s, phrases);
    if (!rs.length && f.s) {
      var rs2 = matches(f.s, phrases);
      if (rs2.length || !s) { s = f.s; rs = rs2; }
    }
    var from = 0, to = Math.min(s.length, 110);
    if (rs.length && rs[0][1] > 80) {
      from = Math.max(0, rs[0][0] - 30);
      to = Math.min(s.length, from + 110);
    }
    if (from > 0 && s.charCodeAt(from) >= 0xdc00 && s.charCodeAt(from) <= 0xdfff) from--;
    if (to < s.length && s.charCodeAt(to) >= 0xdc00 && s.charCodeAt(to) <= 0xdfff) to++;
    if (from > 0) el.appendChild(document.createTextNode("…"));
    marked(el, s, rs, from, to);
    if (to < s.length) el.appendChild(document.createTextNode("…"));
  }

  function el(tag, cls, txt) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (txt != null) e.textContent = txt;
    return e;
  }

  function boot() {
    var box = document.getElementById("search-results");
    var q = new URLSearchParams(location.search).get("q") || "";
    document.querySelectorAll('input[name="q"]').forEach(function (i) { if (!i.value) i.value = q; });
    if (!box || !q.trim()) return;
    var base = new URL(".", SCRIPT || location.href), root = new URL("../", base);
    var engine = new Engine(function (name) {
      return fetch(new URL(name, base)).then(function (r) {
        if (!r.ok) throw new Error(r.status + " " + name);
        return r.arrayBuffer();
      }).then(function (b) { return new Uint8Array(b); });
    });
    box.setAttribute("aria-busy", "true");
    box.textContent = "正在搜索……";
    document.title = q + " - " + document.title;
    engine.open(META).then(function (e) { return e.search(q); }).then(function (res) {
      // The page's own status line (#search-status), or one of ours.
      var status = document.getElementById("search-status");
      var own = !status;
      if (own) {
        status = el("p", "search-status");
        status.setAttribute("role", "status");
      }
      function done(msg) {
        box.textContent = "";
        box.removeAttribute("aria-busy");
        status.textContent = msg;
        if (own) box.appendChild(status);
      }
      if (!res.hits.length) {
        done("没有找到包含“" + q + "”的内容。请换一个说法，或者少输几个字再试。");
        return;
      }
      var list = el("ol", "search-list"), more = el("button", "search-more", "显示更多结果"), shown = 0;
      more.type = "button";
      var phrases = [].concat.apply([], res.phrases);
      function page() {
        var batch = res.hits.slice(shown, shown + SHOW);
        shown += batch.length;
        more.disabled = true;
        return Promise.all(batch.map(function (h) { return engine.fragment(h); })).then(function (fs) {
          fs.forEach(function (f) {
            var li = el("li", "search-hit"), a = el("a");
            a.href = new URL(f.u.replace(/^\//, ""), root).href;
            marked(a, f.t, matches(f.t, phrases), 0, f.t.length);
            li.appendChild(a);
            if (f.d) li.appendChild(el("p", "search-dept", f.d));
            var sn = el("p", "search-snippet");
            snippet(sn, f, phrases);
            li.appendChild(sn);
            list.appendChild(li);
          });
          more.disabled = false;
          if (shown >= res.hits.length && more.parentNode) more.parentNode.removeChild(more);
        });
      }
      more.addEventListener("click", page);
      // Show the count and the first results together.
      return page().then(function () {
        done("找到 " + res.hits.length + " 条结果");
        box.appendChild(list);
        if (res.hits.length > SHOW) box.appendChild(more);
      });
    }).catch(function (err) {
      box.removeAttribute("aria-busy");
      box.textContent = "搜索暂时不可用，请稍后再试。";
      if (window.console) console.error(err);
    });
  }

  var api = { tokenize: tokenize, parseQuery: parseQuery, expand: expand, fnv32: fnv32, Engine: Engine, matches: matches };
  if (typeof module === "object" && module.exports) module.exports = api;
  else if (typeof document !== "undefined") {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", boot);
    else boot();
  }
})();

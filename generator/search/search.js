/* Site search: reads ?q=, reads only the byte ranges of the index packs
   that the query needs (whole packs where a server ignores Range) and
   lists the results in #search-results. Plain JavaScript, no framework,
   no inline styles. The tokenizer and the query evaluation mirror
   generator/search (tokenize.go) and generator/search/searchtest
   (reader.go, query.go); Go tests run this file under node and compare. */
(function () {
  "use strict";

  var META = "__META__"; // replaced by the meta file name at build time
  var SHOW = 10; // results per page of the list
  var ECHO = 40; // characters of the query the status line repeats
  var PART_CHECKS = 64; // phrase evaluations of the partial step
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
  function same(a, b) {
    if (a.length !== b.length) return false;
    for (var i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }

  var utf8 = new TextEncoder(), text = new TextDecoder();
  function fnv32(s) {
    var b = utf8.encode(s), h = 0x811c9dc5;
    for (var i = 0; i < b.length; i++) { h ^= b[i]; h = Math.imul(h, 16777619) >>> 0; }
    return h >>> 0;
  }
  function shardOf(first2, n) { return fnv32(first2) % n; }
  function bucketOf(key, n) { return (fnv32(key) >>> 16) % n; }

  var lenTable = [];
  for (var q = 0; q < 256; q++) lenTable[q] = q < 64 ? q : lenTable[q - 1] + (lenTable[q - 1] >> 4);

  /* ---------- synonyms and question words (reader.go, query.go) ---------- */

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

  // questionMarks marks the tokens of p that belong to a question word,
  // longest word first, left to right.
  function questionMarks(p, words) {
    var marks = p.map(function () { return false; });
    for (var i = 0; i < p.length;) {
      var n = 0;
      words.forEach(function (w) {
        if (w.length > n && i + w.length <= p.length && same(p.slice(i, i + w.length), w)) n = w.length;
      });
      for (var k = i; k < i + n; k++) marks[k] = true;
      i += Math.max(n, 1);
    }
    return marks;
  }

  // withoutQuestions cuts the phrases at their question words and drops
  // single Han characters left over.
  function withoutQuestions(phrases, marks) {
    var out = [], changed = false;
    phrases.forEach(function (p, i) {
      for (var lo = 0; lo < p.length;) {
        if (marks[i][lo]) { changed = true; lo++; continue; }
        var hi = lo;
        while (hi < p.length && !marks[i][hi]) hi++;
        if (hi - lo >= 2 || isWordKey(p[lo])) out.push(p.slice(lo, hi)); else changed = true;
        lo = hi;
      }
    });
    return { pieces: out, changed: changed };
  }

  /* ---------- index data (internal/format) ---------- */

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
  Reader.prototype.byte = function () {
    if (this.off >= this.b.length) throw new Error("corrupt index");
    return this.b[this.off++];
  };
  Reader.prototype.bytes = function (n) {
    if (this.off + n > this.b.length) throw new Error("corrupt index");
    var s = this.b.subarray(this.off, this.off + n); this.off += n; return s;
  };
  // prefixed reads a key written after prev (bytes): the length of the
  // prefix they share, then the rest. It returns the key's bytes.
  Reader.prototype.prefixed = function (prev) {
    var p = this.uvarint(), suf = this.bytes(this.uvarint()), key = new Uint8Array(p + suf.length);
    if (p > prev.length) throw new Error("corrupt index");
    key.set(prev.subarray(0, p)); key.set(suf, p);
    return key;
  };

  var COMMON = 1, POS = 2, BITMAP = 4, NIBBLE = 8;

  function decodeIDs(r, df, bitmap) {
    var ids = [], i, d;
    if (!bitmap) {
      for (i = 0, d = 0; i < df; i++) { d += r.uvarint(); ids.push(d); }
      return ids;
    }
    var base = r.uvarint(), bm = r.bytes(r.uvarint());
    for (i = 0; i < bm.length; i++) {
      for (var c = bm[i], k = 0; c; k++, c >>= 1) if (c & 1) ids.push(base + 8 * i + k);
    }
    return ids;
  }

  // decodePostings: see format.DecodePostings.
  function decodePostings(doc, pos, df, flags, k1) {
    var r = new Reader(doc), ids = decodeIDs(r, df, flags & BITMAP), out = [];
    var impact = (flags & COMMON) !== 0 && (flags & POS) === 0;
    if (flags & NIBBLE) {
      var nb = r.bytes((ids.length + 1) >> 1);
      ids.forEach(function (id, i) {
        var q = (nb[i >> 1] >> (4 * (i & 1))) & 15;
        out.push({ doc: id, tf: [0, 0, 0, 0], lenq: 0, sat: (q * (k1 + 1)) / 15, impact: true, hasSeg: false, seg: 0, pos: null });
      });
      return out;
    }
    ids.forEach(function (id) {
      var p = { doc: id, tf: [0, 0, 0, 0], lenq: 0, sat: 0, impact: impact, hasSeg: false, seg: 0, pos: null };
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
    });
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

  // coverPhrase: see searchtest.coverPhrase.
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

  function sortHits(hits) {
    hits.forEach(function (h) { h.score = Math.round(h.score * 1e6) / 1e6; });
    return hits.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
  }

  function u32(b, i) { return (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16)) + b[i + 3] * 0x1000000; }

  /* ---------- the engine (searchtest/reader.go, query.go) ---------- */

  // Engine evaluates queries. load(name, start, end) resolves to
  // {bytes, whole}: the bytes [start, end) of a file named relative to the
  // /search/ directory, or (start undefined, or whole set when a server
  // ignored the range) the whole file.
  function Engine(load) {
    this.loadRaw = load;
    this.reqs = {}; // request -> Promise<Uint8Array>
    this.packs = {}; // pack -> Promise<whole pack>, once Range is refused
    this.noRange = false;
    this.fetched = {}; // request -> bytes, for tests
    this.dicts = {};
    this.buckets = {};
    this.meta = null;
  }

  Engine.prototype.open = function (metaName) {
    var self = this;
    return Promise.resolve(this.loadRaw(metaName)).then(function (r) {
      self.meta = JSON.parse(text.decode(r.bytes));
      self.starts = [];
      for (var i = 0, at = 0; i < self.meta.packs.length; i++) { self.starts.push(at); at += self.meta.packs[i]; }
      return self;
    });
  };

  // whole resolves to pack k, fetched once.
  Engine.prototype.whole = function (k, name) {
    var self = this;
    if (!this.packs[k]) {
      this.packs[k] = Promise.resolve(this.loadRaw(this.meta.dir + "/" + name)).then(function (r) {
        self.fetched[name] = r.bytes.length;
        return r.bytes;
      });
    }
    return this.packs[k];
  };

  // range resolves to the n bytes at global offset off.
  Engine.prototype.range = function (off, n) {
    var self = this, lo = 0, hi = this.starts.length;
    if (n === 0) return Promise.resolve(new Uint8Array(0));
    while (lo < hi) { var mid = (lo + hi) >> 1; if (this.starts[mid] <= off) lo = mid + 1; else hi = mid; }
    var k = lo - 1, name = k + ".bin", local = off - this.starts[k];
    if (k < 0 || local + n > this.meta.packs[k]) return Promise.reject(new Error("corrupt index"));
    function slice(b) { return b.subarray(local, local + n); }
    if (this.noRange || this.packs[k]) return this.whole(k, name).then(slice);
    var key = name + "@" + local + "+" + n;
    if (!this.reqs[key]) {
      this.reqs[key] = Promise.resolve(this.loadRaw(this.meta.dir + "/" + name, local, local + n)).then(function (r) {
        if (r.whole) { // the server sent the whole pack: keep it, ask for whole packs from now on
          self.noRange = true;
          self.packs[k] = self.packs[k] || Promise.resolve(r.bytes);
          self.fetched[name] = r.bytes.length;
          return slice(r.bytes);
        }
        if (r.bytes.length !== n) throw new Error("bad range " + key);
        self.fetched[key] = n;
        return r.bytes;
      });
    }
    return this.reqs[key];
  };

  // dict resolves to dictionary shard s: {bucket: [[off, n]], listed}.
  Engine.prototype.dict = function (s) {
    var m = this.meta;
    if (!this.dicts[s]) {
      var off = m.dict[0];
      for (var i = 1; i <= s; i++) off += m.dict[i];
      this.dicts[s] = this.range(off, m.dict[s + 1]).then(function (b) {
        var r = new Reader(b), d = { bucket: [], listed: {} }, at = r.uvarint(), prev = new Uint8Array(0);
        for (var k = 0; k < m.sub; k++) { var n = r.uvarint(); d.bucket.push([at, n]); at += n; }
        while (r.more()) {
          var key = r.prefixed(prev), e = { df: r.uvarint(), flags: r.uvarint(), off: r.uvarint(), docLen: r.uvarint(), posLen: 0 };
          if (e.flags & POS) e.posLen = r.uvarint();
          d.listed[text.decode(key)] = e;
          prev = key;
        }
        return d;
      });
    }
    return this.dicts[s];
  };

  // bucket resolves to rare bucket k of shard s: key -> {df, flags, docs, pos}.
  Engine.prototype.bucket = function (s, k) {
    var self = this, id = s + ":" + k;
    if (!this.buckets[id]) {
      this.buckets[id] = this.dict(s).then(function (d) { return self.range(d.bucket[k][0], d.bucket[k][1]); }).then(function (b) {
        var r = new Reader(b), out = {}, prev = new Uint8Array(0);
        while (r.more()) {
          var key = r.prefixed(prev), e = { df: r.uvarint(), flags: r.uvarint(), docs: null, pos: null };
          e.docs = r.bytes(r.uvarint());
          if (e.flags & POS) e.pos = r.bytes(r.uvarint());
          out[text.decode(key)] = e;
          prev = key;
        }
        return out;
      });
    }
    return this.buckets[id];
  };

  function own(o, k) { return Object.prototype.hasOwnProperty.call(o, k) ? o[k] : null; }

  // indexed resolves to whether a gram is indexed, without its postings.
  Engine.prototype.indexed = function (key, first2) {
    var self = this, s = shardOf(first2, this.meta.dict.length - 1);
    return this.dict(s).then(function (d) {
      if (own(d.listed, key)) return true;
      return self.bucket(s, bucketOf(key, self.meta.sub)).then(function (b) { return !!own(b, key); });
    });
  };

  // gram resolves to the postings of a gram (null if it is not indexed):
  // from its own range when it is listed, else from its rare bucket; with
  // positions only if withPos.
  Engine.prototype.gram = function (key, first2, withPos) {
    var self = this, m = this.meta, s = shardOf(first2, m.dict.length - 1);
    return this.dict(s).then(function (d) {
      var e = own(d.listed, key);
      if (e) {
        return self.range(e.off, e.docLen + (withPos ? e.posLen : 0)).then(function (b) {
          return decodePostings(b.subarray(0, e.docLen), withPos ? b.subarray(e.docLen) : null, e.df, e.flags, m.k1);
        });
      }
      return self.bucket(s, bucketOf(key, m.sub)).then(function (b) {
        var x = own(b, key);
        return x ? decodePostings(x.docs, withPos ? x.pos : null, x.df, x.flags, m.k1) : null;
      });
    });
  };

  Engine.prototype.kind = function (doc) {
    var ks = this.meta.kinds;
    for (var i = 0; i < ks.length; i++) if (doc >= ks[i].s && doc < ks[i].e) return ks[i];
    return { boost: 1, avgB: 1 };
  };

  Engine.prototype.saturation = function (doc, tf, lenq) {
    var m = this.meta, w = m.w;
    var normB = 1 - m.b + (m.b * lenTable[lenq]) / this.kind(doc).avgB;
    var tfw = w[0] * tf[0] + w[1] * tf[1] + w[2] * tf[2] + (w[3] * tf[3]) / normB;
    return (tfw * (m.k1 + 1)) / (tfw + m.k1);
  };

  Engine.prototype.score = function (mt, df) {
    var n = this.meta.n, idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    return this.kind(mt.doc).boost * idf * mt.sat;
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
    function first2(iv) { return key(iv[0], Math.min(iv[1], iv[0] + 2)); }
    var shards = [];
    for (var i = 0; i === 0 || i + 1 < n; i++) shards.push(this.dict(shardOf(key(i, Math.min(n, i + 2)), m.dict.length - 1)));
    return Promise.all(shards).then(function (ds) {
      var listed = {};
      ds.forEach(function (d) { for (var k in d.listed) listed[k] = d.listed[k]; });
      function inC(i, j) { var e = own(listed, key(i, j)); return !!e && (e.flags & COMMON) !== 0; }
      var cover;
      if (n === 1 || (n <= m.maxGram && inC(0, n))) cover = [[0, n]];
      else if (!(cover = coverPhrase(n, m.maxGram, inC))) return [];
      if (cover.length === 1) {
        return self.gram(key(0, n), first2(cover[0]), false).then(function (ps) { return ps ? self.matches(ps) : []; });
      }
      return Promise.all(cover.map(function (iv) {
        return self.gram(key(iv[0], iv[1]), first2(iv), true);
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

  // phraseScores resolves to each document's best weighted score for a
  // phrase or one of its synonyms: {best: Map doc -> hit, docs, alts}.
  Engine.prototype.phraseScores = function (p) {
    var self = this, alts = expand(p, this.meta.syn || [], this.meta.sw);
    return Promise.all(alts.map(function (a) { return self.phrase(a.keys); })).then(function (lists) {
      var best = new Map(), docs = [];
      lists.forEach(function (ms, ai) {
        ms.forEach(function (mt) {
          var s = alts[ai].weight * self.score(mt, ms.length), cur = best.get(mt.doc);
          if (!cur) docs.push(mt.doc);
          if (!cur || s > cur.score) best.set(mt.doc, { doc: mt.doc, score: s, seg: mt.seg });
        });
      });
      return { best: best, docs: docs, alts: alts.map(function (a) { return a.keys; }) };
    });
  };

  // all resolves to the documents that hold every phrase, scores added up
  // in phrase order.
  Engine.prototype.all = function (phrases) {
    var self = this;
    return Promise.all(phrases.map(function (p) { return self.phraseScores(p); })).then(function (per) {
      var hits = [], out = [];
      per.forEach(function (sc) { out.push.apply(out, sc.alts); });
      per[0].docs.forEach(function (d) {
        var b = per[0].best.get(d), h = { doc: d, score: b.score, seg: b.seg };
        for (var i = 1; i < per.length; i++) {
          var x = per[i].best.get(d);
          if (!x) return;
          h.score += x.score;
        }
        hits.push(h);
      });
      return { hits: sortHits(hits), partial: false, phrases: out };
    });
  };

  // occurs resolves to whether keys, or one of its synonyms, occurs; each
  // evaluation costs one of budget.n, in order.
  Engine.prototype.occurs = async function (keys, budget) {
    var alts = expand(keys, this.meta.syn || [], this.meta.sw);
    for (var i = 0; i < alts.length; i++) {
      if (budget.n <= 0) return false;
      budget.n--;
      if ((await this.phrase(alts[i].keys)).length) return true;
    }
    return false;
  };

  // partEnds lists, longest first, the ends j of the pieces [i, j) of p
  // worth checking: where every adjacent pair of the piece is indexed, or
  // where a synonym source that starts at i ends.
  Engine.prototype.partEnds = function (p, pair, i) {
    var out = [], j;
    (this.meta.syn || []).forEach(function (m) {
      j = i + m.f.length;
      if (j <= p.length && same(p.slice(i, j), m.f)) out.push(j);
    });
    for (j = i + 1; j < p.length && pair[j - 1];) j++;
    for (; j >= i + 2; j--) out.push(j);
    if (isWordKey(p[i])) out.push(i + 1);
    out.sort(function (a, b) { return b - a; });
    return out.filter(function (x, k) { return k === 0 || x !== out[k - 1]; });
  };

  // parts resolves to, for each start, the longest piece of phrase p that
  // occurs (see searchtest: parts).
  Engine.prototype.parts = async function (pi, p, marks, budget) {
    var self = this, pair = await Promise.all(p.slice(1).map(function (k, i) {
      var g = gramKey([p[i], k]);
      return self.indexed(g, g);
    }));
    var out = [];
    for (var i = 0; i < p.length; i++) {
      var ends = this.partEnds(p, pair, i);
      for (var e = 0; e < ends.length; e++) {
        var j = ends[e];
        if (marks.slice(i, j).indexOf(false) < 0) continue;
        if (await this.occurs(p.slice(i, j), budget)) { out.push({ p: pi, i: i, j: j }); break; }
      }
    }
    return out;
  };

  // partial resolves to the documents that hold the phrases' longest
  // parts, ranked by the share of the tokens (question words aside) their
  // parts cover times their scores.
  Engine.prototype.partial = async function (phrases, marks) {
    var self = this, budget = { n: PART_CHECKS }, parts = [], offsets = [0];
    for (var pi = 0; pi < phrases.length; pi++) {
      parts = parts.concat(await this.parts(pi, phrases[pi], marks[pi], budget));
      offsets.push(offsets[pi] + phrases[pi].length);
    }
    if (!parts.length) return { hits: [], partial: true, phrases: [] };
    var per = await Promise.all(parts.map(function (pt) { return self.phraseScores(phrases[pt.p].slice(pt.i, pt.j)); }));
    // A part found in more than half the pages covers nothing, unless all
    // are. A token weighs the idf of the rarest part that covers it; one
    // that no part covers, the idf of the rarest part.
    var n = this.meta.n, counts = per.map(function (sc) { return 2 * sc.docs.length <= n; });
    var anySpecific = counts.indexOf(true) >= 0, weight = [], rarest = 0, total = 0;
    for (var t = 0; t < offsets[phrases.length]; t++) weight.push(0);
    parts.forEach(function (pt, k) {
      if (!(counts[k] = counts[k] || !anySpecific)) return;
      var df = per[k].docs.length, idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      rarest = Math.max(rarest, idf);
      for (var t = pt.i; t < pt.j; t++) weight[offsets[pt.p] + t] = Math.max(weight[offsets[pt.p] + t], idf);
    });
    marks.forEach(function (mk, pi) {
      mk.forEach(function (q, t) {
        var w = weight[offsets[pi] + t];
        if (!q && w > 0) total += w; else if (!q) total += rarest;
      });
    });
    var docs = new Map(), order = [], out = [];
    per.forEach(function (sc, k) {
      var pt = parts[k];
      out.push.apply(out, sc.alts);
      sc.docs.forEach(function (d) {
        var h = sc.best.get(d), x = docs.get(d);
        if (!x) { x = { hit: { doc: d, score: 0, seg: h.seg }, covered: [] }; docs.set(d, x); order.push(d); }
        x.hit.score += h.score;
        if (counts[k]) for (var t = pt.i; t < pt.j; t++) x.covered[offsets[pt.p] + t] = true;
      });
    });
    var hits = [];
    order.forEach(function (d) {
      var x = docs.get(d), cov = 0;
      marks.forEach(function (mk, pi) { mk.forEach(function (q, t) { if (!q && x.covered[offsets[pi] + t]) cov += weight[offsets[pi] + t]; }); });
      if (cov > 0) {
        cov /= total;
        x.hit.score = cov * cov * x.hit.score;
        hits.push(x.hit);
      }
    });
    return { hits: sortHits(hits), partial: true, phrases: out };
  };

  // search resolves to {hits: [{doc, score, seg}], partial, phrases}: the
  // pages with every phrase of q; else with every phrase cut at its
  // question words; else with the longest parts (partial).
  Engine.prototype.search = async function (q) {
    var m = this.meta, phrases = parseQuery(q);
    if (!phrases.length) return { hits: [], partial: false, phrases: [] };
    var marks = phrases.map(function (p) { return questionMarks(p, m.q); });
    var content = phrases.filter(function (p, i) { return marks[i].indexOf(false) >= 0; });
    var a = await this.all(content.length ? content : phrases);
    if (a.hits.length) return a;
    var w = withoutQuestions(phrases, marks);
    if (w.changed && w.pieces.length) {
      a = await this.all(w.pieces);
      if (a.hits.length) return a;
    }
    return this.partial(phrases, marks);
  };

  // fragment resolves to what the list shows for a hit: {u, t, d, text,
  // s}, text being the body or the segment of the first body match, s the
  // summary, read only when text shows none of the phrases.
  Engine.prototype.fragment = async function (h, phrases) {
    var m = this.meta, t = await this.range(m.docs + 12 * h.doc, 16);
    var start = u32(t, 0), body = u32(t, 4), summary = u32(t, 8), end = u32(t, 12), f, b;
    if (summary - body <= m.whole) {
      b = await this.range(start, summary - start);
      f = JSON.parse(text.decode(b.subarray(0, body - start)));
      f.text = text.decode(b.subarray(body - start));
    } else {
      f = JSON.parse(text.decode(await this.range(start, body - start)));
      var k = Math.min(h.seg, f.o.length / 2 - 1);
      f.text = text.decode(await this.range(body + f.o[2 * k], f.o[2 * k + 1] - f.o[2 * k]));
    }
    if (end > summary && !matches(f.text, phrases).length) f.s = text.decode(await this.range(summary, end - summary));
    f.doc = h.doc;
    return f;
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

  // echo is the query as the status line repeats it: control, format and
  // bidirectional characters dropped, white space folded, at most ECHO
  // characters. The status line adds it as text, inside quotes, after
  // "搜索：", so a crafted link cannot make it read as a notice.
  function echo(q) {
    var chars = Array.from(q.replace(/[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g, " ")
      .replace(/\s+/g, " ").trim());
    return chars.length > ECHO ? chars.slice(0, ECHO).join("") + "…" : chars.join("");
  }

  // statusText is the status line of a search of q.
  function statusText(q, res) {
    var head = "搜索：“" + echo(q) + "”";
    if (!res.hits.length) return head + "，没有找到相关内容。请换一个说法，或者少输几个字再试。";
    if (res.partial) return head + "，没有找到完全一致的内容，以下是部分匹配（" + res.hits.length + " 条）";
    return head + "，找到 " + res.hits.length + " 条结果";
  }

  // rangeLoader fetches files relative to base with HTTP Range requests.
  function rangeLoader(base) {
    return function (name, start, end) {
      var opts = start === undefined ? {} : { headers: { Range: "bytes=" + start + "-" + (end - 1) } };
      return fetch(new URL(name, base), opts).then(function (r) {
        if (!r.ok) throw new Error(r.status + " " + name);
        var whole = start === undefined || r.status !== 206;
        return r.arrayBuffer().then(function (b) { return { bytes: new Uint8Array(b), whole: whole }; });
      });
    };
  }

  function boot() {
    var box = document.getElementById("search-results");
    var q = (new URLSearchParams(location.search).get("q") || "").slice(0, 200);
    document.querySelectorAll('input[name="q"]').forEach(function (i) { if (!i.value) i.value = q; });
    if (!box || !q.trim()) return;
    var base = new URL(".", SCRIPT || location.href), root = new URL("../", base);
    var engine = new Engine(rangeLoader(base));
    box.setAttribute("aria-busy", "true");
    box.textContent = "正在搜索……";
    document.title = "搜索：" + echo(q) + " - " + document.title;
    engine.open(META).then(function (e) { return e.search(q); }).then(function (res) {
      // The page's own status line (#search-status), or one of ours.
      var status = document.getElementById("search-status");
      var own = !status;
      if (own) {
        status = el("p", "search-status");
        status.setAttribute("role", "status");
      }
      function done() {
        box.textContent = "";
        box.removeAttribute("aria-busy");
        status.textContent = statusText(q, res);
        status.classList.toggle("search-partial", res.partial && res.hits.length > 0);
        if (own) box.appendChild(status);
      }
      if (!res.hits.length) {
        done();
        return;
      }
      var list = el("ol", "search-list"), more = el("button", "search-more", "显示更多结果"), shown = 0;
      more.type = "button";
      function page() {
        var batch = res.hits.slice(shown, shown + SHOW);
        shown += batch.length;
        more.disabled = true;
        return Promise.all(batch.map(function (h) { return engine.fragment(h, res.phrases); })).then(function (fs) {
          fs.forEach(function (f) {
            var li = el("li", "search-hit"), a = el("a");
            a.href = new URL(f.u.replace(/^\//, ""), root).href;
            marked(a, f.t, matches(f.t, res.phrases), 0, f.t.length);
            li.appendChild(a);
            if (f.d) li.appendChild(el("p", "search-dept", f.d));
            var sn = el("p", "search-snippet");
            snippet(sn, f, res.phrases);
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
        done();
        box.appendChild(list);
        if (res.hits.length > SHOW) box.appendChild(more);
      });
    }).catch(function (err) {
      box.removeAttribute("aria-busy");
      box.textContent = "搜索暂时不可用，请稍后再试。";
      if (window.console) console.error(err);
    });
  }

  var api = {
    tokenize: tokenize, parseQuery: parseQuery, expand: expand, fnv32: fnv32, Engine: Engine, matches: matches,
    questionMarks: questionMarks, echo: echo, statusText: statusText
  };
  if (typeof module === "object" && module.exports) module.exports = api;
  else if (typeof document !== "undefined") {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", boot);
    else boot();
  }
})();

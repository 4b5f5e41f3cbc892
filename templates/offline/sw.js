// The service worker: the portal offline after one visit.
//
// The build writes this file to /sw.js with, above this text, BUILD: the
// name of this build's cache (keyed by the hashes of the files it keeps)
// and core, the calculator (page, scripts, WebAssembly, parameters) and
// what every page needs. A new build is a new sw.js; when it takes over,
// the caches of other builds are deleted, so the kept parameters are
// always those of the pages' own build.
//
// Pages: from the network, a copy kept (so every page a resident opened
// opens again offline); offline, the kept copy (the calculator's answers
// are in its URL's query, which the kept page reads). Content-named files
// (/assets/, /search/): from the cache, else the network. Nothing is
// fetched from anywhere but the site.
'use strict';
/* global BUILD */

self.addEventListener('install', function (e) {
  e.waitUntil(caches.open(BUILD.cache).then(function (c) {
    return c.addAll(BUILD.core);
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (e) {
  e.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) {
      return k !== BUILD.cache && k.indexOf(BUILD.prefix) === 0;
    }).map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

// A page asks for itself to be kept (its first visit, before this worker
// controlled it); the reply says it is.
self.addEventListener('message', function (e) {
  var path = e.data && e.data.keep;
  if (typeof path !== 'string' || path.charAt(0) !== '/' || path.charAt(1) === '/') return;
  var reply = function (ok) { if (e.source) e.source.postMessage({ kept: path, ok: ok }); };
  e.waitUntil(caches.open(BUILD.cache).then(function (c) {
    return c.match(path).then(function (hit) {
      return hit || fetch(path).then(function (r) { if (r.ok) return c.put(path, r); });
    });
  }).then(function () { reply(true); }, function () { reply(false); }));
});

self.addEventListener('fetch', function (e) {
  var req = e.request;
  if (req.method !== 'GET') return;
  var url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  if (req.mode === 'navigate') {
    e.respondWith(page(req, url.pathname));
  } else if (/^\/(assets|search)\//.test(url.pathname)) {
    e.respondWith(cacheFirst(req));
  }
});

// cacheFirst answers a content-named file from the cache, else fetches
// and keeps it.
function cacheFirst(req) {
  return caches.open(BUILD.cache).then(function (c) {
    return c.match(req).then(function (hit) {
      return hit || fetch(req).then(function (r) {
        if (r.ok) c.put(req, r.clone());
        return r;
      });
    });
  });
}

// page fetches a page and keeps a copy under its path (the query, such as
// the calculator's answers, is read by the page itself); offline it
// answers with the copy, or says plainly that the page was not kept.
function page(req, path) {
  return caches.open(BUILD.cache).then(function (c) {
    return fetch(req).then(function (r) {
      if (r.ok && r.type === 'basic') c.put(path, r.clone());
      return r;
    }, function () {
      return c.match(path).then(function (hit) {
        return hit || new Response('<!DOCTYPE html><html lang="zh-CN"><meta charset="utf-8"><title>没有网络</title>' +
          '<meta name="viewport" content="width=device-width, initial-scale=1"><h1>没有网络</h1>' +
          '<p>这一页没有在本机保存过，要等有网络时才能打开。打开过的页面和<a href="/calculator/">待遇计算器</a>没有网络也能用。</p>',
          { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
      });
    });
  });
}

// Web Worker of the calculator page. It loads the rules of calc/, compiled
// to WebAssembly, off the page's thread, and answers
//   {id, facts, date}  with  {id, ok: true, value}  or  {id, ok: false, error}.
// The first message, {init: {wasmExec, wasm, params}}, names the assets.
// No rule is written here: every answer comes from the WebAssembly.
'use strict';

let ready = null;

self.onmessage = function (e) {
  const m = e.data;
  if (m.init) {
    ready = load(m.init);
    ready.then(
      function () { self.postMessage({ ready: true }); },
      function (err) { self.postMessage({ ready: false, error: String(err && err.message || err) }); });
    return;
  }
  if (!ready) {
    self.postMessage({ id: m.id, ok: false, error: 'calculator not initialised' });
    return;
  }
  ready
    .then(function () { return self.gyportalCalc.run(m.facts, m.date); })
    .then(
      function (value) { self.postMessage({ id: m.id, ok: true, value: value }); },
      function (err) { self.postMessage({ id: m.id, ok: false, error: String(err && err.message || err) }); });
};

// load fetches and starts the WebAssembly and hands it the parameters.
async function load(urls) {
  self.importScripts(urls.wasmExec);
  const go = new self.Go();
  const [module, params] = await Promise.all([instantiate(urls.wasm, go.importObject), text(urls.params)]);
  go.run(module.instance); // runs until the page goes away
  await self.gyportalCalc.init(params);
}

async function instantiate(url, imports) {
  const r = await fetch(url);
  if (!r.ok) throw new Error(url + ': ' + r.status);
  if ((r.headers.get('Content-Type') || '').indexOf('application/wasm') === 0) {
    return WebAssembly.instantiateStreaming(r, imports);
  }
  return WebAssembly.instantiate(await r.arrayBuffer(), imports); // a server without the wasm type
}

async function text(url) {
  const r = await fetch(url);
  if (!r.ok) throw new Error(url + ': ' + r.status);
  return r.text();
}

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
// The download and compilation start first, and go on while wasm_exec.js
// is read.
async function load(urls) {
  const module = compile(urls.wasm);
  const params = text(urls.params);
  self.importScripts(urls.wasmExec);
  const go = new self.Go();
  const [mod, p] = await Promise.all([module, params]);
  const instance = await WebAssembly.instantiate(mod, go.importObject);
  go.run(instance); // runs until the page goes away
  await self.gyportalCalc.init(p);
}

async function compile(url) {
  const r = await fetch(url);
  if (!r.ok) throw new Error(url + ': ' + r.status);
  if ((r.headers.get('Content-Type') || '').indexOf('application/wasm') === 0) {
    return WebAssembly.compileStreaming(r);
  }
  return WebAssembly.compile(await r.arrayBuffer()); // a server without the wasm type
}

async function text(url) {
  const r = await fetch(url);
  if (!r.ok) throw new Error(url + ': ' + r.status);
  return r.text();
}

// The calculator page: window.policyCalc, the form, the answer.
//
// Every rule lives in calc/ (Go), compiled to WebAssembly and run in a Web
// Worker (calc-worker.js). This script only maps the form to the facts
// JSON, keeps the answers in the URL, and shows the answer JSON as HTML.
'use strict';
(function () {
  var me = document.currentScript;
  document.documentElement.classList.add('js'); // as site.js does, should it fail to load
  var assets = {
    worker: me.getAttribute('data-worker'),
    wasm: me.getAttribute('data-wasm'),
    wasmExec: me.getAttribute('data-wasm-exec'),
    params: me.getAttribute('data-params'),
    qr: me.getAttribute('data-qr-lib')
  };
  // baseURL is the deployed address (content/site.toml base_url), for the
  // printed result's address and QR code.
  var baseURL = me.getAttribute('data-base-url') || (location.origin + '/');

  // ---- window.policyCalc ------------------------------------------------

  var worker = null;
  var pending = {};
  var nextID = 1;

  function startWorker() {
    worker = new Worker(assets.worker);
    worker.onmessage = function (e) {
      var m = e.data;
      if (m.ready === false) {
        failAll(m.error);
        return;
      }
      var p = pending[m.id];
      if (!p) return;
      delete pending[m.id];
      if (m.ok) p.resolve(m.value); else p.reject(new Error(m.error));
    };
    worker.onerror = function (e) { failAll(e.message || '计算程序加载失败'); };
    worker.postMessage({ init: { wasmExec: assets.wasmExec, wasm: assets.wasm, params: assets.params } });
  }

  function failAll(msg) {
    Object.keys(pending).forEach(function (id) {
      pending[id].reject(new Error(msg));
      delete pending[id];
    });
    loadError = msg || '计算程序加载失败';
  }
  var loadError = null;

  // guiyangDate is today's date in Guiyang (Asia/Shanghai), YYYY-MM-DD,
  // whatever the device's time zone: the date the build, the command and
  // the typical-household table use, so the page shows one date.
  function guiyangDate() {
    var parts = new Intl.DateTimeFormat('en-US', {
      timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit'
    }).formatToParts(new Date());
    var v = {};
    parts.forEach(function (p) { v[p.type] = p.value; });
    return v.year + '-' + v.month + '-' + v.day;
  }

  // policyCalc(factsJSON[, date]) resolves with the answer JSON string,
  // byte for byte what `generator calc` prints for the household.
  window.policyCalc = function (factsJSON, date) {
    if (typeof factsJSON !== 'string') factsJSON = JSON.stringify(factsJSON);
    if (loadError) return Promise.reject(new Error(loadError));
    if (!worker) startWorker();
    var id = nextID++;
    return new Promise(function (resolve, reject) {
      pending[id] = { resolve: resolve, reject: reject };
      worker.postMessage({ id: id, facts: factsJSON, date: date || guiyangDate() });
    });
  };

  // policyCalcBatch(listOfFactsJSON[, date]) resolves with the answers in
  // order; an error becomes {"error": message}. For tests and other pages.
  window.policyCalcBatch = function (list, date) {
    return Promise.all(list.map(function (f) {
      return window.policyCalc(f, date).catch(function (err) { return JSON.stringify({ error: err.message }); });
    }));
  };

  startWorker(); // compile while the reader fills in the form

  // ---- the form ---------------------------------------------------------

  // The script runs as soon as it arrives (async), so that the worker
  // starts compiling at once; the form is wired up once the page is
  // parsed.
  // (setUp is called at the end of this file, once every variable below
  // has its value.)
  var form, out, status, summary, lead, given;

  function setUp() {
    form = document.getElementById('calc-form');
    if (!form) return;
    out = document.getElementById('calc-result');
    status = document.getElementById('calc-status');
    summary = document.getElementById('calc-errors');
    lead = document.getElementById('calc-lead');
    given = document.getElementById('calc-summary');
    form.addEventListener('submit', onSubmit);
    form.addEventListener('reset', onReset);
    window.addEventListener('popstate', fromURL);
    var edit = document.getElementById('calc-edit');
    if (edit) edit.addEventListener('click', onEdit);
    var printBtn = document.getElementById('calc-print');
    if (printBtn) printBtn.addEventListener('click', function () { forPrint(function () { window.print(); }); });
    window.addEventListener('beforeprint', function () { forPrint(null); });
    window.addEventListener('afterprint', afterPrint);
    var printMedia = window.matchMedia && window.matchMedia('print');
    if (printMedia && printMedia.addEventListener) {
      printMedia.addEventListener('change', function (e) { if (e.matches) forPrint(null); else afterPrint(); });
    }
    if (location.search.length > 1) fromURL();
    else settle();
  }

  // settle shows the form and the rest of the page. A shared result link
  // (html.has-query, set by site.js before the page is drawn) keeps them
  // hidden until the answer is on the page, so that the answer does not
  // push them down as it arrives. The form and the typical-household
  // table are then laid out in two tasks (html.hold keeps the table back
  // for one), so neither blocks long.
  function settle() {
    var root = document.documentElement;
    if (!root.classList.contains('has-query')) return;
    root.classList.add('hold');
    root.classList.remove('has-query');
    setTimeout(function () { root.classList.remove('hold'); }, 0);
  }

  // factsOf maps the form to the facts JSON object: data-fact names the
  // fact, empty answers (不清楚) are left out so the rules' defaults apply.
  function factsOf() {
    var facts = {};
    var children = [];
    Array.prototype.forEach.call(form.elements, function (el) {
      var name = el.getAttribute('data-fact');
      var child = el.getAttribute('data-child');
      if (child !== null) {
        var i = Number(child);
        children[i] = children[i] || {};
        if (el.type === 'checkbox') { if (el.checked) children[i].admitted_to_college = true; }
        else if (el.value) children[i].stage = el.value;
        return;
      }
      if (!name) return;
      if (el.type === 'radio') { if (el.checked) facts[name] = el.value; }
      else if (el.type === 'checkbox') { if (el.checked) facts[name] = true; }
      else {
        var v = halfWidth(el.value.trim());
        if (v !== '') facts[name] = v; // numbers travel as text, as calc reads them
      }
    });
    var kids = [];
    children.forEach(function (c, i) {
      if (c && c.stage) kids.push({ row: i, child: c });
    });
    if (kids.length) facts.children = kids.map(function (k) { return k.child; });
    return { facts: facts, rows: kids.map(function (k) { return k.row; }) };
  }

  // halfWidth turns full-width digits and point (１２．５) into ASCII.
  function halfWidth(s) {
    return s.replace(/[\uff10-\uff19\uff0e]/g, function (c) {
      return String.fromCharCode(c.charCodeAt(0) - 0xfee0);
    });
  }

  // fill sets the form from a query string (the same names a plain GET
  // submission of the form uses).
  function fill(query) {
    var q = new URLSearchParams(query);
    filling = true;
    form.reset(); // fires 'reset' synchronously
    filling = false;
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || !q.has(el.name)) return;
      var vals = q.getAll(el.name);
      if (el.type === 'radio' || el.type === 'checkbox') el.checked = vals.indexOf(el.value) >= 0;
      else el.value = vals[0];
    });
  }

  function queryOf() {
    var q = new URLSearchParams();
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.disabled) return;
      if ((el.type === 'radio' || el.type === 'checkbox') && !el.checked) return;
      if (el.tagName === 'BUTTON' || el.value === '') return;
      q.append(el.name, el.value);
    });
    return q.toString();
  }

  // ---- errors -----------------------------------------------------------

  function clearErrors() {
    Array.prototype.forEach.call(form.querySelectorAll('.field-error'), function (p) {
      p.hidden = true;
      p.textContent = '';
    });
    Array.prototype.forEach.call(form.querySelectorAll('[aria-invalid]'), function (el) {
      el.removeAttribute('aria-invalid');
    });
    summary.hidden = true;
    summary.querySelector('ul').textContent = '';
  }

  // fieldOf maps a fact path from calc ("members", "children[1].stage")
  // to the form field's id.
  function fieldOf(path, rows) {
    if (path === 'children') path = 'children[0]'; // the first child's row
    var m = /^children\[(\d+)\]/.exec(path);
    if (m) return 'f-child' + ((rows[Number(m[1])] || 0) + 1);
    return 'f-' + path.replace(/_/g, '-');
  }

  function showErrors(list) {
    var ul = summary.querySelector('ul');
    list.forEach(function (e) {
      var el = document.getElementById(e.id);
      var box = document.getElementById('e-' + e.id.slice(2));
      var text = e.msg;
      if (box) {
        box.textContent = text;
        box.hidden = false;
      }
      if (el) el.setAttribute('aria-invalid', 'true');
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = '#' + (el ? e.id : 'calc-form');
      a.textContent = (el ? labelOf(el) + '：' : '') + text;
      li.appendChild(a);
      ul.appendChild(li);
    });
    summary.hidden = false;
    summary.focus();
  }

  function labelOf(el) {
    var q = el.closest('[data-question]');
    return q ? q.getAttribute('data-question') : '';
  }

  // missing lists the questions marked required that have no answer.
  function missing() {
    var list = [];
    Array.prototype.forEach.call(form.querySelectorAll('fieldset[data-required]'), function (fs) {
      if (!fs.querySelector('input:checked')) {
        list.push({ id: fs.querySelector('input').id, msg: fs.getAttribute('data-required') });
      }
    });
    return list;
  }

  // calcErrors turns calc's error text ("field: message" per line).
  function calcErrors(message, rows) {
    return message.split('\n').filter(Boolean).map(function (line) {
      var i = line.indexOf(': ');
      if (i < 0) return { id: 'calc-form', msg: line };
      return { id: fieldOf(line.slice(0, i), rows), msg: line.slice(i + 2) };
    });
  }

  // ---- answering ----------------------------------------------------------

  var seq = 0;

  function answer(focus) {
    clearErrors();
    var miss = missing();
    if (miss.length) {
      showResult(false);
      settle();
      showErrors(miss);
      return;
    }
    var f = factsOf();
    var mine = ++seq;
    var slow = setTimeout(function () { status.textContent = '正在准备计算程序，请稍候……'; }, 300);
    window.policyCalc(JSON.stringify(f.facts)).then(function (json) {
      clearTimeout(slow);
      if (mine !== seq) return;
      return render(JSON.parse(json), function () { return mine === seq; });
    }).then(function (shown) {
      if (!shown) return;
      status.textContent = '计算完成，结果在本页上方。';
      if (window.performance && performance.mark) performance.mark('calc-first-answer');
      var h = document.getElementById('h-result');
      h.focus({ preventScroll: true });
      if (focus || h.getBoundingClientRect().top < 0 || h.getBoundingClientRect().top > window.innerHeight) {
        given.scrollIntoView();
      }
    }, function (err) {
      clearTimeout(slow);
      if (mine !== seq) return;
      showResult(false);
      settle();
      if (loadError) {
        status.textContent = '计算程序未能加载（' + loadError + '）。请刷新页面再试，或参考下方的典型家庭表。';
        return;
      }
      status.textContent = '';
      showErrors(calcErrors(err.message, f.rows));
    });
  }

  function onSubmit(e) {
    e.preventDefault();
    var q = queryOf();
    if (location.search.slice(1) !== q || location.hash) history.pushState(null, '', '?' + q);
    answer(true);
  }

  var filling = false;
  function onReset() {
    if (filling) return;
    setTimeout(function () {
      clearErrors();
      showResult(false);
      status.textContent = '';
      if (location.search) history.pushState(null, '', location.pathname);
    }, 0);
  }

  function fromURL() {
    fill(location.search);
    if (location.search.length > 1) answer(false);
    else {
      clearErrors();
      showResult(false);
    }
  }

  // showResult shows the answer (with what the family entered above it)
  // in place of the introduction, or goes back to the form alone.
  function showResult(on) {
    out.hidden = !on;
    given.hidden = !on;
    if (lead) lead.hidden = on;
  }

  function onEdit(e) {
    e.preventDefault();
    form.scrollIntoView();
    var first = form.querySelector('input:checked, input, select');
    if (first) first.focus({ preventScroll: true });
  }

  // ---- rendering ------------------------------------------------------------

  var periods = { once: '一次性', month: '每月', year: '每年' };

  // yuan formats "20000.00" as "20,000元" and "1234.50" as "1,234.50元".
  function yuan(s) {
    var parts = s.split('.');
    var whole = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return whole + (parts[1] && parts[1] !== '00' ? '.' + parts[1] : '') + '元';
  }

  function el(tag, text, cls) {
    var n = document.createElement(tag);
    if (text !== undefined && text !== null) n.textContent = text;
    if (cls) n.className = cls;
    return n;
  }

  function clauseLink(id, title) {
    var a = el('a', '第' + id + '条' + (title ? '（' + title + '）' : ''));
    a.href = '/clauses/' + id + '/';
    return a;
  }

  function row(dl, term, value, cls) {
    dl.appendChild(el('dt', term, cls));
    var dd = el('dd', null, cls);
    if (typeof value === 'string') dd.textContent = value; else dd.appendChild(value);
    dl.appendChild(dd);
  }

  // apply says what the plan says about applying: no procedure, only the
  // department responsible.
  function apply(department) {
    return '方案没有规定申请程序；方案写明由' + department + '负责。';
  }

  function cited(id, title) {
    var p = el('span');
    p.appendChild(clauseLink(id, title));
    return p;
  }

  function entitlement(e) {
    var li = el('li', null, 'benefit');
    var title = e.title + (e.child !== undefined ? '（第' + (e.child + 1) + '个子女）' : '');
    li.appendChild(el('h4', title));
    var dl = el('dl', null, 'facts');
    if (e.kind === 'cash') {
      row(dl, '金额', (e.minimum ? '不低于' : '') + yuan(e.amount));
      row(dl, '发放', periods[e.period] || e.period);
    }
    row(dl, '说明', e.explanation, e.kind === 'cash' ? '' : 'service-note');
    row(dl, '依据', cited(e.clause, e.clause_title));
    row(dl, '怎么申请', apply(e.department), 'apply-row');
    li.appendChild(dl);
    return li;
  }

  // questionOf names the form's question for a fact ("当地农村低保标准").
  function questionOf(fact) {
    var f = form.querySelector('[data-fact="' + fact + '"]');
    var q = f && f.closest('[data-question]');
    return q ? q.getAttribute('data-question') : fact;
  }

  function pendingItem(p) {
    var li = el('li', null, 'benefit');
    li.appendChild(el('h4', p.title));
    var dl = el('dl', null, 'facts');
    row(dl, '还需要', (p.needs || []).map(questionOf).join('、'));
    row(dl, '说明', p.explanation);
    row(dl, '依据', cited(p.clause));
    row(dl, '怎么申请', apply(p.department), 'apply-row');
    li.appendChild(dl);
    return li;
  }

  function notGranted(n) {
    var li = el('li', null, 'benefit');
    li.appendChild(el('h4', n.title));
    var d = el('dl', null, 'facts');
    row(d, '原因', n.condition);
    row(d, '依据', cited(n.clause));
    row(d, '负责部门', n.department);
    li.appendChild(d);
    return li;
  }

  function notAssessed(n) {
    var li = el('li', null, 'benefit');
    li.appendChild(el('h4', n.name));
    var d = el('dl', null, 'facts');
    row(d, '为什么', n.reason);
    row(d, '依据', cited(n.clause));
    li.appendChild(d);
    return li;
  }

  function section(id, title, tag) {
    var s = el(tag || 'section');
    s.setAttribute('aria-labelledby', id);
    var h = el('h3', title);
    h.id = id;
    s.appendChild(h);
    return s;
  }

  // totals: the three sums. A partial answer's sums are minimums: a
  // period with nothing known yet is left out, and what the missing
  // benefits wait for is said at once.
  function totals(r, cash, pend) {
    var partial = r.complete === false;
    var dl = el('dl', null, 'facts totals');
    [['once', '一次性'], ['month', '每月'], ['year', '每年']].forEach(function (p) {
      var v = r.totals[p[0]];
      if (partial && !/[1-9]/.test(v)) return;
      row(dl, p[1], (partial ? '至少 ' : '') + yuan(v));
    });
    var known = dl.childNodes.length > 0;
    var tot = section('h-totals', partial && known ? '现金待遇合计（至少）' : '现金待遇合计');
    if (known) tot.appendChild(dl);
    if (partial) {
      var waits = pend.length + '项待遇要等您补充“' + needsOf(pend) + '”后才能算出';
      tot.appendChild(el('p', known ? '另有' + waits + '，没有计入合计，见下面“还需要补充情况的待遇”。'
        : '现金待遇还算不出：' + waits + '，见下面“还需要补充情况的待遇”。', 'note'));
    }
    var na = r.not_assessed || [];
    if (na.length) {
      tot.appendChild(el('p', '另有' + na.length + '项待遇计算器没有判断，不在合计之内，见下方“计算器没有判断的待遇”。', 'note'));
    }
    if (cash.some(function (e) { return e.minimum; })) {
      tot.appendChild(el('p', '标有“不低于”的待遇按方案规定的最低标准计入合计，实际可能更多。', 'note'));
    }
    return tot;
  }

  // needsOf names, as the form asks them, the facts the pending items need.
  function needsOf(pend) {
    var seen = {}, names = [];
    pend.forEach(function (p) {
      (p.needs || []).forEach(function (n) {
        if (!seen[n]) names.push(questionOf(n));
        seen[n] = true;
      });
    });
    return names.join('、');
  }

  // later runs each step in a task of its own (the page stays responsive
  // between them) and resolves with the last step's value, or with false
  // once current() says a newer answer has been asked for.
  function later(steps, current) {
    return steps.reduce(function (p, step) {
      return p.then(function (v) {
        if (v === false || !current()) return false;
        return new Promise(function (resolve) { setTimeout(function () { resolve(step()); }, 0); });
      });
    }, Promise.resolve(true));
  }

  // render shows the answer in the order a family reads it: the totals,
  // at once what they still wait for (the pending items and the figure
  // each needs), the cash items, the services (collapsed, with their
  // count), and (collapsed) what cannot be had. It is built in a few
  // short tasks and put on the page in one, so nothing moves as it
  // arrives. It resolves with whether the answer was shown.
  function render(r, current) {
    var cash = r.entitlements.filter(function (e) { return e.kind === 'cash'; });
    var other = r.entitlements.filter(function (e) { return e.kind !== 'cash'; });
    var pend = r.pending || [];
    var top, body = document.createDocumentFragment();
    return later([function () {
      top = totals(r, cash, pend);
      if (r.notice) body.appendChild(el('p', r.notice, 'status'));
      if (pend.length) {
        var s = section('h-pending', '还需要补充情况的待遇（' + pend.length + '项）');
        s.appendChild(el('p', '这些待遇要用到您没有填写的情况。填上后再算一次，或向负责部门问清楚。'));
        s.appendChild(list(pend, pendingItem, ''));
        body.appendChild(s);
      }
      var c = section('h-cash', '可以领取的现金待遇（' + cash.length + '项）');
      c.appendChild(list(cash, entitlement, '按您填写的情况，暂时没有可以领取的现金待遇。'));
      body.appendChild(c);
    }, function () {
      body.appendChild(collapsed('h-service', '可以享受的服务和优先照顾（' + other.length + '项）', 'services',
        list(other, entitlement, '暂无。')));
      body.appendChild(collapsed('h-not', '不能领取的待遇和原因（' + r.not_granted.length + '项）', 'not-granted',
        list(r.not_granted, notGranted, '没有。')));
      // What the calculator does not decide: said under the totals, listed
      // (collapsed, like what cannot be had) at the end.
      var na = r.not_assessed || [];
      if (na.length) {
        var un = document.createDocumentFragment();
        un.appendChild(el('p', '下面这些待遇，计算器不判断您家能不能享受，上面的结果和合计都不包括它们。想知道的，请看条款或问负责部门。'));
        un.appendChild(list(na, notAssessed, ''));
        body.appendChild(collapsed('h-not-assessed', '计算器没有判断的待遇（' + na.length + '项）', 'not-granted not-assessed', un));
      }
    }, function () {
      document.getElementById('calc-date').textContent = '，计算日期 ' + r.date;
      var tot = document.getElementById('calc-totals');
      tot.textContent = '';
      tot.appendChild(top);
      var answer = document.getElementById('calc-answer');
      answer.textContent = '';
      answer.appendChild(body);
      summarise();
      showResult(true);
      settle();
      return true;
    }], current);
  }

  // collapsed is a closed <details> whose summary is a heading.
  function collapsed(id, title, cls, content) {
    var d = el('details', null, cls);
    var sum = el('summary');
    var h = el('h3', title);
    h.id = id;
    sum.appendChild(h);
    d.appendChild(sum);
    d.appendChild(content);
    return d;
  }

  function list(items, fn, empty) {
    if (!items.length) return el('p', empty);
    var ul = el('ul', null, 'benefits');
    items.forEach(function (x) { ul.appendChild(fn(x)); });
    return ul;
  }

  // summarise writes what the family entered above the result, and the
  // result's address (and its QR code) for the printed sheet.
  function summarise() {
    var parts = [];
    Array.prototype.forEach.call(form.querySelectorAll('[data-question]'), function (q) {
      var v = describe(q);
      if (!v) return;
      // A ticked box or a chosen option says what it is; a number or a
      // child's school needs its question.
      var self = q.querySelector('input[type=radio], input[type=checkbox]') && !q.querySelector('select, input[type=text]');
      parts.push(self ? v : q.getAttribute('data-question') + '：' + v);
    });
    document.getElementById('calc-summary-text').textContent = parts.join('；') + '。';
    var url = baseURL + 'calculator/' + (location.search || '');
    document.getElementById('calc-url').textContent = url;
    qrURL = url;
  }

  // ---- printing ---------------------------------------------------------------

  // The QR code shows only in print, so its library is loaded and the code
  // drawn only when the page is about to be printed: by 打印结果 (which
  // prints once it is drawn), or by the browser's own print command
  // (beforeprint, or the print media query), where it is drawn at once
  // if the library is here and as soon as it has loaded otherwise. The
  // services, collapsed on screen, are printed open.
  var qrURL = null, qrLoading = null, reopen = [];

  function forPrint(then) {
    Array.prototype.forEach.call(document.querySelectorAll('#calc-answer details.services:not([open])'), function (d) {
      d.open = true;
      reopen.push(d);
    });
    loadQR(function () {
      if (qrURL !== null) drawQR(document.getElementById('calc-qr'), qrURL);
      qrURL = null;
      if (then) then();
    });
  }

  function afterPrint() {
    reopen.forEach(function (d) { d.open = false; });
    reopen = [];
  }

  // loadQR calls done once the QR library is loaded (at once if it is);
  // without it (offline, or blocked) the printed address stands alone.
  function loadQR(done) {
    if (typeof window.qrcode === 'function' || !assets.qr) return done();
    if (!qrLoading) {
      qrLoading = [];
      var s = document.createElement('script');
      s.src = assets.qr;
      s.onload = s.onerror = function () {
        var q = qrLoading;
        qrLoading = null;
        q.forEach(function (f) { f(); });
      };
      document.head.appendChild(s);
    }
    qrLoading.push(done);
  }

  function describe(q) {
    var parts = [];
    Array.prototype.forEach.call(q.querySelectorAll('input, select'), function (i) {
      if (i.type === 'radio' || i.type === 'checkbox') {
        if (i.checked) parts.push(textOf(i));
      } else if (i.tagName === 'SELECT') {
        if (i.value) parts.push(i.options[i.selectedIndex].text);
      } else if (i.value.trim()) {
        parts.push(i.value.trim() + (i.getAttribute('data-unit') || ''));
      }
    });
    return parts.join('，');
  }

  function textOf(input) {
    var l = input.closest('label') || document.querySelector('label[for="' + input.id + '"]');
    return l ? l.textContent.trim() : input.value;
  }

  // drawQR draws url as a QR code (qrcode-generator, vendored beside this
  // file) in an SVG path: no image data URL, no style attribute.
  function drawQR(fig, url) {
    if (!fig || typeof window.qrcode !== 'function') return;
    var qr = window.qrcode(0, 'M');
    qr.addData(url);
    qr.make();
    var n = qr.getModuleCount(), quiet = 4, size = n + 2 * quiet, d = '';
    for (var y = 0; y < n; y++) {
      for (var x = 0; x < n;) {
        if (!qr.isDark(y, x)) { x++; continue; }
        var run = 1;
        while (x + run < n && qr.isDark(y, x + run)) run++;
        d += 'M' + (x + quiet) + ' ' + (y + quiet) + 'h' + run + 'v1h-' + run + 'z';
        x += run;
      }
    }
    var ns = 'http://www.w3.org/2000/svg';
    var svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 ' + size + ' ' + size);
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', '二维码：' + url);
    svg.setAttribute('shape-rendering', 'crispEdges');
    var bg = document.createElementNS(ns, 'rect');
    bg.setAttribute('width', size);
    bg.setAttribute('height', size);
    bg.setAttribute('fill', '#fff');
    var path = document.createElementNS(ns, 'path');
    path.setAttribute('d', d);
    path.setAttribute('fill', '#000');
    svg.appendChild(bg);
    svg.appendChild(path);
    fig.textContent = '';
    fig.appendChild(svg);
    fig.setAttribute('data-qr', url);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', setUp);
  else setUp();
})();

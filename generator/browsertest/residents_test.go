package browsertest

import (
	"bytes"
	"context"
	"fmt"
	"image/png"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"

	"gyportal/generator/build/calcstep"
	"gyportal/generator/site"
)

// The tests of issue #10 (residents first): 长辈模式, 朗读, results
// first, print, layout, tables and the focus ring, measured in Chromium.

// phone is the screen the issue names: a cheap phone, 375×800 CSS px.
const phoneW, phoneH = 375, 800

// results are three shared calculator links, as families send them.
var results = []string{
	"hukou=rural&family=two_daughters&members=4&child1=college&child1_college=1&child2=senior&disabled_parent=1",
	"hukou=urban&family=bereaved&members=2",
	"hukou=rural&family=only_daughter&members=3&dibao=1&child1=college&child1_college=1", // 低保标准 unknown: a partial answer
}

// do runs steps, failing the test on error.
func do(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

// eval evaluates js (awaiting a promise) and returns its value.
func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%v\n%s", err, js)
	}
	return v
}

// viewport emulates a phone (mobile, overlay scroll bars) below 800 px,
// a desktop window otherwise.
func viewport(w, h int64) chromedp.Action[chromedp.Void] {
	if w < 800 {
		return chromedp.EmulateViewport(w, h, chromedp.EmulateMobile)
	}
	return chromedp.EmulateViewport(w, h)
}

// open loads a page kind at a viewport and waits until it is ready.
func open(t *testing.T, ctx context.Context, k pageKind, w, h int64) {
	t.Helper()
	do(t, ctx, append([]chromedp.Action[chromedp.Void]{viewport(w, h), chromedp.Navigate(env.url + k.path)}, k.ready...)...)
}

// media emulates a CSS media type ("print"); "" ends the emulation.
func media(m string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: m})
		return err
	})
}

// report fails the test with each problem a page check returned.
func report(t *testing.T, where string, problems []string) {
	t.Helper()
	for _, p := range problems {
		t.Errorf("%s: %s", where, p)
	}
}

// pageJS are helpers the page checks share: visibility and colours.
const pageJS = `
const px = v => parseFloat(v) || 0;
const shown = e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && r.right > 0 && getComputedStyle(e).visibility !== "hidden"; };
const rgb = s => { const m = s.match(/[\d.]+/g).map(Number); return {r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1}; };
const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }; return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
const contrast = (a, b) => { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
const behind = e => { for (let n = e; n; n = n.parentElement) { const c = rgb(getComputedStyle(n).backgroundColor); if (c.a > 0.5) return c; } return {r: 255, g: 255, b: 255, a: 1}; };
const name = e => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (e.className && typeof e.className === "string" ? "." + e.className.split(" ")[0] : "") + " «" + e.textContent.trim().slice(0, 20) + "»";
`

// textJS checks the text of a page: sizes, line height, paragraph
// spacing (工信部《互联网网站适老化通用设计规范》: line spacing ≥ 1.3, and
// between paragraphs ≥ 1.3 × the line spacing) and touch targets.
// Its arguments: the least font size in px, the least line height as a
// ratio, the least target height in px.
const textJS = pageJS + `
((minFont, minLH, minTarget) => {
  const bad = [];
  const text = "main p, main li, main dd, main dt, main td, main th[scope=row], main label, main legend, .help, .note, .meta, .source, .policy-status p, footer p";
  for (const e of [document.body, ...document.querySelectorAll(text)]) {
    if (e !== document.body && (!shown(e) || !e.textContent.trim())) continue;
    const cs = getComputedStyle(e), fs = px(cs.fontSize), lh = px(cs.lineHeight);
    if (fs < minFont - 0.05) bad.push(name(e) + ": font size " + fs + " px < " + minFont);
    if (lh / fs < minLH - 0.01) bad.push(name(e) + ": line height " + (lh / fs).toFixed(2) + " < " + minLH);
  }
  for (const e of document.querySelectorAll(".help, .note, .meta, .source")) {
    if (!shown(e)) continue;
    const c = contrast(rgb(getComputedStyle(e).color), behind(e));
    if (c < 7) bad.push(name(e) + ": help text contrast " + c.toFixed(1) + " < 7 (grey)");
  }
  for (const p of document.querySelectorAll("main p + p, footer p + p")) {
    const q = p.previousElementSibling;
    if (!shown(p) || !shown(q)) continue;
    const gap = p.getBoundingClientRect().top - q.getBoundingClientRect().bottom, lh = px(getComputedStyle(q).lineHeight);
    if (gap < 1.3 * lh - 0.5) bad.push(name(p) + ": paragraph gap " + gap.toFixed(1) + " px < 1.3 × line height " + lh);
  }
  const targets = "button, select, input:not([type=radio]):not([type=checkbox]), summary, label.opt, header a, nav a, .chips a, a.button";
  for (const e of document.querySelectorAll(targets)) {
    if (!shown(e)) continue;
    const h = e.getBoundingClientRect().height;
    if (h < minTarget - 0.5) bad.push(name(e) + ": touch target " + h.toFixed(1) + " px high < " + minTarget);
  }
  return bad;
})`

// elderState reads whether 长辈模式 is on and what its control says.
type elderState struct {
	Class   bool   `json:"class"`
	Pressed string `json:"pressed"`
	Shown   bool   `json:"shown"`
}

const elderStateJS = `(() => { const b = document.getElementById("elder-toggle");
  return {class: document.documentElement.classList.contains("elder"), pressed: b ? b.getAttribute("aria-pressed") : "", shown: !!b && !b.hidden && b.offsetParent !== null}; })()`

// TestElderMode switches 长辈模式 on with its header control, then on
// every page kind at 375 px measures body and help text (≥ 22 px, line
// height ≥ 1.5, paragraph gaps ≥ 1.3 line heights, targets ≥ 48 px); it
// stays on across reloads and pages, works by keyboard, and the
// standard mode keeps line height ≥ 1.3 and 44 px targets.
func TestElderMode(t *testing.T) {
	setup(t)
	ctx := tab(t, chromedp.WithNewBrowserContext()) // its own localStorage
	kinds := pageKinds(t)
	for _, k := range kinds {
		open(t, ctx, k, phoneW, phoneH)
		if st := eval[elderState](t, ctx, elderStateJS); !st.Shown || st.Class || st.Pressed != "false" {
			t.Errorf("%s (standard): control %+v, want shown, off, aria-pressed=false", k.name, st)
		}
		report(t, k.name+" (standard)", eval[[]string](t, ctx, textJS+"(16, 1.3, 44)"))
	}
	open(t, ctx, kinds[0], phoneW, phoneH)
	do(t, ctx, chromedp.Click(chromedp.ID("elder-toggle")))
	if st := eval[elderState](t, ctx, elderStateJS); !st.Class || st.Pressed != "true" {
		t.Fatalf("after a click: %+v, want on and aria-pressed=true", st)
	}
	do(t, ctx, chromedp.Reload())
	if st := eval[elderState](t, ctx, elderStateJS); !st.Class || st.Pressed != "true" {
		t.Errorf("after a reload: %+v, want still on", st)
	}
	for _, k := range kinds { // navigating: still on everywhere
		open(t, ctx, k, phoneW, phoneH)
		if st := eval[elderState](t, ctx, elderStateJS); !st.Class || st.Pressed != "true" {
			t.Errorf("%s: 长辈模式 %+v after navigating, want on", k.name, st)
		}
		report(t, k.name+" (长辈模式)", eval[[]string](t, ctx, textJS+"(22, 1.5, 48)"))
		if w := eval[int](t, ctx, `document.documentElement.scrollWidth`); w > phoneW {
			t.Errorf("%s (长辈模式): page is %d px wide at %d px", k.name, w, phoneW)
		}
	}
	// By keyboard: Enter switches it off, Space on again.
	do(t, ctx, chromedp.SendKeys(chromedp.ID("elder-toggle"), "\r"))
	if st := eval[elderState](t, ctx, elderStateJS); st.Class || st.Pressed != "false" {
		t.Errorf("after Enter: %+v, want off", st)
	}
	do(t, ctx, chromedp.SendKeys(chromedp.ID("elder-toggle"), " "))
	if st := eval[elderState](t, ctx, elderStateJS); !st.Class || st.Pressed != "true" {
		t.Errorf("after Space: %+v, want on", st)
	}
}

// TestRaisedFontSize raises the browser's own default font size to 24 px:
// the page scales with it (its sizes are in rem) and still fits a phone.
func TestRaisedFontSize(t *testing.T) {
	ctx := tab(t)
	fonts := chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, page.SetFontSizes, page.SetFontSizesParams{FontSizes: &page.FontSizes{Standard: 24}})
		return err
	})
	do(t, ctx, fonts)
	for _, k := range pageKinds(t)[:4] {
		open(t, ctx, k, phoneW, phoneH)
		fs := eval[float64](t, ctx, `parseFloat(getComputedStyle(document.body).fontSize)`)
		if fs < 24*17/16-0.5 {
			t.Errorf("%s: body text %.1f px with a 24 px browser default, want it to scale to %.1f", k.name, fs, 24.0*17/16)
		}
		if w := eval[int](t, ctx, `document.documentElement.scrollWidth`); w > phoneW {
			t.Errorf("%s: page is %d px wide at %d px with large browser text", k.name, w, phoneW)
		}
	}
}

// fakeSpeech stands in for the browser's speech synthesis with one zh-CN
// voice and records what it is asked to say.
const fakeSpeech = `(() => {
  window.__spoken = []; window.__cancels = 0;
  const synth = {getVoices: () => [{lang: "zh-CN", name: "test", voiceURI: "test", localService: true}],
    speak: u => window.__spoken.push(u.text), cancel: () => window.__cancels++, addEventListener() {}};
  Object.defineProperty(window, "speechSynthesis", {value: synth, configurable: true});
  window.SpeechSynthesisUtterance = function (text) { this.text = text; };
})();`

// TestReadAloud: clause, group and calculator-result pages offer 朗读
// where the browser has a Chinese voice, read the page's main content,
// and stop; pages without content to read, or browsers without a voice,
// show no control.
func TestReadAloud(t *testing.T) {
	setup(t)
	ctx := tab(t)
	do(t, ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: fakeSpeech})
		return err
	}))
	byName := map[string]pageKind{}
	for _, k := range pageKinds(t) {
		byName[k.name] = k
	}
	for _, c := range []struct{ kind, heard string }{{"clause", "文件原文"}, {"group", "我能得到什么"}, {"calculator-result", "计算结果"}} {
		open(t, ctx, byName[c.kind], phoneW, phoneH)
		do(t, ctx, chromedp.WaitVisible(chromedp.ID("speak-toggle")), chromedp.Click(chromedp.ID("speak-toggle")))
		said := eval[string](t, ctx, `window.__spoken.join("\n")`)
		if !strings.Contains(said, c.heard) || strings.Contains(said, "长辈模式") {
			t.Errorf("%s: read aloud %.80q…, want the main content (with %q), not the controls", c.kind, said, c.heard)
		}
		if label := eval[string](t, ctx, `document.getElementById("speak-toggle").textContent`); label != "停止朗读" {
			t.Errorf("%s: while reading the control says %q, want 停止朗读", c.kind, label)
		}
		do(t, ctx, chromedp.Click(chromedp.ID("speak-toggle")))
		if n := eval[int](t, ctx, `window.__cancels`); n < 2 {
			t.Errorf("%s: 停止 did not cancel the speech", c.kind)
		}
	}
	open(t, ctx, byName["home"], phoneW, phoneH)
	if eval[bool](t, ctx, `!!document.getElementById("speak-toggle")`) {
		t.Error("home page offers 朗读, which is for clause, group and result pages")
	}
	// The real browser: the control shows only if it has a Chinese voice.
	plain := tab(t)
	open(t, plain, byName["clause"], phoneW, phoneH)
	do(t, plain, chromedp.Sleep(300e6)) // voices load asynchronously
	st := eval[[]bool](t, plain, `[speechSynthesis.getVoices().some(v => /^zh/i.test(v.lang)), !document.getElementById("speak-toggle").hidden]`)
	if st[0] != st[1] {
		t.Errorf("browser has a Chinese voice: %v; 朗读 shown: %v", st[0], st[1])
	}
}

// TestResultFirst opens three shared result links on a phone: the result
// heading is in the first screen and has the focus, what the family
// entered is summarised above it with a link back to the form; totals
// come first, with the status next to them, then the pending items, and
// 不能领取 is collapsed with its count; "至少" and the pending items show
// when the answer is partial.
func TestResultFirst(t *testing.T) {
	ctx := tab(t)
	for _, q := range results {
		do(t, ctx, viewport(phoneW, phoneH), chromedp.Navigate(env.url+"/calculator/?"+q), chromedp.WaitVisible(chromedp.ID("calc-result")))
		got := eval[map[string]any](t, ctx, `(() => {
		  const h = document.getElementById("h-result"), s = document.getElementById("calc-summary");
		  const r = document.getElementById("calc-result"), nd = r.querySelector("details.not-granted");
		  const order = ["h-totals", "h-pending", "h-cash", "h-service", "h-not", "h-not-assessed"].map(id => document.getElementById(id)).filter(Boolean)
		    .map(e => e.getBoundingClientRect().top);
		  return {top: h.getBoundingClientRect().top, focus: document.activeElement.id,
		    summary: !s.hidden && s.getBoundingClientRect().bottom <= h.getBoundingClientRect().top && s.textContent.includes("修改答案"),
		    status: !!r.querySelector(".policy-status-note") && r.querySelector(".policy-status-note").textContent.includes("按方案原文标准计算"),
		    ordered: order.every((v, i) => i === 0 || order[i - 1] < v) && order.length >= 4,
		    collapsed: !!nd && !nd.open, count: nd ? nd.querySelector("summary").textContent : "", items: nd ? nd.querySelectorAll("li").length : -1,
		    least: document.getElementById("h-totals").textContent.includes("至少"), pending: r.querySelectorAll("#h-pending ~ ul > li").length,
		    notAssessed: r.querySelectorAll("details.not-assessed li").length,
		    floating: !!r.querySelector("details.not-assessed:not([open])") && r.querySelector("details.not-assessed").textContent.includes("计算器不询问家庭是否为流动人口") &&
		      document.getElementById("h-totals").parentNode.textContent.includes("项待遇计算器没有判断")};
		})()`)
		if top := got["top"].(float64); top < 0 || top >= phoneH {
			t.Errorf("%s: result heading at %.0f px, want within the first %d px", q, top, phoneH)
		}
		if got["focus"] != "h-result" {
			t.Errorf("%s: focus on %q, want the result heading", q, got["focus"])
		}
		for _, k := range []string{"summary", "status", "ordered", "collapsed", "floating"} {
			if got[k] != true {
				t.Errorf("%s: %s check failed: %v", q, k, got)
			}
		}
		if want := fmt.Sprintf("（%d项）", int(got["items"].(float64))); !strings.Contains(got["count"].(string), want) {
			t.Errorf("%s: 不能领取 summary %q, want its count %s", q, got["count"], want)
		}
		ans := eval[map[string]any](t, ctx, fmt.Sprintf(`window.policyCalc(%q).then(JSON.parse)`, string(mustFacts(t, q))))
		partial := ans["complete"] == false
		pend, _ := ans["pending"].([]any)
		if na, _ := ans["not_assessed"].([]any); len(na) == 0 || int(got["notAssessed"].(float64)) != len(na) {
			t.Errorf("%s: %v items under 计算器没有判断的待遇, the answer's not_assessed has %d", q, got["notAssessed"], len(na))
		}
		if got["least"] != partial || int(got["pending"].(float64)) != len(pend) {
			t.Errorf("%s: complete=%v with %d pending; page shows 至少=%v and %v pending items", q, ans["complete"], len(pend), got["least"], got["pending"])
		}
	}
	// 修改答案 goes back to the form.
	do(t, ctx, chromedp.Click(chromedp.ID("calc-edit")))
	if in := eval[bool](t, ctx, `document.getElementById("calc-form").contains(document.activeElement)`); !in {
		t.Error("修改答案 did not move to the form")
	}
}

// painted waits until the page has drawn two more frames.
var painted = chromedp.Evaluate[chromedp.Void](`new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))`, chromedp.EvalAwaitPromise)

// pdfPages counts the pages of a PDF that Chromium wrote.
func pdfPages(pdf []byte) int {
	return len(regexp.MustCompile(`/Type\s*/Page[^s]`).FindAll(pdf, -1))
}

// printPDF prints the tab's page on A4 as the print dialog does.
func printPDF(t *testing.T, ctx context.Context) []byte {
	t.Helper()
	css := true
	pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4), func(p *page.PrintToPDFParams) { p.PreferCSSPageSize = &css }))
	if err != nil {
		t.Fatal(err)
	}
	return pdf
}

// decodeQR reads the QR code of the element sel as printed.
func decodeQR(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	shot, err := chromedp.Run(ctx, chromedp.ScreenshotScale(chromedp.CSS(sel), 4))
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(shot))
	if err != nil {
		t.Fatal(err)
	}
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		t.Fatal(err)
	}
	res, err := qrcode.NewQRCodeReader().Decode(bmp, map[gozxing.DecodeHintType]any{gozxing.DecodeHintType_PURE_BARCODE: true})
	if err != nil {
		t.Fatalf("%s: no QR code decoded: %v", sel, err)
	}
	return res.GetText()
}

// TestPrint prints three results (at most two A4 pages each, without what
// cannot be had, with the site's real address and a QR code of it) and
// every group's 明白纸 (exactly one A4 page, with a QR code of its
// address).
func TestPrint(t *testing.T) {
	ctx := tab(t)
	// The shipped content has no real address: the result's QR code
	// carries the address the page was opened at, and the 明白纸 none.
	base := env.result.Plan.Site.BaseURL
	calcBase := base
	if calcBase == "" {
		calcBase = env.url + "/"
	}
	for _, q := range results {
		do(t, ctx, viewport(phoneW, phoneH), chromedp.Navigate(env.url+"/calculator/?"+q), chromedp.WaitVisible(chromedp.ID("calc-result")))
		if n := pdfPages(printPDF(t, ctx)); n < 1 || n > 2 {
			t.Errorf("result %s prints on %d A4 pages, want at most 2", q, n)
		} else {
			t.Logf("result %s: %d A4 page(s)", q, n)
		}
		// The QR code is drawn only for print (its library loads then).
		do(t, ctx, media("print"), chromedp.WaitVisible(chromedp.CSS("#calc-qr svg")), painted)
		want := calcBase + "calculator/?" + q
		if got := decodeQR(t, ctx, "#calc-qr"); got != want {
			t.Errorf("result QR code reads %q, want %q", got, want)
		}
		shown := eval[[]bool](t, ctx, `[getComputedStyle(document.querySelector(".not-granted")).display === "none",
		  document.getElementById("calc-url").textContent === `+fmt.Sprintf("%q", want)+`]`)
		if !shown[0] || !shown[1] {
			t.Errorf("printed result: 不能领取 hidden %v, address %q shown %v", shown[0], want, shown[1])
		}
		do(t, ctx, media(""))
	}
	for _, g := range env.result.Plan.Groups {
		do(t, ctx, chromedp.Navigate(env.url+"/groups/"+g.ID+"/"))
		if n := pdfPages(printPDF(t, ctx)); n != 1 {
			t.Errorf("明白纸 of %s prints on %d A4 pages, want exactly 1", g.ID, n)
		}
		do(t, ctx, media("print"))
		if base == "" {
			if n := eval[int](t, ctx, `document.querySelectorAll("[data-qr]").length`); n != 0 {
				t.Errorf("明白纸 of %s: %d QR codes without a real base_url, want none", g.ID, n)
			}
			do(t, ctx, media(""))
			continue
		}
		want := base + "groups/" + g.ID + "/"
		if got := decodeQR(t, ctx, "[data-qr] svg"); got != want {
			t.Errorf("明白纸 of %s: QR code reads %q, want %q", g.ID, got, want)
		}
		if attr := eval[string](t, ctx, `document.querySelector("[data-qr]").getAttribute("data-qr")`); attr != want {
			t.Errorf("明白纸 of %s: data-qr=%q, want %q", g.ID, attr, want)
		}
		do(t, ctx, media(""))
	}
}

// cellsJS lists table cells narrower than two characters of their text.
const cellsJS = pageJS + `
(() => {
  const bad = [];
  for (const c of document.querySelectorAll("td, th")) {
    if (!shown(c)) continue;
    const cs = getComputedStyle(c);
    const w = c.getBoundingClientRect().width - px(cs.paddingLeft) - px(cs.paddingRight) - px(cs.borderLeftWidth) - px(cs.borderRightWidth);
    if (w < 2 * px(cs.fontSize) - 0.5) bad.push(name(c) + ": " + w.toFixed(1) + " px wide, font " + cs.fontSize);
  }
  return bad;
})()`

// TestLayout: on every page kind no table cell is narrower than two
// characters at 375 and 1280 px, and the header of a phone is at most
// 160 px high; the home page's first screen at 375×800 shows the 我是…
// entry and the calculator before the goals, and the navigation is in
// residents' order with 开放数据 in the footer.
func TestLayout(t *testing.T) {
	ctx := tab(t)
	for _, w := range []int64{phoneW, 1280} {
		for _, k := range pageKinds(t) {
			open(t, ctx, k, w, phoneH)
			report(t, fmt.Sprintf("%s at %d px", k.name, w), eval[[]string](t, ctx, cellsJS))
			if h := eval[float64](t, ctx, `document.querySelector("header.site").getBoundingClientRect().height`); w == phoneW && h > 160 {
				t.Errorf("%s: header %.0f px high on a phone, want ≤ 160", k.name, h)
			}
		}
	}
	open(t, ctx, pageKinds(t)[0], phoneW, phoneH)
	home := eval[map[string]any](t, ctx, `(() => {
	  const top = s => document.querySelector(s).getBoundingClientRect();
	  return {groups: top("#h-groups").top, chip: top("#groups .chips li").bottom, calc: top("main a[href='/calculator/']").bottom, goals: top("#h-goals").top,
	    nav: Array.from(document.querySelectorAll("header nav a")).filter(a => a.offsetParent).map(a => a.textContent),
	    footer: !!document.querySelector("footer a[href='/open-data/']")};
	})()`)
	for _, k := range []string{"groups", "chip", "calc"} {
		if v := home[k].(float64); v > phoneH || v >= home["goals"].(float64) {
			t.Errorf("home: %s at %.0f px, want in the first %d px and before the goals (%.0f)", k, v, phoneH, home["goals"])
		}
	}
	if nav := fmt.Sprint(home["nav"]); nav != "[按人群查看 待遇计算器 方案全文 最新动态]" || home["footer"] != true {
		t.Errorf("navigation %s (开放数据 in the footer: %v), want residents' order without 开放数据", nav, home["footer"])
	}
}

// focusJS focuses every focusable element and lists those whose focus
// ring is missing or has less than 3:1 contrast with what is behind it.
const focusJS = pageJS + `
(() => {
  const bad = [];
  for (const e of document.querySelectorAll("a[href], button, input, select, summary, [tabindex]")) {
    e.focus({preventScroll: true});
    if (document.activeElement !== e || !shown(e)) continue;
    const cs = getComputedStyle(e);
    if (cs.outlineStyle === "none" || px(cs.outlineWidth) < 2) { bad.push(name(e) + ": no focus ring"); continue; }
    const c = contrast(rgb(cs.outlineColor), behind(e.parentElement));
    if (c < 3) bad.push(name(e) + ": focus ring " + cs.outlineColor + " contrast " + c.toFixed(2) + " < 3");
  }
  return bad;
})()`

// TestFocusRing: every focusable element of every page kind shows a
// focus ring with at least 3:1 contrast against the background it is
// drawn on, in both modes.
func TestFocusRing(t *testing.T) {
	ctx := tab(t, chromedp.WithNewBrowserContext())
	do(t, ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error { // :focus as in a focused window
		_, err := cdp.Call(ctx, tg, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true})
		return err
	}))
	for _, mode := range []string{"standard", "elder"} {
		for _, k := range pageKinds(t) {
			open(t, ctx, k, phoneW, phoneH)
			report(t, k.name+" ("+mode+")", eval[[]string](t, ctx, focusJS))
		}
		do(t, ctx, chromedp.Evaluate[chromedp.Void](`localStorage.setItem("gy-elder", "1")`))
	}
}

// TestCSPEveryPage loads every page kind (the tab fails the test on any
// Content-Security-Policy violation) and checks each carries the policy
// in a meta element; then shows that the watch catches a violation.
func TestCSPEveryPage(t *testing.T) {
	ctx := tab(t)
	for _, k := range pageKinds(t) {
		open(t, ctx, k, phoneW, phoneH)
		do(t, ctx, chromedp.Sleep(200e6)) // late loads (worker, wasm) report too
		meta := eval[string](t, ctx, `(document.querySelector('meta[http-equiv="Content-Security-Policy"]') || {}).content || ""`)
		if meta != site.CSP {
			t.Errorf("%s: CSP meta %q, want %q", k.name, meta, site.CSP)
		}
	}
	bad, csp := watchedTab(t)
	do(t, bad, chromedp.Navigate(env.url+"/"), chromedp.Evaluate[chromedp.Void](
		`const s = document.createElement("style"); s.textContent = "p{}"; document.head.append(s);`), chromedp.Sleep(200e6))
	if v := csp.list(); len(v) == 0 || !strings.Contains(v[0], "style-src") {
		t.Errorf("an inline style added by a script was not reported as a violation: %q", v)
	}
}

// mustFacts is the facts JSON of a calculator query string.
func mustFacts(t *testing.T, query string) []byte {
	t.Helper()
	f, err := calcstep.FactsFromQuery(query)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// TestPartialAnswerShown: the family — a rural 独女户 on 低保 whose
// daughter was admitted to university and who does not know the local
// 低保标准 — gets an answer that says 至少 before its totals and lists the
// pending benefits with what they need, named as the form asks it, right
// after the totals, before the cash items.
func TestPartialAnswerShown(t *testing.T) {
	ctx := tab(t)
	do(t, ctx, viewport(phoneW, phoneH), chromedp.Navigate(env.url+"/calculator/?"+results[2]),
		chromedp.WaitVisible(chromedp.ID("h-pending")))
	got := eval[map[string]any](t, ctx, `(() => {
	  const tot = document.getElementById("h-totals").parentElement.textContent, p = document.getElementById("h-pending");
	  const item = Array.from(p.parentElement.querySelectorAll("li")).map(li => li.innerText).find(s => s.includes("农村低保家庭增发补助")) || "";
	  return {least: /至少 [\d,]+元/.test(tot), heading: p.textContent,
	    after: document.getElementById("h-totals").getBoundingClientRect().top < p.getBoundingClientRect().top &&
	      p.getBoundingClientRect().top < document.getElementById("h-cash").getBoundingClientRect().top, item};
	})()`)
	if got["least"] != true || got["after"] != true || !strings.Contains(got["heading"].(string), "项）") {
		t.Errorf("partial answer shown as %v", got)
	}
	for _, want := range []string{"农村低保家庭增发补助", "当地农村低保标准", "当地农村低保保障标准 × 20% × 3人", "第3.2.4条", "方案没有规定申请程序；方案写明由民政部门负责"} {
		if !strings.Contains(got["item"].(string), want) {
			t.Errorf("pending item %q lacks %q", got["item"], want)
		}
	}
}

package preview

import (
	_ "embed"
	"html"
	"strconv"
	"strings"
)

// Paths of the preview's own files, served beside the site.
const (
	ReloadPath     = "/__preview/reload.js"
	OverlayCSSPath = "/__preview/overlay.css"
)

// reloadJS opens the event stream and reloads the page when the state
// token the server sends differs from the page's (its data-state); it
// also makes the overlay's hide button work.
//
//go:embed reload.js
var reloadJS []byte

// overlayCSS styles the error overlay.
//
//go:embed overlay.css
var overlayCSS []byte

// OverlayID is the id of the error overlay element.
const OverlayID = "gy-preview-errors"

// reloadScript is the element inserted into every page served: the
// external reload script with the page's state token.
func reloadScript(state string) string {
	return `<script src="` + ReloadPath + `" data-preview="live-reload" data-events="` + EventsPath +
		`" data-state="` + html.EscapeString(state) + `"></script>` + "\n"
}

// overlay is the error panel shown over every page while the last build
// has failed; it is empty when there are no errors. It is an ARIA alert,
// styled by OverlayCSSPath so that it does not depend on the site's
// stylesheet; the reload script makes its button hide it.
func overlay(errs []string) string {
	if len(errs) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(`<link rel="stylesheet" href="` + OverlayCSSPath + `">`)
	b.WriteString(`<div id="` + OverlayID + `" role="alert" lang="zh-CN">`)
	b.WriteString(`<p class="gy-title">预览生成失败：内容有 ` + strconv.Itoa(len(errs)) + ` 处错误</p>`)
	b.WriteString(`<p>网站没有更新，下面显示的仍是上一次成功生成的页面。改正以下错误并保存后，页面会自动刷新。</p>`)
	b.WriteString(`<ul>`)
	for _, e := range errs {
		b.WriteString("<li>" + html.EscapeString(e) + "</li>")
	}
	b.WriteString(`</ul><button type="button" id="` + OverlayID + `-hide">暂时隐藏</button></div>` + "\n")
	return b.String()
}

// fallbackPage is served when no site has been built yet; the reload
// script goes in before </body>.
const fallbackPage = `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>预览：网站尚未生成</title></head>
<body><h1>网站尚未生成</h1><p>第一次生成就失败了，请按提示改正内容中的错误。</p>
</body></html>
`

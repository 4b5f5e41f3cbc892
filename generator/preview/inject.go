package preview

import (
	"html"
	"html/template"
	"strconv"
	"strings"
)

// Script is the live-reload script every preview page carries (set as
// site.Options.Preview). Once the page has loaded it opens the event
// stream and reloads the page when the stream's state token differs from
// the one the server wrote into the page. It is the same for every
// build, so preview rebuilds only change the pages whose content changed.
const Script template.HTML = `<script data-preview="live-reload">
(function () {
  if (!window.EventSource) return;
  function start() {
    var es = new EventSource("` + EventsPath + `");
    es.onmessage = function (e) {
      if (window.gyPreviewState !== undefined && e.data !== window.gyPreviewState) {
        es.close();
        location.reload();
      }
    };
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
</script>
`

// OverlayID is the id of the error overlay element.
const OverlayID = "gy-preview-errors"

// stateScript records the state token of the page being served.
func stateScript(state string) string {
	return "<script>window.gyPreviewState=" + strconv.Quote(state) + ";</script>\n"
}

// overlay is the error panel shown over every page while the last build
// has failed; it is empty when there are no errors. It is an ARIA alert,
// styled inline so that it does not depend on the site's stylesheet.
func overlay(errs []string) string {
	if len(errs) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(`<div id="` + OverlayID + `" role="alert" lang="zh-CN" style="position:fixed;top:0;left:0;right:0;max-height:70vh;overflow:auto;z-index:2147483647;margin:0;padding:1rem 1.5rem;background:#fff3f3;color:#600;border-bottom:4px solid #c00;box-shadow:0 2px 12px rgba(0,0,0,.3);font:16px/1.6 system-ui,sans-serif">`)
	b.WriteString(`<p style="margin:0 0 .5rem;font-size:1.25rem;font-weight:bold">预览生成失败：内容有 ` + strconv.Itoa(len(errs)) + ` 处错误</p>`)
	b.WriteString(`<p style="margin:0 0 .5rem">网站没有更新，下面显示的仍是上一次成功生成的页面。改正以下错误并保存后，页面会自动刷新。</p>`)
	b.WriteString(`<ul style="margin:0 0 .5rem;padding-left:1.5rem;font-family:ui-monospace,monospace;white-space:pre-wrap">`)
	for _, e := range errs {
		b.WriteString("<li>" + html.EscapeString(e) + "</li>")
	}
	b.WriteString(`</ul><button type="button" onclick="this.parentNode.hidden=true">暂时隐藏</button></div>` + "\n")
	return b.String()
}

// fallbackPage is served when no site has been built yet.
const fallbackPage = `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>预览：网站尚未生成</title></head>
<body><h1>网站尚未生成</h1><p>第一次生成就失败了，请按提示改正内容中的错误。</p>
` + string(Script) + `</body></html>
`

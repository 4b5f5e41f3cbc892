// Command benchbuild writes a synthetic site of N clauses twice: as our
// content/ tree (the real content plus N generated clauses) and as an
// equivalent Hugo site (one Markdown page per clause, a list page per
// department and group), so that scripts/bench-build.sh can time both
// builders on the same pages.
//
//	go run ./scripts/benchbuild -n 10000 -out /tmp/bench
package main

import (
	"flag"
	"fmt"
	"log"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	n := flag.Int("n", 10000, "clauses to generate")
	out := flag.String("out", "bench-out", "directory to write content/ and hugo/ into")
	flag.Parse()
	sentences, err := planSentences()
	if err != nil {
		log.Fatal(err)
	}
	content := filepath.Join(*out, "content")
	hugo := filepath.Join(*out, "hugo")
	os.RemoveAll(*out)
	if err := os.CopyFS(content, os.DirFS("content")); err != nil {
		log.Fatal(err)
	}
	writeHugoSkeleton(hugo)
	depts := []string{"population", "health", "education", "civil-affairs", "water", "agriculture"}
	groups := []string{"bereaved", "dibao", "rural-only-daughter", "two-daughters", "students"}
	r := rand.New(rand.NewSource(1))
	for i := 0; i < *n; i++ {
		id := fmt.Sprintf("9.%d.%d", i/100+1, i%100+1)
		var text strings.Builder
		for j := 0; j < 4+r.Intn(6); j++ {
			text.WriteString(sentences[r.Intn(len(sentences))] + "。")
		}
		summary := sentences[r.Intn(len(sentences))] + "。"
		d, g := depts[r.Intn(len(depts))], groups[r.Intn(len(groups))]
		toml := fmt.Sprintf("id = %q\ntitle = \"合成条款%d\"\ndepartments = [%q]\ngroups = [%q]\ntext = \"\"\"%s\"\"\"\nsummary = \"\"\"%s\"\"\"\n",
			id, i, d, g, text.String(), summary)
		must(os.WriteFile(filepath.Join(content, "measures", id+".toml"), []byte(toml), 0o644))
		md := fmt.Sprintf("---\ntitle: \"%s 合成条款%d\"\ndepartments: [%q]\ngroups: [%q]\nsummary: %q\n---\n\n%s\n",
			id, i, d, g, summary, text.String())
		must(os.WriteFile(filepath.Join(hugo, "content", "clauses", id+".md"), []byte(md), 0o644))
	}
	fmt.Printf("wrote %d clauses to %s and %s\n", *n, content, hugo)
}

// planSentences returns the sentences of the real clause texts.
func planSentences() ([]string, error) {
	files, err := filepath.Glob("content/measures/*.toml")
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("run from the repository root (content/measures not found)")
	}
	var out []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		_, rest, _ := strings.Cut(string(data), "text        = \"\"\"")
		text, _, _ := strings.Cut(rest, "\"\"\"")
		for _, s := range strings.Split(text, "。") {
			if s = strings.TrimSpace(s); s != "" && !strings.ContainsAny(s, "\"\\") {
				out = append(out, s)
			}
		}
	}
	return out, nil
}

// writeHugoSkeleton writes a minimal Hugo site: config, taxonomies for
// departments and groups, and layouts comparable to ours (a page per
// clause, list pages, sitemap).
func writeHugoSkeleton(dir string) {
	for _, d := range []string{"content/clauses", "layouts/_default"} {
		must(os.MkdirAll(filepath.Join(dir, d), 0o755))
	}
	files := map[string]string{
		"hugo.toml": "baseURL = \"https://example.gov.cn/\"\nlanguageCode = \"zh-CN\"\ntitle = \"bench\"\n" +
			"disableKinds = [\"RSS\"]\n[taxonomies]\ndepartment = \"departments\"\ngroup = \"groups\"\n",
		"layouts/_default/baseof.html": `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>` +
			`<body><header><a href="/">首页</a></header><main>{{ block "main" . }}{{ end }}</main></body></html>`,
		"layouts/_default/single.html": `{{ define "main" }}<article><h1>{{ .Title }}</h1><p>{{ .Params.summary }}</p>{{ .Content }}` +
			`<p>{{ range .Params.departments }}<a href="/departments/{{ . | urlize }}/">{{ . }}</a>{{ end }}</p></article>{{ end }}`,
		"layouts/_default/list.html": `{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}`,
		"layouts/index.html":         `{{ define "main" }}<h1>{{ .Site.Title }}</h1>{{ end }}`,
	}
	for name, body := range files {
		must(os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644))
	}
}

func must(err error) {
	if err != nil {
		log.Fatal(err)
	}
}

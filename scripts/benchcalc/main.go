// Command benchcalc measures the calculator for scripts/bench-calculator.sh:
// the WebAssembly's size raw, gzip and brotli; the time from navigation to
// the first answer in headless Chromium (median of 5 loads in newly started
// browsers, and of 5 in one running browser, HTTP cache cleared); and, with
// --lighthouse, the Lighthouse mobile scores of every page kind.
//
//	go run ./scripts/benchcalc [--lighthouse PATH-TO-lighthouse-cli]
//	go run ./scripts/benchcalc --sizes   # only the wasm sizes, with and without wasm-opt -Oz
//	go run ./scripts/benchcalc --compare d6dd3bf   # one household's time and allocations against a revision
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"gyportal/generator/browsertest"
)

// query is the household the timing loads (answers in the URL).
const query = "hukou=rural&family=two_daughters&members=4&child1=college&child1_college=1&child2=senior"

func main() {
	lighthouse := flag.String("lighthouse", "", "path of the lighthouse CLI; empty skips Lighthouse")
	runs := flag.Int("runs", 5, "cold loads to time")
	sizesOnly := flag.Bool("sizes", false, "only compile calc/wasm and print its sizes (with and without wasm-opt -Oz)")
	before := flag.String("compare", "", "a git revision: only time one household against that revision (paired runs)")
	pairs := flag.Int("pairs", 5, "paired runs for --compare")
	flag.Parse()
	if *before != "" {
		root, err := browsertest.Root()
		if err == nil {
			err = compare(root, *before, *pairs)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "benchcalc:", err)
			os.Exit(1)
		}
		return
	}
	if *sizesOnly {
		root, err := browsertest.Root()
		if err == nil {
			err = wasmSizes(root)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "benchcalc:", err)
			os.Exit(1)
		}
		return
	}
	if err := run(*lighthouse, *runs); err != nil {
		fmt.Fprintln(os.Stderr, "benchcalc:", err)
		os.Exit(1)
	}
}

func run(lighthouse string, runs int) error {
	root, err := browsertest.Root()
	if err != nil {
		return err
	}
	chromium, err := browsertest.Chromium()
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "benchcalc-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	dir := filepath.Join(tmp, "public")
	res, err := browsertest.BuildSite(root, dir)
	if err != nil {
		return err
	}
	if err := sizes(dir); err != nil {
		return err
	}
	if err := wasmSizes(root); err != nil {
		return err
	}
	srv := browsertest.Serve(dir)
	defer srv.Close()

	var times []float64
	for i := 0; i < runs; i++ {
		ms, err := firstAnswer(chromium, filepath.Join(tmp, fmt.Sprintf("profile-%d", i)), srv.URL+"/calculator/?"+query)
		if err != nil {
			return err
		}
		times = append(times, ms)
	}
	printTimes("a newly started Chromium, cold cache", times)
	times, err = warmBrowser(chromium, filepath.Join(tmp, "profile-warm"), srv.URL, runs)
	if err != nil {
		return err
	}
	printTimes("a running Chromium, HTTP cache cleared", times)

	if lighthouse == "" {
		return nil
	}
	pl := res.Plan
	pages := []struct{ kind, path string }{
		{"home", "/"}, {"clause", "/clauses/" + pl.Clauses[len(pl.Clauses)/2].ID + "/"},
		{"department", "/departments/" + pl.Departments[0].ID + "/"}, {"group", "/groups/" + pl.Groups[0].ID + "/"},
		{"full", "/full/"}, {"search", "/search/"}, {"calculator", "/calculator/"},
		{"calculator+answer", "/calculator/?" + query}, {"updates", "/updates/"}, {"open-data", "/open-data/"},
		{"404", "/404.html"},
	}
	fmt.Printf("\nLighthouse (mobile) %-18s %5s %5s %5s %5s\n", "page", "perf", "a11y", "bp", "seo")
	for _, p := range pages {
		scores, err := lighthouseScores(lighthouse, chromium, srv.URL+p.path, tmp)
		if err != nil {
			return fmt.Errorf("lighthouse %s: %w", p.path, err)
		}
		fmt.Printf("                    %-18s %5d %5d %5d %5d\n", p.kind, scores[0], scores[1], scores[2], scores[3])
	}
	return nil
}

// sizes prints the WebAssembly's size raw, gzip and brotli.
func sizes(dir string) error {
	m, err := filepath.Glob(filepath.Join(dir, "assets", "calc.*.wasm"))
	if err != nil || len(m) != 1 {
		return fmt.Errorf("no single calc.*.wasm in the build (%v)", m)
	}
	var out []string
	for _, ext := range []string{"", ".gz", ".br"} {
		info, err := os.Stat(m[0] + ext)
		if err != nil {
			return err
		}
		out = append(out, fmt.Sprintf("%.0f KiB", float64(info.Size())/1024))
	}
	fmt.Printf("WebAssembly %s: raw %s, gzip %s, brotli %s\n", filepath.Base(m[0]), out[0], out[1], out[2])
	return nil
}

// printTimes prints the median, least and greatest of times (ms).
func printTimes(what string, times []float64) {
	fmt.Printf("first answer after navigation (headless, brotli; %s): median %.0f ms of %d (min %.0f, max %.0f)\n",
		what, median(times), len(times), slices.Min(times), slices.Max(times))
}

// warmBrowser times the first answer in one running Chromium that has
// shown the home page once (its renderer and the system's fonts are
// warm, as on a phone in use), clearing the HTTP cache, the compiled
// WebAssembly with it, before each load.
func warmBrowser(chromium, profile, base string, runs int) ([]float64, error) {
	ctx, cancel := browsertest.NewBrowser(context.Background(), chromium, profile)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/")); err != nil {
		return nil, err
	}
	var times []float64
	for range runs {
		ms, err := timeFirstAnswer(ctx, func(ctx context.Context) error {
			if _, err := chromedp.Call(ctx, network.ClearBrowserCache, cdp.Empty{}); err != nil {
				return err
			}
			return chromedp.Do(ctx, chromedp.Navigate("about:blank"))
		}, base+"/calculator/?"+query)
		if err != nil {
			return nil, err
		}
		times = append(times, ms)
	}
	return times, nil
}

// firstAnswer loads url in a fresh browser and returns the milliseconds
// from navigation start to the page's calc-first-answer mark.
func firstAnswer(chromium, profile, url string) (float64, error) {
	ctx, cancel := browsertest.NewBrowser(context.Background(), chromium, profile)
	defer cancel()
	if err := chromedp.Do(ctx); err != nil {
		return 0, err
	}
	return timeFirstAnswer(ctx, func(context.Context) error { return nil }, url)
}

// timeFirstAnswer runs prepare, loads url and returns the milliseconds
// from navigation start to the page's calc-first-answer mark, within a
// minute.
func timeFirstAnswer(ctx context.Context, prepare func(context.Context) error, url string) (float64, error) {
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	if err := prepare(ctx); err != nil {
		return 0, err
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		return 0, err
	}
	return chromedp.Run(ctx, chromedp.Poll[float64](
		`(performance.getEntriesByName("calc-first-answer")[0] || {}).startTime`, chromedp.WithPollingInterval(5*time.Millisecond)))
}

// lighthouseScores runs Lighthouse's mobile audit and returns the scores
// (0–100) of performance, accessibility, best practices and SEO.
func lighthouseScores(cli, chromium, url, tmp string) ([4]int, error) {
	var scores [4]int
	out := filepath.Join(tmp, "lh.json")
	flags := strings.Join(append(browsertest.Flags, "--user-data-dir="+filepath.Join(tmp, "lh-profile")), " ")
	cmd := exec.Command(cli, url, "--quiet", "--output=json", "--output-path="+out,
		"--only-categories=performance,accessibility,best-practices,seo", "--chrome-flags="+flags)
	cmd.Env = append(os.Environ(), "CHROME_PATH="+chromium)
	if msg, err := cmd.CombinedOutput(); err != nil {
		return scores, fmt.Errorf("%w\n%s", err, msg)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		return scores, err
	}
	var rep struct {
		Categories map[string]struct{ Score *float64 } `json:"categories"`
	}
	if err := json.Unmarshal(data, &rep); err != nil {
		return scores, err
	}
	for i, c := range []string{"performance", "accessibility", "best-practices", "seo"} {
		if s := rep.Categories[c].Score; s != nil {
			scores[i] = int(*s*100 + 0.5)
		} else {
			scores[i] = -1
		}
	}
	return scores, nil
}

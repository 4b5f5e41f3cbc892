package main

import (
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// compare runs BenchmarkRun (one household, JSON in, answer out, with the
// plan's standards and after two 3.1 raises) in the tree at root and in
// a git worktree of the revision before, alternating, pairs times, and
// prints the median per household time and allocations of each and their
// ratio. Absolute times on a shared machine swing; the ratio of paired
// runs holds.
func compare(root, before string, pairs int) error {
	old, err := os.MkdirTemp("", "benchcalc-before-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(old)
	if out, err := git(root, "worktree", "add", "--detach", old, before); err != nil {
		return fmt.Errorf("git worktree add %s: %v\n%s", before, err, out)
	}
	defer git(root, "worktree", "remove", "--force", old)
	type runs struct{ ns, allocs map[string][]float64 }
	results := map[string]*runs{"before": {map[string][]float64{}, map[string][]float64{}},
		"after": {map[string][]float64{}, map[string][]float64{}}}
	for range pairs {
		for _, side := range []struct{ name, dir string }{{"before", old}, {"after", root}} {
			ns, allocs, err := benchRun(side.dir)
			if err != nil {
				return fmt.Errorf("%s: %w", side.name, err)
			}
			for k, v := range ns {
				results[side.name].ns[k] = append(results[side.name].ns[k], v)
				results[side.name].allocs[k] = append(results[side.name].allocs[k], allocs[k])
			}
		}
	}
	fmt.Printf("per household (BenchmarkRun, median of %d paired runs; before = %s)\n", pairs, before)
	fmt.Printf("%-12s %12s %12s %8s %14s %14s\n", "standards", "before µs", "after µs", "ratio", "before allocs", "after allocs")
	for _, k := range []string{"plan", "two-raises"} {
		b, a := median(results["before"].ns[k]), median(results["after"].ns[k])
		fmt.Printf("%-12s %12.1f %12.1f %7.1f× %14.0f %14.0f\n", k, b/1e3, a/1e3, b/a,
			median(results["before"].allocs[k]), median(results["after"].allocs[k]))
	}
	return nil
}

var benchLine = regexp.MustCompile(`^BenchmarkRun/([a-z-]+)-\d+\s+\d+\s+([0-9.]+) ns/op.*?([0-9]+) allocs/op`)

// benchRun runs BenchmarkRun of ./calc in dir once.
func benchRun(dir string) (ns, allocs map[string]float64, err error) {
	cmd := exec.Command("go", "test", "-run", "^$", "-bench", "^BenchmarkRun$", "-benchmem", "-benchtime", "1s", "./calc")
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		return nil, nil, fmt.Errorf("go test: %v\n%s", err, out)
	}
	ns, allocs = map[string]float64{}, map[string]float64{}
	for _, l := range strings.Split(string(out), "\n") {
		if m := benchLine.FindStringSubmatch(l); m != nil {
			ns[m[1]], _ = strconv.ParseFloat(m[2], 64)
			allocs[m[1]], _ = strconv.ParseFloat(m[3], 64)
		}
	}
	if len(ns) == 0 {
		return nil, nil, fmt.Errorf("no BenchmarkRun results in:\n%s", out)
	}
	return ns, allocs, nil
}

func git(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	return cmd.CombinedOutput()
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}

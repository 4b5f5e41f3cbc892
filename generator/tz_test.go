package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gyportal/generator/model"
)

// TestBuildIgnoresHostZone builds the site with the host's zone set to
// the two ends of the world, Etc/GMT+12 (UTC−12) and Pacific/Kiritimati
// (UTC+14), whose calendar dates always differ: the sites must be byte
// for byte the same, built for Guiyang's day, with a clause whose
// publish date is Guiyang's today shown and one for Guiyang's tomorrow
// not.
func TestBuildIgnoresHostZone(t *testing.T) {
	for attempt := 0; attempt < 2; attempt++ {
		day := model.Today(time.Now())
		sites := map[string]string{}
		for _, zone := range []string{"Etc/GMT+12", "Pacific/Kiritimati"} {
			sites[zone] = buildInZone(t, zone, day)
		}
		if !model.Today(time.Now()).Equal(day) {
			continue // Guiyang's midnight passed during the builds
		}
		compareTrees(t, sites["Etc/GMT+12"], sites["Pacific/Kiritimati"])
		for zone, out := range sites {
			if _, err := os.Stat(filepath.Join(out, "clauses/4.2/index.html")); err != nil {
				t.Errorf("TZ=%s: the clause published today in Guiyang is missing: %v", zone, err)
			}
			if _, err := os.Stat(filepath.Join(out, "clauses/4.3/index.html")); err == nil {
				t.Errorf("TZ=%s: the clause published tomorrow in Guiyang is shown", zone)
			}
		}
		return
	}
}

// buildInZone builds the real content, with clause 4.2 published on
// day and 4.3 the day after, with time.Local set to zone.
func buildInZone(t *testing.T, zone string, day time.Time) string {
	t.Helper()
	content := copyContent(t)
	publish(t, filepath.Join(content, "measures/4.2.toml"), day)
	publish(t, filepath.Join(content, "measures/4.3.toml"), day.AddDate(0, 0, 1))
	loc, err := time.LoadLocation(zone)
	if err != nil {
		t.Fatal(err)
	}
	saved := time.Local
	time.Local = loc
	defer func() { time.Local = saved }()
	out := filepath.Join(t.TempDir(), "public")
	var stdout, stderr bytes.Buffer
	if c := run([]string{"build", "--content", content, "--templates", "../templates", "--out", out, "--quiet"}, nil, &stdout, &stderr); c != exitOK {
		t.Fatalf("TZ=%s: build exit %d\n%s", zone, c, stderr.String())
	}
	return out
}

// publish sets a clause's publish date (after its id line).
func publish(t *testing.T, file string, day time.Time) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	first, rest, _ := strings.Cut(string(data), "\n")
	line := `publish = "` + day.Format(time.DateOnly) + `"`
	if err := os.WriteFile(file, []byte(first+"\n"+line+"\n"+rest), 0o644); err != nil {
		t.Fatal(err)
	}
}

// compareTrees reports the first files in which two directories differ.
func compareTrees(t *testing.T, a, b string) {
	t.Helper()
	files := func(root string) map[string][]byte {
		m := map[string][]byte{}
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				rel, _ := filepath.Rel(root, p)
				m[rel], _ = os.ReadFile(p)
			}
			return nil
		})
		return m
	}
	fa, fb := files(a), files(b)
	diffs := 0
	for name, da := range fa {
		if db, ok := fb[name]; !ok || !bytes.Equal(da, db) {
			if diffs++; diffs <= 5 {
				t.Errorf("%s differs between the two host zones", name)
			}
		}
	}
	for name := range fb {
		if _, ok := fa[name]; !ok {
			t.Errorf("%s only in one of the two builds", name)
		}
	}
	if len(fa) == 0 {
		t.Error("empty site")
	}
}

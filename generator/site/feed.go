package site

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
)

// atomNS is the Atom 1.0 namespace (RFC 4287).
const atomNS = "http://www.w3.org/2005/Atom"

// atomTime is the time of day given to a date in the feed: midnight in
// Guiyang (UTC+8), so a feed built anywhere says the same thing.
const atomTime = "T00:00:00+08:00"

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"xml:lang,attr"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomPerson  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomPerson struct {
	Name string `xml:"name"`
	URI  string `xml:"uri,omitempty"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Text string `xml:",chardata"`
}

type atomEntry struct {
	ID      string   `xml:"id"`
	Title   string   `xml:"title"`
	Updated string   `xml:"updated"`
	Link    atomLink `xml:"link"`
	Content atomText `xml:"content"`
}

// feed writes feed.xml, the Atom feed of the 最新动态 page: one entry per
// clause update, newest first. It depends only on the content: the
// feed's updated time is the newest entry's date (or the date the plan
// was printed), never the clock. An Atom feed needs absolute addresses:
// while the site has no real address (BaseURL "") none is written.
func (s *Site) feed(w Writer) error {
	base := strings.TrimSuffix(s.in.Plan.Site.BaseURL, "/")
	if base == "" {
		return nil
	}
	ups := updatesOf(s.in.Plan)
	f := atomFeed{
		Lang:    "zh-CN",
		ID:      base + "/feed.xml",
		Title:   s.in.Plan.Site.Title + "：最新动态",
		Updated: s.in.Plan.Document.PrintedDate.String() + atomTime,
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: base + "/feed.xml"},
			{Rel: "alternate", Type: "text/html", Href: base + UpdatesURL},
		},
		Author: atomPerson{Name: s.in.Plan.Site.Title, URI: base + HomeURL},
	}
	if len(ups) > 0 {
		f.Updated = ups[0].Date + atomTime
	}
	seen := map[string]int{} // clause id + date -> entries so far
	for _, u := range ups {
		key := u.Clause.ID + "/" + u.Date
		seen[key]++
		url := base + ClauseURL(u.Clause.ID)
		f.Entries = append(f.Entries, atomEntry{
			ID:      fmt.Sprintf("%s#update-%s-%d", url, u.Date, seen[key]),
			Title:   fmt.Sprintf("%s %s（%s更新）", u.Clause.ID, u.Clause.Title, u.Date),
			Updated: u.Date + atomTime,
			Link:    atomLink{Rel: "alternate", Type: "text/html", Href: url},
			Content: atomText{Type: "text", Text: u.Text},
		})
	}
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(f); err != nil {
		return fmt.Errorf("feed.xml: %w", err)
	}
	buf.WriteByte('\n')
	return w.WriteFile("feed.xml", buf.Bytes())
}

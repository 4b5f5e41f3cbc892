package main

import (
	"flag"
	"io"
)

// dirs are the directory flags shared by build and serve.
type dirs struct {
	content, templates, out string
}

func (d *dirs) register(fs *flag.FlagSet) {
	fs.StringVar(&d.content, "content", "content", "content directory")
	fs.StringVar(&d.templates, "templates", "templates", "templates directory")
	fs.StringVar(&d.out, "out", "public", "output directory")
}

// newFlags returns a flag set that reports errors to stderr and returns
// them instead of exiting.
func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("generator "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

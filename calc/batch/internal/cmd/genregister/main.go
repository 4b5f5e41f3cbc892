// Command genregister writes a register of pseudo-random households for
// the batch benchmarks (scripts/bench-batch.sh), or times how long
// merely parsing a CSV register takes.
//
//	go run ./calc/batch/internal/cmd/genregister -rows 1000000 -out r.csv   # or r.xlsx, r.json
//	go run ./calc/batch/internal/cmd/genregister -parse r.csv
package main

import (
	"bufio"
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"gyportal/calc/batch/internal/register"
)

func main() {
	rows := flag.Int("rows", 1_000_000, "households")
	seed := flag.Uint64("seed", 1, "seed of the pseudo-random households")
	out := flag.String("out", "", "file to write: .csv, .xlsx or .json")
	parse := flag.String("parse", "", "CSV file to parse with encoding/csv alone; prints the milliseconds")
	flag.Parse()
	var err error
	switch {
	case *parse != "":
		err = timeParse(*parse)
	case *out != "":
		err = write(*out, *rows, *seed)
	default:
		flag.Usage()
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "genregister:", err)
		os.Exit(1)
	}
}

func write(path string, rows int, seed uint64) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	switch filepath.Ext(path) {
	case ".xlsx":
		err = register.WriteXLSX(w, rows, seed)
	case ".json":
		err = register.WriteJSON(w, rows, seed)
	default:
		err = register.WriteCSV(w, rows, seed, ',')
	}
	if err == nil {
		err = w.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// timeParse prints the milliseconds encoding/csv takes to read every
// record of the file (the best of three runs) and the record count.
func timeParse(path string) error {
	best := time.Duration(1 << 62)
	n := 0
	for range 3 {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		start := time.Now()
		cr := csv.NewReader(bufio.NewReaderSize(f, 1<<16))
		cr.ReuseRecord = true
		n = 0
		for {
			if _, err = cr.Read(); err != nil {
				break
			}
			n++
		}
		f.Close()
		if err != io.EOF {
			return err
		}
		best = min(best, time.Since(start))
	}
	fmt.Printf("%d %d\n", best.Milliseconds(), n)
	return nil
}

package model

import "strconv"

func itoa(i int) string { return strconv.Itoa(i) }

// atoi parses a clause id component; non-numbers sort first as -1.
func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return -1
	}
	return n
}

package search

import "math/bits"

// u64map is an insert-only open-addressing hash map from non-zero uint64
// keys to int32 counts, several times faster than a Go map on the index
// builder's hot path (counting grams). Entries keep their insertion
// order: slot i is the i-th key inserted.
type u64map struct {
	table []int32 // slot+1, 0 when empty
	ks    []uint64
	vs    []int32
	shift uint
}

func newU64map(hint int) *u64map {
	n := 1 << bits.Len(uint(max(hint, 8)*2))
	return &u64map{table: make([]int32, n), shift: uint(64 - bits.Len(uint(n-1)))}
}

func (m *u64map) home(k uint64) uint64 { return (k * 0x9E3779B97F4A7C15) >> m.shift }

// find returns the table index for k and the slot of k, or -1.
func (m *u64map) find(k uint64) (uint64, int32) {
	mask := uint64(len(m.table) - 1)
	for i := m.home(k); ; i = (i + 1) & mask {
		s := m.table[i]
		if s == 0 {
			return i, -1
		}
		if m.ks[s-1] == k {
			return i, s - 1
		}
	}
}

// slot returns the slot of k, inserting it with value 0 when absent.
func (m *u64map) slot(k uint64) int32 {
	i, s := m.find(k)
	if s >= 0 {
		return s
	}
	m.ks = append(m.ks, k)
	m.vs = append(m.vs, 0)
	s = int32(len(m.ks) - 1)
	m.table[i] = s + 1
	if len(m.ks)*2 > len(m.table) {
		m.grow()
	}
	return s
}

func (m *u64map) grow() {
	m.table = make([]int32, len(m.table)*2)
	m.shift--
	mask := uint64(len(m.table) - 1)
	for s, k := range m.ks {
		i := m.home(k)
		for m.table[i] != 0 {
			i = (i + 1) & mask
		}
		m.table[i] = int32(s + 1)
	}
}

// inc adds one to the value of k and returns its slot.
func (m *u64map) inc(k uint64) int32 {
	s := m.slot(k)
	m.vs[s]++
	return s
}

// get returns the slot and value of k (k must be present).
func (m *u64map) get(k uint64) (int32, int) {
	_, s := m.find(k)
	return s, int(m.vs[s])
}

func (m *u64map) keys() []uint64 { return append([]uint64(nil), m.ks...) }

func (m *u64map) len() int { return len(m.ks) }

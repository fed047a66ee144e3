package extract

import "math/bits"

// wordTable maps a lowercase word to its wordInfo, like a map, for the one
// lookup the tokenizer makes per word. Most words of a text are in no list:
// a miss must be cheap, so the table probes a compact array of 32-bit
// hashes (a few cache lines for the whole lexicon) and compares a key only
// when its hash matches. Built once per language, read-only afterwards.
type wordTable struct {
	// hashes[i] is the hash of keys[i] with hashSet set, or 0 for an empty
	// slot; len(hashes) is a power of two.
	hashes []uint32
	keys   []string
	infos  []wordInfo
	mask   uint32
}

// hashSet marks a used slot: no word's stored hash is 0.
const hashSet = 1 << 31

// wordTableLoad is the most slots in use per slot, as a shift: 1 keeps at
// least half of the slots empty, so a miss ends after a probe or two.
const wordTableLoad = 1

func newWordTable(words map[string]wordInfo) *wordTable {
	size := 1 << bits.Len(uint(len(words))<<wordTableLoad)
	t := &wordTable{
		hashes: make([]uint32, size),
		keys:   make([]string, size),
		infos:  make([]wordInfo, size),
		mask:   uint32(size - 1),
	}
	for w, info := range words {
		h := hashWord(w) | hashSet
		i := h & t.mask
		for t.hashes[i] != 0 {
			i = (i + 1) & t.mask
		}
		t.hashes[i], t.keys[i], t.infos[i] = h, w, info
	}
	return t
}

// get returns the info of w, 0 when w is in no list.
func (t *wordTable) get(w string) wordInfo {
	h := hashWord(w) | hashSet
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		switch t.hashes[i] {
		case 0:
			return 0
		case h:
			if t.keys[i] == w {
				return t.infos[i]
			}
		}
	}
}

// getBytes is get for a word held in a buffer, without making a string.
func (t *wordTable) getBytes(w []byte) wordInfo {
	h := hashWordBytes(w) | hashSet
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		switch t.hashes[i] {
		case 0:
			return 0
		case h:
			if t.keys[i] == string(w) {
				return t.infos[i]
			}
		}
	}
}

// hashWord is FNV-1a, finished with a multiply so that the low bits, which
// pick the slot, depend on every byte.
func hashWord(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * 16777619
	}
	return h ^ h>>15
}

func hashWordBytes(s []byte) uint32 {
	h := uint32(2166136261)
	for _, c := range s {
		h = (h ^ uint32(c)) * 16777619
	}
	return h ^ h>>15
}

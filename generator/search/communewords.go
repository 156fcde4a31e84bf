package search

import "sync"

// communeWords keeps the words of each commune's record from one index to
// the next in the process: they depend on its code, name and postal codes
// alone, the same for every site a process indexes (cpts serve after each
// edit, the tests' dozens of sites), and finding them again was a third
// of collecting the documents of France's 35,000 communes.
var communeWords struct {
	sync.Mutex
	byCode map[string]communeWordsEntry
}

// communeWordsEntry is the words of a commune's record and what they were
// found from.
type communeWordsEntry struct {
	name, postal string
	words        []string // shared by the documents of every index: never changed
}

// wordsOf sets the words of the records of docs (recordWords), those of
// communes from communeWords when it holds them for the same record;
// rows are the full rows of the CPTS the records refer to.
func wordsOf(docs []*doc, rows func(d *doc) [][]any, names map[string]string) {
	communeWords.Lock()
	defer communeWords.Unlock()
	if communeWords.byCode == nil {
		communeWords.byCode = map[string]communeWordsEntry{}
	}
	for _, d := range docs {
		if d.prose {
			continue
		}
		if d.kind != KindCommune {
			d.words = recordWords(d.rec, rows(d), names)
			continue
		}
		code, _ := d.rec[1].(string)
		name, _ := d.rec[2].(string)
		postal, _ := d.rec[3].(string)
		e, ok := communeWords.byCode[code]
		if !ok || e.name != name || e.postal != postal {
			e = communeWordsEntry{name: name, postal: postal, words: recordWords(d.rec, nil, names)}
			communeWords.byCode[code] = e
		}
		d.words = e.words
	}
}

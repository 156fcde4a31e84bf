// Package search builds the prebuilt search index of a site from its model
// (no crawl of the rendered HTML), and holds the reference implementation
// of the query algorithm that themes/default/static/js/search.js runs in
// the browser.
//
// # What is indexed
//
// One document per commune and arrondissement (name, INSEE code, postal
// codes; it shows its département and the CPTS covering it), département
// and région (name and code), CPTS (name, short name, association, the codes
// and names of its départements), profession practised in a CPTS (label and
// slug; one result line per CPTS), mission (title and kind label as names,
// summary as prose) and published news item (title as a name; summary,
// tags and text as prose). A commune without a page links to its
// département's page, else to the list of départements.
//
// # Files
//
// Index writes search/manifest.json and shards search/s/<key>.<hash>.json,
// the hash being output.Fingerprint's. Every word of two letters or more of
// every document (particles excepted) goes into a trie keyed by its first
// letters: two to start with, one more wherever a node's documents exceed
// Options.ShardBytes of JSON. A split node keeps a shard of its own with the
// first documents of each kind (largest population first) and those whose
// name or code is the key itself, for queries that stop there. The leaves,
// in order, are packed into range shards of up to two thirds of ShardBytes
// each (a larger leaf is a shard alone), codes apart from words.
//
// The manifest holds the format version (FormatVersion), the split shards
// (key → hash) and the range shards (sorted first keys and hashes) of
// words, the names of the départements, the stop words, the particles, the
// minimum length of a word with a typo, the words that name a profession,
// and the hashes of the files fetched only when a query needs them: the
// maps of the shards of codes (search/codes.<hash>.json: words that start
// with a digit), of deletion terms (search/typos.<hash>.json) and of prose
// alone (search/prose.<hash>.json: each stem of prose and its postings,
// ProseMark, read for the words of a query but the primary one), the CPTS
// of each profession (search/professions.<hash>.json), and where the
// records of prose documents are: ChunkSize a chunk, search/d/m<n>.<hash>.json
// for missions and search/d/n<n>.<hash>.json for news (counted from the
// oldest), ChunkGroup chunks named by the hash of their contents together
// (see docsRef). A query of names fetches the
// manifest and its shards only. A shard holds its CPTS table (x), its records in
// the global order (d: kind first, then largest first, but news oldest
// first, so that a new item shifts no id; i: their ids,
// delta-coded, so that records read from several shards rank together), and the prose
// postings (w: stem → positions in d). Records are arrays whose first
// element is the Kind:
//
//	commune      [0, insee, name, "postal codes", [cpts…], link if not /communes/<insee>/]
//	département  [1, code, name, link]
//	région       [2, code, name, link]
//	CPTS         [3, cpts]
//	profession   [4, slug, label, [cpts…]]
//	mission      [5, title, kind label, cpts]
//	news         [6, title, path, cpts or -1]
//	x (CPTS)     [slug, name, short name, association, "départements"]
//
// # Matching
//
// Text is folded as fold.Fold does (case, accents, œ → oe, punctuation and
// apostrophes as spaces), and "st", "ste" are read "saint", "sainte". A
// query's words must all match a document, except particles (d, de, des,
// du, l, la, le, les), which are optional unless the query has nothing
// else. A query that names a profession and a place is answered with the
// place, each CPTS said to list the profession or not (profession.go). A
// word matches a word of a name whole, as its start (search as you
// type), or, from five letters, with one typo (a letter added, missing,
// wrong, or two swapped). Codes match whole or by their start, never with
// a typo. Words of prose are matched on their stem (Stem), stop words left
// out; names are never stemmed.
//
// The client fetches the manifest, then the one shard that the query's
// primary word chooses: the first word, in the order typed, whose shard is
// complete (a range shard: any finds the same names, and the words typed
// after it fetch no other); when all are split, the deeper key, then the
// longer word. Prose documents that need other words wait for the shards
// of prose alone that hold their stems. search.js shows the names at once,
// and fetches those shards and the chunks of records of the results only
// once RecordsDelay has passed without a keystroke. When nothing matches without a typo,
// the shards that a slip among the first letters may have missed are read
// too (at most eight): those of the deletion terms (TypoMark: each name
// word of MinTypoLen letters or more less one of the letters that choose
// its shard, in shards of their own listed by search/typos.<hash>.json,
// fetched only then) equal to the word, to the word less one of its key
// letters; then those of the word less one of its key letters. Together
// they catch any one slip (Damerau-Levenshtein distance 1) in the letters
// that choose the shard.
//
// Ranking: an exact match of the whole query (its Key equals a name's, or
// it is a postal code, then a commune's INSEE code) first; then names
// before prose; then fewer
// typos; then fewer words matched only by their start (a typo in the start
// of a word counts as both); then the kind
// (communes, départements, régions, CPTS, professions, missions, news);
// then the global order (population for communes and areas, territory
// population for CPTS; news by date, the newest first, which is their ids
// backwards: rankOrder). When the name records fill the
// list, prose is not looked up.
package search

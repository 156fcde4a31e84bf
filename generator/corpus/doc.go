// Package corpus generates synthetic sites in the project's content
// format, for tests and benchmarks at national scale.
//
// The territories are real: every CPTS lists real communes (INSEE codes,
// names and postal codes of package geo), neighbouring communes of one
// département, grown from EPCIs (one or a few adjacent EPCIs, or a piece of
// a populous one) along a nearest-neighbour path. A few territories are
// left uncovered so that commune pages without a CPTS exist, and a few
// neighbours share a boundary commune, marked partial = true in both.
// Everything else is fictional: names of people are made of surnames such
// as "Factice" or "Imaginaire", e-mail addresses and websites use
// example.org, and phone numbers are in the 01 99 00 xx xx range that
// ARCEP reserves for works of fiction (annex of decision 2018-0881,
// § 2.5.12; the other fiction ranges are 02 61 91, 03 53 01, 04 65 71,
// 05 36 49 and 06 39 98). The French text is drawn from a small bank of
// sentences, so it reads as French, with links to other generated pages.
//
// Generation is deterministic: every random stream is a math/rand/v2 PCG
// with a fixed seed, keyed by the main commune of a CPTS or the number of a
// news item, and maps are never iterated into output. The same scale gives
// byte-identical files; a scale with more news starts with the same items.
//
// Generated content passes `cpts check` and `cpts build` without errors
// or warnings. It is meant to be generated into memory (Corpus.FS) or a
// temporary folder (Corpus.WriteDir), never committed.
package corpus

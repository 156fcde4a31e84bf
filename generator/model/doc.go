// Package model holds the plain data of a site: the configuration, the CPTS
// with their territory, members, missions, contacts and news, and the free
// pages. It does no I/O. The load package fills it from files; the validate
// package checks it against the commune reference data (package geo) and
// links records together; render, search and feed read it.
//
// Every record carries the position of the file (and line) it comes from,
// so later stages can report problems where the author can fix them.
package model

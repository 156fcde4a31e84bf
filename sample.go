// Package cpts embeds the sample site (config.toml and content/), so that
// the cpts binary can check and build it from anywhere.
package cpts

import "embed"

// Sample is the embedded sample site: the five CPTS of the seed articles.
//
//go:embed config.toml content
var Sample embed.FS

package main

import (
	"bufio"
	"fmt"
	"io"
	"io/fs"
	"os"
	"regexp"
	"strings"

	"github.com/cpts-fr/cpts/generator/catalog"
	"github.com/cpts-fr/cpts/generator/load"
	"github.com/cpts-fr/cpts/generator/model"
)

// langEnv names the environment variable that chooses the language of
// messages when --lang is not given (CPTS_LANG=en for English CI logs).
const langEnv = "CPTS_LANG"

// english is the catalogue of the commands that speak English only: cms
// and import, tools of maintainers whose notes are not translated.
var english, _ = catalog.For("en")

// messages returns the catalogue the command speaks: --lang, else
// $CPTS_LANG, else the site's language (French by default); English for
// a language without a catalogue.
func (f *siteFlags) messages(fsys fs.FS, config string) *catalog.Catalog {
	return chooseMessages(f.lang, fsys, config)
}

// chooseMessages picks the catalogue of lang, else of $CPTS_LANG, else of
// the site's language.
func chooseMessages(lang string, fsys fs.FS, config string) *catalog.Catalog {
	if lang == "" {
		lang = os.Getenv(langEnv)
	}
	if lang == "" {
		lang = siteLanguage(fsys, config)
	}
	c, ok := catalog.For(lang)
	if !ok {
		c = english
	}
	return c
}

// checkLang refuses a --lang without a catalogue.
func (f *siteFlags) checkLang() error {
	if f.lang == "" {
		return nil
	}
	if _, ok := catalog.For(f.lang); !ok {
		return fmt.Errorf("unknown language %q for --lang: want %s", f.lang, strings.Join(catalog.Languages, " or "))
	}
	return nil
}

// siteLanguage finds the top-level language key of the site's
// configuration by reading its lines up to the first table, without a
// TOML parser (the loader decodes the file, within its bounds, and
// reports what is wrong with it); the default language when the key is
// not found.
func siteLanguage(fsys fs.FS, config string) string {
	config = load.ConfigFile(config)
	lang := model.DefaultConfig().Language
	f, err := fsys.Open(config)
	if err != nil {
		return lang
	}
	defer f.Close()
	sc := bufio.NewScanner(io.LimitReader(f, 1<<20))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(line, "[") {
			break
		}
		m := languageLine.FindStringSubmatch(line)
		if m != nil {
			return m[1]
		}
	}
	return lang
}

// languageLine matches language = "fr" and its variants.
var languageLine = regexp.MustCompile(`^language\s*=\s*["']([A-Za-z-]{2,12})["']\s*(?:#.*)?$`)

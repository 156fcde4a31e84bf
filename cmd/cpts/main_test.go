package main

import (
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"cpts": func() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the CLI scripts of testdata/script: each is a site in a
// txtar archive and the cpts commands to run on it, with their expected
// exit status and output.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{Dir: "testdata/script", Cmds: imageCmds, Setup: englishMessages})
}

// englishMessages makes cpts speak English in a script: the scripts match
// the messages as the code writes them; french.txtar unsets it to see
// the default of a French site.
func englishMessages(env *testscript.Env) error {
	env.Setenv(langEnv, "en")
	return nil
}

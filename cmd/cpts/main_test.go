package main

import (
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/cpts-fr/cpts/internal/testmain"
)

// TestMain runs the tests as the command runs a build (testmain), or,
// started by a script as cpts, the command.
func TestMain(m *testing.M) {
	testscript.Main(inMemory{m}, map[string]func(){
		"cpts": func() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) },
	})
}

// inMemory runs the tests with testmain.Main.
type inMemory struct{ m *testing.M }

func (t inMemory) Run() int { return testmain.Main(t.m) }

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

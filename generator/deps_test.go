package generator_test

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// allowed lists, for each package of generator/, the packages of this
// module it may import. It is a statement of policy (go/build deps_test):
// dependencies point one way, load → validate → scope → plan → render/search → build, and
// only build sees every stage. Do not change it to make a build pass.
var allowed = map[string][]string{
	"diag":      {},
	"catalog":   {"diag"},
	"fold":      {},
	"tomlpos":   {},
	"safeurl":   {},
	"sitefs":    {"diag", "fold"},
	"stamp":     {"diag", "sitefs"},
	"geo":       {"fold", "diag"},
	"model":     {"diag", "geo", "safeurl"},
	"load":      {"diag", "fold", "model", "safeurl", "sitefs", "tomlpos"},
	"validate":  {"diag", "fold", "geo", "model", "safeurl"},
	"markup":    {"diag", "fold", "safeurl"},
	"scope":     {"diag", "geo", "model"},
	"plan":      {"fold", "geo", "model", "scope"},
	"palette":   {"diag", "model"},
	"linkcheck": {"output"},
	"output":    {},
	"feeds":     {"model", "plan"},
	"hostfiles": {"plan"},
	"gitinfo":   {},
	"archetype": {},
	"boundary":  {},
	"carto":     {"boundary", "geo"},
	"opendata":  {"model"},
	"render":    {"carto", "diag", "feeds", "fold", "hostfiles", "geo", "markup", "model", "opendata", "output", "palette", "plan", "safeurl", "scope", "sitefs"},
	"search":    {"diag", "fold", "geo", "model", "output", "plan"},
	"corpus":    {"fold", "geo", "model"},
	"cms":       {"model"},
	"listing":   {"archetype", "diag", "fold", "geo", "model"},
	"images":    {"diag", "fold", "markup", "output", "sitefs"},
	"build":     {"diag", "fold", "geo", "gitinfo", "images", "load", "markup", "model", "output", "linkcheck", "palette", "plan", "render", "scope", "search", "validate", "sitefs", "safeurl"},
	"server":    {"build", "catalog", "diag", "output", "sitefs"},
}

const module = "github.com/cpts-fr/cpts/"

func TestDependenciesPointOneWay(t *testing.T) {
	dirs, err := filepath.Glob("*")
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range dirs {
		if info, err := os.Stat(dir); err != nil || !info.IsDir() || dir == "testdata" {
			continue
		}
		allow, known := allowed[dir]
		if !known {
			t.Errorf("package generator/%s is not in the allow-list of deps_test.go", dir)
			continue
		}
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			ast, err := parser.ParseFile(token.NewFileSet(), f, nil, parser.ImportsOnly)
			if err != nil {
				t.Fatal(err)
			}
			for _, imp := range ast.Imports {
				p, _ := strconv.Unquote(imp.Path.Value)
				if !strings.HasPrefix(p, module) {
					continue
				}
				dep := strings.TrimPrefix(strings.TrimPrefix(p, module), "generator/")
				dep, _, _ = strings.Cut(dep, "/")
				if dep == dir {
					continue
				}
				if !slices.Contains(allow, dep) {
					t.Errorf("%s imports %s, which generator/%s may not use", f, p, dir)
				}
			}
		}
	}
}

package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/cpts-fr/cpts/generator/catalog"
	"github.com/cpts-fr/cpts/generator/diag"
)

// printGitHub writes diagnostics as GitHub Actions workflow commands, which
// annotate the files of a pull request. Paths, messages and hints go
// through diag.Escape (no control character, terminal escape or line
// separator reaches the log), then through the workflow-command escapes:
// %, CR and LF in the message; also : and , in properties. A file name or
// a message can thus neither end the command early nor start another.
func printGitHub(w io.Writer, diags diag.List, msgs *catalog.Catalog) {
	for _, d := range msgs.List(diags) {
		fmt.Fprintln(w, gitHubCommand(d, msgs.Words().Hint))
	}
}

var (
	gitHubData = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	gitHubProp = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// gitHubCommand returns the workflow command of one diagnostic, without a
// final line break: ::error file=F,line=L,col=C,title=T::message%0Ahint: ...
func gitHubCommand(d diag.Diagnostic, hintWord string) string {
	level := "error"
	if d.Severity == diag.Warning {
		level = "warning"
	}
	loc := "file=" + gitHubProp.Replace(diag.Escape(d.Pos.File))
	if d.Pos.Line > 0 {
		loc += fmt.Sprintf(",line=%d", d.Pos.Line)
	}
	if d.Pos.Col > 0 {
		loc += fmt.Sprintf(",col=%d", d.Pos.Col)
	}
	msg := diag.Escape(d.Msg)
	for _, line := range d.HintLines() {
		msg += "\n" + hintWord + ": " + line
	}
	title := gitHubProp.Replace("cpts " + diag.Escape(string(d.Code)))
	return fmt.Sprintf("::%s %s,title=%s::%s", level, loc, title, gitHubData.Replace(msg))
}

// gitlabIssue is one entry of a GitLab Code Quality report.
type gitlabIssue struct {
	Description string         `json:"description"`
	CheckName   string         `json:"check_name"`
	Fingerprint string         `json:"fingerprint"`
	Severity    string         `json:"severity"`
	Location    gitlabLocation `json:"location"`
}

type gitlabLocation struct {
	Path  string `json:"path"`
	Lines struct {
		Begin int `json:"begin"`
	} `json:"lines"`
}

// printGitLab writes diagnostics as a GitLab Code Quality report (JSON),
// which merge requests show beside the changed lines. encoding/json
// escapes control characters and U+2028/U+2029; the path, message and
// hint also go through diag.Escape, so that a report read with
// `jq -r` prints no terminal escape either.
func printGitLab(w io.Writer, diags diag.List, msgs *catalog.Catalog) error {
	issues := make([]gitlabIssue, 0, len(diags))
	for _, d := range msgs.List(diags) {
		sev := "major"
		if d.Severity == diag.Warning {
			sev = "minor"
		}
		desc := diag.Escape(d.Msg)
		if hint := d.HintLines(); hint != nil {
			desc += " (" + msgs.Words().Hint + ": " + strings.Join(hint, "\n") + ")"
		}
		sum := sha256.Sum256([]byte(d.String()))
		is := gitlabIssue{Description: desc, CheckName: "cpts-" + string(d.Code), Fingerprint: hex.EncodeToString(sum[:16]), Severity: sev}
		is.Location.Path = diag.Escape(d.Pos.File)
		is.Location.Lines.Begin = max(d.Pos.Line, 1)
		issues = append(issues, is)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(issues)
}

package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/cpts-fr/cpts/generator/diag"
)

// printGitHub writes diagnostics as GitHub Actions workflow commands, which
// annotate the files of a pull request.
func printGitHub(w io.Writer, diags diag.List) {
	esc := strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	prop := strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
	for _, d := range diags {
		level := "error"
		if d.Severity == diag.Warning {
			level = "warning"
		}
		loc := "file=" + prop.Replace(d.Pos.File)
		if d.Pos.Line > 0 {
			loc += fmt.Sprintf(",line=%d", d.Pos.Line)
		}
		if d.Pos.Col > 0 {
			loc += fmt.Sprintf(",col=%d", d.Pos.Col)
		}
		msg := d.Msg
		if d.Hint != "" {
			msg += "\nhint: " + d.Hint
		}
		fmt.Fprintf(w, "::%s %s,title=%s::%s\n", level, loc, prop.Replace("cpts "+string(d.Code)), esc.Replace(msg))
	}
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
// which merge requests show beside the changed lines.
func printGitLab(w io.Writer, diags diag.List) error {
	issues := make([]gitlabIssue, 0, len(diags))
	for _, d := range diags {
		sev := "major"
		if d.Severity == diag.Warning {
			sev = "minor"
		}
		desc := d.Msg
		if d.Hint != "" {
			desc += " (hint: " + d.Hint + ")"
		}
		sum := sha256.Sum256([]byte(d.String()))
		is := gitlabIssue{Description: desc, CheckName: "cpts-" + string(d.Code), Fingerprint: hex.EncodeToString(sum[:16]), Severity: sev}
		is.Location.Path = d.Pos.File
		is.Location.Lines.Begin = max(d.Pos.Line, 1)
		issues = append(issues, is)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(issues)
}

package sitefs

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"unicode"

	"github.com/cpts-fr/cpts/generator/fold"
)

// Refused is the error of a path that Rule refuses. It wraps
// fs.ErrPermission.
type Refused struct {
	Path   string // the refused entry, relative to the site folder
	Reason string // what is wrong ("symbolic link to /etc/passwd leaves the site folder")
	Hint   string // what to do instead
}

func (e *Refused) Error() string { return e.Path + ": " + e.Reason + ": refused" }

// Unwrap makes a refusal an fs.ErrPermission.
func (e *Refused) Unwrap() error { return fs.ErrPermission }

// maxHops bounds a chain of links (a loop is refused after it), as the
// kernel's ELOOP does.
const maxHops = 16

// Rule decides whether the entry name, whose own (not followed) mode is
// mode, may be read: nil if it may, a *Refused saying why if not. Names
// themselves are judged by NameProblem, which Scan applies too.
func Rule(fsys fs.ReadLinkFS, name string, mode fs.FileMode) *Refused {
	switch {
	case mode&fs.ModeSymlink != 0:
		return linkRule(fsys, name)
	case mode.IsRegular(), mode.IsDir():
		return nil
	}
	return special(name, mode)
}

func special(name string, mode fs.FileMode) *Refused {
	kind := "special file"
	switch {
	case mode&fs.ModeNamedPipe != 0:
		kind = "named pipe (FIFO)"
	case mode&fs.ModeSocket != 0:
		kind = "socket"
	case mode&fs.ModeDevice != 0:
		kind = "device file"
	}
	return &Refused{Path: name, Reason: "is a " + kind + ", not a regular file",
		Hint: "a site holds regular files and folders only: remove it"}
}

// linkRule follows the chain of links from name, lexically and one link
// at a time, so that every hop is judged: each must stay in the site and
// out of hidden folders, and the chain must end on a regular file.
func linkRule(fsys fs.ReadLinkFS, name string) *Refused {
	cur := name
	for range maxHops {
		target, err := fsys.ReadLink(cur)
		if err != nil {
			return &Refused{Path: name, Reason: fmt.Sprintf("unreadable symbolic link: %v", unwrap(err)), Hint: "replace the link by a copy of the file"}
		}
		show := target
		if cur != name {
			show = fmt.Sprintf("%s (through %s)", target, cur)
		}
		if path.IsAbs(target) || strings.HasPrefix(target, `\`) || (len(target) > 1 && target[1] == ':') {
			return outside(name, show)
		}
		next := path.Join(path.Dir(cur), target)
		if next == ".." || strings.HasPrefix(next, "../") {
			return outside(name, show)
		}
		if hidden(next) {
			return &Refused{Path: name, Reason: fmt.Sprintf("symbolic link to %s points into a hidden file or folder", show),
				Hint: "hidden files (.git, .env) are never published: copy the file you mean into the site instead of linking to it"}
		}
		for d := path.Dir(next); d != "."; d = path.Dir(d) {
			if info, err := fsys.Lstat(d); err == nil && info.Mode()&fs.ModeSymlink != 0 {
				return &Refused{Path: name, Reason: fmt.Sprintf("symbolic link to %s passes through the link %s, a folder", show, d),
					Hint: "links to folders are not followed: copy the file into the site instead of linking to it"}
			}
		}
		info, err := fsys.Lstat(next)
		if err != nil {
			return &Refused{Path: name, Reason: fmt.Sprintf("broken symbolic link to %s (%v)", show, unwrap(err)),
				Hint: "remove the link, or make it name a file of the site"}
		}
		switch m := info.Mode(); {
		case m&fs.ModeSymlink != 0:
			cur = next
			continue
		case m.IsDir():
			return &Refused{Path: name, Reason: fmt.Sprintf("symbolic link to the folder %s: links to folders are not followed", show),
				Hint: "copy the folder, or link each of its files"}
		case m.IsRegular():
			return nil
		default:
			r := special(name, m)
			r.Reason = fmt.Sprintf("symbolic link to %s, which %s", show, r.Reason)
			return r
		}
	}
	return &Refused{Path: name, Reason: fmt.Sprintf("broken symbolic link: more than %d links in a row (a loop?)", maxHops),
		Hint: "remove the link, or make it name a file of the site"}
}

func outside(name, target string) *Refused {
	return &Refused{Path: name, Reason: fmt.Sprintf("symbolic link to %s leaves the site folder", target),
		Hint: "copy the file into the site instead of linking to it"}
}

// hidden reports whether a slash path passes through a name that starts
// with a dot.
func hidden(p string) bool {
	if p == "." {
		return false
	}
	for part := range strings.SplitSeq(p, "/") {
		if strings.HasPrefix(part, ".") {
			return true
		}
	}
	return false
}

func unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// reserved are the device names Windows reserves, whatever the extension
// ("con.md", "Aux.toml"): a checkout that holds one fails there.
var reserved = map[string]bool{
	"con": true, "prn": true, "aux": true, "nul": true, "conin$": true, "conout$": true, "clock$": true,
}

// NameProblem says what is wrong with a file or folder name that some
// system cannot hold, with a hint naming a replacement (a slug, which the
// content model accepts as a name); both are empty when the name is fine.
func NameProblem(name string) (problem, hint string) {
	switch {
	case strings.IndexFunc(name, isControl) >= 0:
		problem = "the name holds a control character"
	case strings.ContainsAny(name, `<>:"|?*\`):
		problem = fmt.Sprintf("the name holds %q, which Windows forbids in file names", name[strings.IndexAny(name, `<>:"|?*\`)])
	case strings.HasSuffix(name, ".") || strings.HasSuffix(name, " "):
		problem = "the name ends with a dot or a space, which Windows drops"
	case ReservedName(name):
		stem, _, _ := strings.Cut(name, ".")
		problem = fmt.Sprintf("%q is a device name that Windows reserves: a checkout of the site there fails", stem)
	default:
		return "", ""
	}
	return problem, renameHint(name)
}

func isControl(r rune) bool { return r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) }

// renameHint proposes a name every system holds: the slug of the name's
// stem (with "-1" if that is reserved), and its extension if it has one
// of letters and digits.
func renameHint(name string) string {
	stem, ext := name, ""
	if i := strings.LastIndexByte(name, '.'); i > 0 {
		if e := strings.ToLower(name[i+1:]); e != "" && fold.Slug(e) == e && !strings.Contains(e, "-") {
			stem, ext = name[:i], "."+e
		}
	}
	s := fold.Slug(stem)
	if s == "" {
		return "rename it with letters, digits and hyphens"
	}
	if ReservedName(s) {
		s += "-1"
	}
	return fmt.Sprintf("rename it %q", s+ext)
}

// ReservedName reports whether name, or the part of it before its first
// dot, is a device name Windows reserves (CON, PRN, AUX, NUL, COM0-9,
// LPT0-9 and their superscript forms), in any case.
func ReservedName(name string) bool {
	stem, _, _ := strings.Cut(name, ".")
	stem = strings.ToLower(strings.TrimRightFunc(stem, unicode.IsSpace))
	if reserved[stem] {
		return true
	}
	for _, p := range []string{"com", "lpt"} {
		if rest, ok := strings.CutPrefix(stem, p); ok {
			switch rest {
			case "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "¹", "²", "³":
				return true
			}
		}
	}
	return false
}

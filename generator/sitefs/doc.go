// Package sitefs is the one gate through which a build reads a site
// folder. Content comes from pull requests by many authors and CI builds it
// with secrets in its environment, so what the build may read is decided
// here, once, by one rule (Rule), applied in two places:
//
//   - Open returns the site folder as an fs.FS whose every Open, Stat,
//     ReadFile and ReadDir applies Rule to the path and to each folder on
//     its way (no ".." or absolute path gets that far: io/fs refuses
//     them), and answers a refused path with a *Refused error.
//   - Scan walks the folders a build reads (Read) and reports every entry
//     Rule refuses as a positioned diagnostic, so that `cpts check` and
//     `cpts build` refuse the same files, including those of folders check
//     does not otherwise read (static/, layouts/).
//
// The rule, for each name under the site folder:
//
//   - a symbolic link is followed only when it names a regular file inside
//     the site, by a relative path that stays in it and passes through no
//     hidden folder (".git", ".env"): a link to /proc/self/environ, to
//     /etc, to ../../secret.toml or to ../.env is refused, and so is a
//     link to a folder (a folder may hold anything: copy it instead), a
//     dangling link and a loop;
//   - only regular files and folders are read: FIFOs (which would block a
//     read for ever), devices and sockets are refused;
//   - a name must be one that every system a content repository is checked
//     out on can hold: no name Windows reserves (CON, PRN, AUX, NUL, COM1
//     to COM9, LPT1 to LPT9, with any extension), no character it forbids
//     (< > : " | ? * \), no control character, no trailing dot or space,
//     and no two names of one folder that differ only by case.
//
// Paths are slash-separated and relative to the site folder, as io/fs
// wants them; diagnostics name them the same way.
package sitefs

#!/usr/bin/env bash
# bench/run.sh: build the synthetic corpora as whole processes, with cpts
# (first builds into an empty folder, then rebuilds over the previous
# output) and with Hugo, and report the median wall time, CPU time (user + sys),
# peak memory (maximum RSS, from /usr/bin/time -v), the stage times that
# `cpts build` prints, the output size and the largest page of each type.
#
#   bench/run.sh                          # everything: 4 scales, 5 runs, Hugo on small and national
#   SCALES="small national" RUNS=3 bench/run.sh
#   HUGO_SCALES= bench/run.sh             # without Hugo
#
# Settings (environment):
#   WORK         working folder (default /tmp/cpts-bench): corpora, outputs, logs, results.md
#   SCALES       cpts scales to build (default: small national national-x2 national-x4)
#   RUNS         runs per scale (default 5); the median is reported
#   HUGO         the hugo binary (default: hugo on PATH, else $(go env GOPATH)/bin/hugo)
#   HUGO_SCALES  scales to build with Hugo (default: small national; empty: none)
#   HUGO_RUNS    runs per scale for Hugo (default: RUNS)
#   HUGO_OLD     set to 1 for a Hugo before 0.146 (Debian's 0.111.3): the
#                export uses the old layout names (hugo-export -old)
#
# Corpora are generated once into $WORK/corpus/<scale> (delete the folder
# to regenerate). Each scale is checked with `cpts check` first. Builds
# run with SOURCE_DATE_EPOCH set to 2026-11-23, so the set of published
# news does not depend on the day of the run. Install Hugo with
#   go install github.com/gohugoio/hugo@latest     (or @v0.165.0 with Go 1.26)
# and /usr/bin/time with `apt-get install time`.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${WORK:-/tmp/cpts-bench}
SCALES=${SCALES-small national national-x2 national-x4}
RUNS=${RUNS:-5}
HUGO_SCALES=${HUGO_SCALES-small national}
HUGO_RUNS=${HUGO_RUNS:-$RUNS}
if [[ -z ${HUGO:-} ]]; then
	HUGO=$(command -v hugo || echo "$(go env GOPATH)/bin/hugo")
fi
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1795392000} # 2026-11-23T00:00:00Z

TIME=/usr/bin/time
if [[ ! -x $TIME ]]; then
	echo "run.sh: $TIME is missing: apt-get install time" >&2
	exit 2
fi
if [[ -n $HUGO_SCALES && ! -x $HUGO ]]; then
	echo "run.sh: no hugo at $HUGO: Hugo runs skipped (set HUGO or install it, see the header)" >&2
	HUGO_SCALES=""
fi

mkdir -p "$WORK"/{bin,corpus,hugo,out,log}
RESULTS=$WORK/results.md
: >"$RESULTS"
say() { echo "$@" | tee -a "$RESULTS"; }

# median reads numbers, one a line, and prints their median.
median() { sort -g | awk '{a[NR] = $1} END {if (NR == 0) exit; if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

# timed FILE -- CMD...: runs CMD under /usr/bin/time -v and appends
# "wall cpu maxrss_kib" to FILE; stdout and stderr go to FILE.log.N.
timed() {
	local file=$1 n
	shift 2
	n=1
	[[ -f $file ]] && n=$(($(wc -l <"$file") + 1))
	"$TIME" -v -o "$file.time" "$@" >"$file.log.$n" 2>&1 || {
		echo "run.sh: failed: $* (see $file.log.$n)" >&2
		tail -5 "$file.log.$n" >&2
		exit 1
	}
	awk -F': ' '
		/Elapsed \(wall clock\)/ {n = split($2, p, ":"); w = 0; for (i = 1; i <= n; i++) w = w * 60 + p[i]}
		/User time/ {u = $2} /System time/ {s = $2} /Maximum resident/ {m = $2}
		END {printf "%.2f %.2f %d\n", w, u + s, m}' "$file.time" >>"$file"
}

# stages FILE.log.*: median of each stage time printed by `cpts build`
# (Go durations: 812.5µs, 35.2ms, 1.5s, 1m13.2s), in ms.
stages() {
	local lines name
	lines=$(cat "$@" | awk '/^  [a-z]+ +[0-9hm.]+(µs|ms|s)$/ {
		d = $2; ms = 0
		if (match(d, /^[0-9]+h/)) { ms += substr(d, 1, RLENGTH - 1) * 3600000; d = substr(d, RLENGTH + 1) }
		if (match(d, /^[0-9]+m[0-9]/)) { ms += substr(d, 1, RLENGTH - 2) * 60000; d = substr(d, RLENGTH) }
		v = d; u = d; sub(/^[0-9.]+/, "", u); sub(/(µs|ms|s)$/, "", v)
		print $1, ms + ((u == "s") ? v * 1000 : (u == "ms") ? v : v / 1000)
	}')
	for name in $(echo "$lines" | awk '!seen[$1]++ {print $1}'); do
		printf "%s %.0f ms; " "$name" "$(echo "$lines" | awk -v n="$name" '$1 == n {print $2}' | median)"
	done
}

# pagesizes DIR: per page type, the number of HTML pages, the median and
# the largest size, and the largest page.
pagesizes() {
	(cd "$1" && find . -name '*.html' -printf '%s %P\n') | awk '
		{
			p = $2; t = "other"
			if (p == "index.html") t = "home"
			else if (p == "404.html") t = "404"
			else if (p == "cpts/index.html" || p ~ /^cpts\/page\//) t = "cpts-list"
			else if (p ~ /^carte\//) t = "carte"
			else if (p ~ /^cpts\/[^\/]+\/index.html$/) t = "cpts"
			else if (p ~ /^cpts\/[^\/]+\/communes\//) t = "cpts-communes"
			else if (p ~ /^cpts\/[^\/]+\/actualites\/(index.html|page\/)/) t = "cpts-news-list"
			else if (p ~ /^cpts\/[^\/]+\/actualites\/[^\/]+\/index.html$/) t = "news"
			else if (p ~ /^actualites\/(index.html|page\/)/) t = "news-list"
			else if (p ~ /^(actualites\/mots-cles|tags)\/index.html$/) t = "tags"
			else if (p ~ /^(actualites\/mots-cles|tags)\//) t = "tag"
			else if (p ~ /^actualites\/[^\/]+\/index.html$/) t = "news"
			else if (p == "communes/index.html") t = "communes-index"
			else if (p ~ /^communes\/[^\/]\/(index.html|page\/)/) t = "communes-letter"
			else if (p ~ /^communes\//) t = "commune"
			else if (p == "departements/index.html") t = "departements"
			else if (p ~ /^departements\/[^\/]+\/sans-cpts\//) t = "uncovered"
			else if (p ~ /^departements\//) t = "departement"
			else if (p ~ /^regions\//) t = "region"
			else if (p ~ /^pages\//) t = "page"
			else if (p ~ /^accessibilite\//) t = "accessibilite"
			print t, $1, p
		}' | sort -k1,1 -k2,2n | awk '
		$1 != t { if (t != "") out(); t = $1; n = 0 }
		{ s[++n] = $2; big = $3 }
		END { out() }
		function out() { printf "  %-16s %6d pages  median %7.1f KB  max %8.1f KB  %s\n", t, n, s[int((n + 1) / 2)] / 1000, s[n] / 1000, big }'
}

# outsize DIR: total size of the files (not counting folders), file count.
outsize() {
	find "$1" -type f -printf '%s %p\n' | awk '{n++; b += $1} / [^ ]*\.html$/ {h++; hb += $1}
		END {printf "%.1f MiB in %d files (%d HTML pages, %.1f MiB)", b / 1048576, n, h, hb / 1048576}'
}

summary() { # FILE: median wall, cpu, rss
	local f=$1
	printf "wall %ss  cpu %ss  peak RSS %s MiB  (%d runs)" \
		"$(cut -d' ' -f1 "$f" | median)" "$(cut -d' ' -f2 "$f" | median)" \
		"$(cut -d' ' -f3 "$f" | median | awk '{printf "%.0f", $1 / 1024}')" "$(wc -l <"$f")"
}

cd "$ROOT"
say "# cpts benchmarks, $(date -u +%Y-%m-%d)"
say ""
say "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -h | awk '/^Mem:/ {print $2}') RAM"
say "go: $(go version | cut -d' ' -f3-), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git status --porcelain 2>/dev/null | grep -q . && echo ' (with uncommitted changes)')"
[[ -n $HUGO_SCALES ]] && say "hugo: $("$HUGO" version | cut -d' ' -f1-3)"
say "runs: $RUNS per scale (Hugo: $HUGO_RUNS), SOURCE_DATE_EPOCH=$SOURCE_DATE_EPOCH"
say ""

go build -o "$WORK/bin/cpts" ./cmd/cpts
go build -o "$WORK/bin/cpts-corpus" ./cmd/cpts-corpus
go build -o "$WORK/bin/hugo-export" ./bench/hugo-export

for s in $SCALES $HUGO_SCALES; do
	if [[ ! -f $WORK/corpus/$s/config.toml ]]; then
		rm -rf "$WORK/corpus/$s"
		"$WORK/bin/cpts-corpus" -scale "$s" -out "$WORK/corpus/$s" | tee -a "$RESULTS"
	fi
done

for s in $SCALES; do
	say "## cpts build, $s"
	"$WORK/bin/cpts" check --source "$WORK/corpus/$s" | tail -1 | sed 's/^/check: /' | tee -a "$RESULTS"
	# First builds: no earlier output, as in CI. Rebuilds: the previous
	# output is replaced, and the build before it reused (--reuse).
	f=$WORK/log/cpts-$s
	rm -f "$f" "$f".log.* "$f-rebuild" "$f-rebuild".log.*
	for _ in $(seq "$RUNS"); do
		rm -rf "$WORK/out/$s" "$WORK/out/.cpts-prev-$s"
		timed "$f" -- "$WORK/bin/cpts" build --source "$WORK/corpus/$s" -d "$WORK/out/$s"
	done
	for _ in $(seq "$RUNS"); do
		timed "$f-rebuild" -- "$WORK/bin/cpts" build --source "$WORK/corpus/$s" -d "$WORK/out/$s"
	done
	say "first build: $(summary "$f")"
	say "stages (median): $(stages "$f".log.*)"
	say "rebuild: $(summary "$f-rebuild")"
	say "stages (median): $(stages "$f-rebuild".log.*)"
	say "$(grep -m1 'pages' "$f.log.1")"
	say "output: $(outsize "$WORK/out/$s")"
	say "pages by type:"
	pagesizes "$WORK/out/$s" | tee -a "$RESULTS"
	say ""
done

for s in $HUGO_SCALES; do
	say "## hugo, $s"
	layout=new
	[[ -n ${HUGO_OLD:-} ]] && layout=old
	if [[ ! -f $WORK/hugo/$s/hugo.toml || ! -f $WORK/hugo/$s/.layout-$layout ]]; then
		rm -rf "$WORK/hugo/$s"
		"$WORK/bin/hugo-export" ${HUGO_OLD:+-old} -source "$WORK/corpus/$s" -out "$WORK/hugo/$s" >/dev/null
		touch "$WORK/hugo/$s/.layout-$layout"
	fi
	f=$WORK/log/hugo-$s
	rm -f "$f" "$f".log.*
	for _ in $(seq "$HUGO_RUNS"); do
		rm -rf "$WORK/out/hugo-$s" "$WORK/hugo/$s/resources"
		timed "$f" -- "$HUGO" --source "$WORK/hugo/$s" --minify --quiet --destination "$WORK/out/hugo-$s" --cacheDir "$WORK/hugo-cache"
	done
	say "$(summary "$f")"
	say "output: $(outsize "$WORK/out/hugo-$s")"
	say "pages by type:"
	pagesizes "$WORK/out/hugo-$s" | tee -a "$RESULTS"
	say ""
done

say "## ratios (medians)"
col() { [[ -s $WORK/log/$1 ]] && cut -d' ' -f"$2" "$WORK/log/$1" | median; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (a > 0 && b > 0) printf "%.2f", a / b; else printf "n/a"}'; }
for x in national-x2 national-x4; do
	[[ -s $WORK/log/cpts-$x && -s $WORK/log/cpts-national ]] &&
		say "$x / national, first builds: wall ×$(ratio "$(col "cpts-$x" 1)" "$(col cpts-national 1)"), cpu ×$(ratio "$(col "cpts-$x" 2)" "$(col cpts-national 2)"), peak RSS ×$(ratio "$(col "cpts-$x" 3)" "$(col cpts-national 3)")"
	[[ -s $WORK/log/cpts-$x-rebuild && -s $WORK/log/cpts-national-rebuild ]] &&
		say "$x / national, rebuilds: wall ×$(ratio "$(col "cpts-$x-rebuild" 1)" "$(col cpts-national-rebuild 1)"), cpu ×$(ratio "$(col "cpts-$x-rebuild" 2)" "$(col cpts-national-rebuild 2)")"
done
for s in $HUGO_SCALES; do
	[[ -s $WORK/log/hugo-$s && -s $WORK/log/cpts-$s ]] &&
		say "hugo / cpts first build, $s: wall ×$(ratio "$(col "hugo-$s" 1)" "$(col "cpts-$s" 1)"), cpu ×$(ratio "$(col "hugo-$s" 2)" "$(col "cpts-$s" 2)"), peak RSS ×$(ratio "$(col "hugo-$s" 3)" "$(col "cpts-$s" 3)")"
done
echo "results in $RESULTS"

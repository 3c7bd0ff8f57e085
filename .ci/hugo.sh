# Sourced by .ci/run and scripts that need Hugo: installs the pinned Hugo once
# per machine (cached under ~/.cache/wpexit) and sets HUGO to its path.
HUGO_VERSION=v0.165.0   # newest Hugo that builds with Go 1.26
hugo_dir="${XDG_CACHE_HOME:-$HOME/.cache}/wpexit/hugo-$HUGO_VERSION"
HUGO="$hugo_dir/hugo"
if ! "$HUGO" version 2>/dev/null | grep -q "hugo $HUGO_VERSION"; then
  echo "installing hugo $HUGO_VERSION into $hugo_dir" >&2
  mkdir -p "$hugo_dir"
  (cd "$hugo_dir" && GOBIN="$hugo_dir" GOFLAGS=-buildvcs=false go install "github.com/gohugoio/hugo@$HUGO_VERSION")
fi
export HUGO

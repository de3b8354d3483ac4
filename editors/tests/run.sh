#!/usr/bin/env bash
# Headless end-to-end test of one editor setup from editors/ against a copy of an example project.
#
#   editors/tests/run.sh EDITOR SCENARIO
#
# EDITOR:   nvim | eglot | lsp-mode | vim-ale
# SCENARIO: edit     ALM102 on a mistyped down_revision; the user retypes it; the diagnostic clears
#           repoint  ALM102; apply the "replace with the closest id" quick fix; the diagnostic clears
#           merge    ALM105 on a tree with two heads; apply the merge quick fix; a merge migration
#                    revising both heads is written and the diagnostic clears
#           guard    ALM201 on an unguarded op.add_column; apply the guard quick fix; check the buffer
#
# Environment: ALEMBIC_LS_BINARY (default .build/debug/alembic-ls), E2E_TIMEOUT (seconds, default 90),
# E2E_CAPTURE=FILE copies everything the editor sends to the server into FILE, what the server
# answers into FILE.out and the server's log into FILE.log.
# Prints the editor's step log and, only when every check held, a final line `PASS: EDITOR SCENARIO`.
# Exit status: 0 on PASS, 1 on a failed check, 2 on bad usage or a missing editor.
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
EDITOR_NAME=${1:-}
SCENARIO=${2:-}
fail() { echo "FAIL: $EDITOR_NAME $SCENARIO: $*"; exit "${2:-1}"; }

BIN=${ALEMBIC_LS_BINARY:-$REPO/.build/debug/alembic-ls}
[ -x "$BIN" ] || fail "no alembic-ls binary at $BIN (swift build --product alembic-ls)" 2

WORK=$(mktemp -d "${TMPDIR:-/tmp}/alembic-ls-e2e.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
PROJECT=$WORK/project
VERSIONS=$PROJECT/alembic/versions

# The project: a copy of an example, never the repository's own files.
case "$SCENARIO" in
  edit|repoint)
    cp -R "$REPO/Examples/ettametta" "$PROJECT"
    FILE=$VERSIONS/c8d2e4f5g6h7_add_subscription_tier.py
    sed -i "s/= 'merge_heads_2026'/= 'merge_heads_2025'/" "$FILE"
    export E2E_CODE=ALM102 E2E_ACTION="merge_heads_2026" E2E_FROM="merge_heads_2025" E2E_TO="merge_heads_2026" E2E_EXPECT="'merge_heads_2026'" ;;
  merge)
    cp -R "$REPO/Examples/broken-heads" "$PROJECT"
    rm -f "$VERSIONS"/0004_*.py "$VERSIONS"/0005_*.py   # keep exactly two heads: 0003a and 0003b
    FILE=$VERSIONS/0003_add_user_phone.py
    export E2E_CODE=ALM105 E2E_ACTION="merge" E2E_EXPECT="" ;;
  guard)
    cp -R "$REPO/Examples/ettametta" "$PROJECT"
    printf '[tool.alembic-ls]\nextend-select = ["ALM201"]\n' > "$PROJECT/pyproject.toml"   # ALM201 is opt-in
    FILE=$VERSIONS/c8d2e4f5g6h7_add_subscription_tier.py
    export E2E_CODE=ALM201 E2E_ACTION="guard" E2E_EXPECT="" ;;
  *) fail "unknown scenario (edit, repoint, merge, guard)" 2 ;;
esac
before=$(ls "$VERSIONS" | sort)
# The file's findings of CODE (and ALM001, syntax errors) as the CLI reports them.
findings() { (cd "$PROJECT" && "$BIN" check --select "ALM001,$1" --output-format concise --exit-zero -q "$FILE" 2>/dev/null); }
[ "$SCENARIO" = guard ] && guards_before=$(findings ALM201 | grep -c ' ALM201 ')

# The binary as a user has it: `alembic-ls` on PATH. With E2E_CAPTURE, a wrapper records the traffic.
mkdir -p "$WORK/bin" "$WORK/home"
if [ -n "${E2E_CAPTURE:-}" ]; then
  printf '#!/bin/sh\ntee -a %q | %q "$@" --log-file %q | tee -a %q\n' "$E2E_CAPTURE" "$BIN" "$E2E_CAPTURE.log" "$E2E_CAPTURE.out" > "$WORK/bin/alembic-ls"
  chmod +x "$WORK/bin/alembic-ls"
else
  ln -s "$BIN" "$WORK/bin/alembic-ls"
fi
export PATH="$WORK/bin:$PATH"
# No user configuration leaks in.
export HOME=$WORK/home XDG_CONFIG_HOME=$WORK/home/.config XDG_DATA_HOME=$WORK/home/.local/share XDG_STATE_HOME=$WORK/home/.local/state XDG_CACHE_HOME=$WORK/home/.cache
export E2E_SCENARIO=$SCENARIO E2E_FILE=$FILE E2E_ROOT=$PROJECT E2E_EDITORS=$REPO/editors E2E_STEP_TIMEOUT=${E2E_STEP_TIMEOUT:-20}
LIMIT=${E2E_TIMEOUT:-90}

need() { command -v "$1" >/dev/null 2>&1 || fail "editor binary '$1' not found (apt-get install $2)" 2; }
ELPA=/usr/share/emacs/site-lisp/elpa
case "$EDITOR_NAME" in
  nvim)
    need nvim neovim
    cmd=(nvim --headless --clean -c "luafile $HERE/nvim/e2e.lua") ;;
  eglot|lsp-mode)
    need emacs emacs-nox
    [ -d "$ELPA" ] || fail "no $ELPA (apt-get install elpa-eglot elpa-lsp-mode)" 2
    cmd=(emacs -Q --batch -l "$HERE/emacs/e2e.el" --eval "(alembic-ls-e2e-run '$EDITOR_NAME)") ;;
  vim-ale)
    need vim vim
    [ -d /usr/share/vim-ale ] || fail "no /usr/share/vim-ale (apt-get install vim-ale)" 2
    cmd=(vim -N -u "$HERE/vim/vimrc" -i NONE -es -S "$HERE/vim/e2e.vim") ;;
  *) fail "unknown editor (nvim, eglot, lsp-mode, vim-ale)" 2 ;;
esac

start=$EPOCHREALTIME
out=$(cd "$PROJECT" && timeout -k 5 "$LIMIT" "${cmd[@]}" </dev/null 2>&1)
status=$?
elapsed=$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')
printf '%s\n' "$out"
[ $status -eq 124 ] && fail "timed out after ${LIMIT}s"
grep -qx 'PASS' <<<"$out" || fail "the editor script did not print PASS (exit status $status, ${elapsed}s)"

# What the editor wrote to disk, checked without the editor.
case "$SCENARIO" in
  merge)
    new=$(comm -13 <(printf '%s\n' "$before") <(ls "$VERSIONS" | sort) | grep '\.py$')
    [ "$(printf '%s\n' "$new" | grep -c .)" -eq 1 ] || fail "expected exactly one new migration file, found: ${new:-none}"
    grep -E "^down_revision.*'0003a'.*'0003b'|^down_revision.*'0003b'.*'0003a'" "$VERSIONS/$new" >/dev/null \
      || fail "$new does not revise both heads: $(grep '^down_revision' "$VERSIONS/$new")"
    echo "merge file on disk: $new: $(grep '^down_revision' "$VERSIONS/$new")" ;;
  edit|repoint)
    grep -q "'merge_heads_2026'" "$FILE" || fail "the saved file does not name merge_heads_2026" ;;
  guard)
    grep -qE 'if_not_exists=True|inspect\(' "$FILE" || fail "the saved file has no introspection guard or if_not_exists=True"
    after=$(findings ALM201)
    ! grep -q ' ALM001 ' <<<"$after" || fail "the saved file has a syntax error: $(grep ' ALM001 ' <<<"$after")"
    [ "$(grep -c ' ALM201 ' <<<"$after")" -eq $((guards_before - 1)) ] \
      || fail "expected $((guards_before - 1)) ALM201 left in the saved file, found: $after"
    echo "guarded on disk: $((guards_before - 1)) of $guards_before ALM201 left" ;;
esac
echo "PASS: $EDITOR_NAME $SCENARIO (${elapsed}s)"

#!/usr/bin/env bash
# Records what each editor sends in `initialize` into editors/tests/initialize/EDITOR.json
# (temporary paths and process ids replaced), by running its `edit` scenario through run.sh.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
for editor in "${@:-nvim eglot lsp-mode vim-ale}"; do
  for e in $editor; do
    capture=$(mktemp)
    E2E_CAPTURE=$capture "$HERE/run.sh" "$e" edit >/dev/null
    python3 - "$capture" "$HERE/initialize/$e.json" <<'PY'
import json, re, sys
data = open(sys.argv[1], 'rb').read()
head, _, rest = data.partition(b'\r\n\r\n')
length = int(next(l for l in head.split(b'\r\n') if l.lower().startswith(b'content-length')).split(b':')[1])
text = json.dumps(json.loads(rest[:length]), indent=2, sort_keys=True)
text = re.sub(r'/tmp/alembic-ls-e2e\.[A-Za-z0-9]+', '/tmp/alembic-ls-e2e.XXXXXX', text)
text = re.sub(r'"processId": \d+', '"processId": 0', text)
open(sys.argv[2], 'w').write(text + '\n')
PY
    rm -f "$capture"
    echo "captured $e"
  done
done

"""Oracle for the CLI tests: run alembic's own `heads` and `history` commands on trees the
tests generated (never on a user's workspace). Input on stdin: a JSON list of
{"dir", "ini", "section", "commands": [[name, args...], ...]}; output: a JSON list with,
per tree, a list of {"stdout"} or {"error": class name, "message"} per command."""
import io
import json
import os
import sys
import warnings

from alembic import command
from alembic.config import Config


def main():
    trees = json.load(sys.stdin)
    results = []
    for tree in trees:
        os.chdir(tree["dir"])
        answers = []
        for cmd in tree["commands"]:
            buf = io.StringIO()
            cfg = Config(tree["ini"], ini_section=tree.get("section", "alembic"), stdout=buf)
            name, args = cmd[0], cmd[1:]
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    if name == "heads":
                        command.heads(cfg, verbose="-v" in args)
                    elif name == "history":
                        command.history(cfg, verbose="-v" in args)
                answers.append({"stdout": buf.getvalue()})
            except BaseException as e:  # alembic raises CommandError, KeyError, ...
                answers.append({"error": type(e).__name__, "message": str(e)})
        results.append(answers)
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()

"""Oracle for PythonSyntax tests: reports where CPython's ast.parse fails.

Usage:
  python ast_oracle.py snippets   < JSON list of base64-encoded sources
      -> JSON list of {"ok": bool, "lineno", "offset", "end_lineno", "end_offset", "msg"}
  python ast_oracle.py ranges    < JSON list of file paths
      -> JSON list (per file) of "Type line col end_line end_col" strings: every statement,
         expression and pattern node in pre-order (fields in `_fields` order, f-string
         internals skipped), columns in UTF-8 bytes as in the ast module.
  python ast_oracle.py corpus
      -> JSON list of {"path", "ok", "lineno", "offset", "msg"} for every .py file of the
         standard library (excluding site-packages) and of the installed alembic and
         sqlalchemy packages.
"""
import ast
import base64
import json
import os
import sys
import sysconfig
import warnings


def outcome(source):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ast.parse(source)
        return {"ok": True}
    except (SyntaxError, ValueError) as e:
        return {
            "ok": False,
            "lineno": getattr(e, "lineno", None),
            "offset": getattr(e, "offset", None),
            "end_lineno": getattr(e, "end_lineno", None),
            "end_offset": getattr(e, "end_offset", None),
            "msg": getattr(e, "msg", str(e)),
        }


def corpus_files():
    roots = [sysconfig.get_paths()["stdlib"]]
    for name in ("alembic", "sqlalchemy"):
        module = __import__(name)
        roots.append(os.path.dirname(module.__file__))
    seen = set()
    for index, root in enumerate(roots):
        for directory, subdirs, files in os.walk(root):
            subdirs.sort()
            if index == 0 and "site-packages" in subdirs:
                subdirs.remove("site-packages")
            for file in sorted(files):
                if file.endswith(".py"):
                    path = os.path.join(directory, file)
                    if path not in seen:
                        seen.add(path)
                        yield path


def node_ranges(tree):
    out = []

    def visit(node):
        if isinstance(node, (ast.stmt, ast.expr, ast.pattern)):
            out.append("%s %d %d %d %d" % (type(node).__name__, node.lineno, node.col_offset,
                                           node.end_lineno, node.end_col_offset))
            if isinstance(node, ast.JoinedStr):
                return
        for field in node._fields:
            value = getattr(node, field, None)
            if isinstance(value, list):
                for item in value:
                    if isinstance(item, ast.AST):
                        visit(item)
            elif isinstance(value, ast.AST):
                visit(value)

    visit(tree)
    return out


def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else "snippets"
    if mode == "snippets":
        sources = [base64.b64decode(s) for s in json.load(sys.stdin)]
        json.dump([outcome(s) for s in sources], sys.stdout)
    elif mode == "ranges":
        result = []
        for path in json.load(sys.stdin):
            with open(path, "rb") as f:
                data = f.read()
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                result.append(node_ranges(ast.parse(data)))
        json.dump(result, sys.stdout)
    elif mode == "corpus":
        result = []
        for path in corpus_files():
            with open(path, "rb") as f:
                data = f.read()
            entry = outcome(data)
            entry["path"] = path
            result.append(entry)
        json.dump(result, sys.stdout)
    else:
        sys.exit("unknown mode " + mode)


if __name__ == "__main__":
    main()

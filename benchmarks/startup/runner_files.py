#!/usr/bin/env python3
"""What the GitHub runner does around a container action, for the proof and benchmark scripts.

  runner_files.py inputs ACTION_YML [NAME=VALUE ...]   INPUT_* assignments, NUL-separated: every input
                                                       of action.yml with its default, then the given ones
                                                       (name upper-cased, hyphens kept: INPUT_CLIENT-ID)
  runner_files.py names FILE                           names set in a GITHUB_ENV/GITHUB_OUTPUT file
  runner_files.py state FILE                           STATE_* assignments (NUL-separated) for the post
                                                       step, from the main step's GITHUB_STATE file
  runner_files.py main-command ACTION_YML              runs.entrypoint + runs.args as a JSON array ([] if none)
  runner_files.py post-command ACTION_YML              runs.post-entrypoint, then runs.args (NUL-separated;
                                                       nothing when there is no post step)

File-command syntax (runner rules): `NAME=VALUE` or `NAME<<DELIM`, whichever marker comes first on the
line; a heredoc ends at the first line that is exactly DELIM.
"""
import json
import sys
from pathlib import Path


def parse_file_command(path):
    """[(name, value)] from a GITHUB_ENV/OUTPUT/STATE file; raises ValueError on malformed content."""
    text = Path(path).read_text(encoding="utf-8")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    pairs, i = [], 0
    while i < len(lines):
        line = lines[i].rstrip("\r")
        i += 1
        if not line:
            continue
        eq, hd = line.find("="), line.find("<<")
        if hd > 0 and (eq < 0 or hd < eq):
            name, delim, body = line[:hd], line[hd + 2:], []
            while i < len(lines) and lines[i].rstrip("\r") != delim:
                body.append(lines[i])
                i += 1
            if i >= len(lines):
                raise ValueError("unterminated heredoc for %s in %s" % (name, path))
            i += 1
            pairs.append((name, "\n".join(body)))
        elif eq > 0:
            pairs.append((line[:eq], line[eq + 1:]))
        else:
            raise ValueError("malformed line %d in %s" % (i, path))
    return pairs


def action_inputs(action_yml, overrides):
    """{INPUT_NAME: value}: action.yml defaults (when PyYAML is there), then the overrides."""
    inputs = {}
    p = Path(action_yml)
    if p.exists():
        try:
            import yaml
        except ImportError:
            yaml = None
            print("note: PyYAML missing, action.yml defaults not applied", file=sys.stderr)
        if yaml:
            for name, spec in (yaml.safe_load(p.read_text()).get("inputs") or {}).items():
                default = (spec or {}).get("default", "")
                inputs[name] = "" if default is None else str(default)
    inputs.update(overrides)
    return {"INPUT_" + k.replace(" ", "_").upper(): v for k, v in inputs.items()}


def main_command(action_yml):
    """[runs.entrypoint, *runs.args] of action.yml, or [] when it relies on the image's ENTRYPOINT."""
    import yaml
    runs = (yaml.safe_load(Path(action_yml).read_text()) or {}).get("runs") or {}
    entry = runs.get("entrypoint")
    return [entry] + [str(a) for a in runs.get("args") or []] if entry else []


def post_command(action_yml):
    """[runs.post-entrypoint, *runs.args] of action.yml (the runner passes `args` to every stage), or []."""
    p = Path(action_yml)
    if not p.exists():
        return []
    import yaml
    runs = (yaml.safe_load(p.read_text()) or {}).get("runs") or {}
    post = runs.get("post-entrypoint")
    return [post] + [str(a) for a in runs.get("args") or []] if post else []


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    cmd, target = argv[1], argv[2]
    if cmd == "inputs":
        overrides = dict(a.split("=", 1) for a in argv[3:])
        for k, v in action_inputs(target, overrides).items():
            sys.stdout.write("%s=%s\0" % (k, v))
    elif cmd == "names":
        for name, _ in parse_file_command(target):
            print(name)
    elif cmd == "state":
        for name, value in parse_file_command(target):
            sys.stdout.write("STATE_%s=%s\0" % (name, value))
    elif cmd == "main-command":
        print(json.dumps(main_command(target)))
    elif cmd == "post-command":
        for part in post_command(target):
            sys.stdout.write(part + "\0")
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)

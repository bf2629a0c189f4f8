"""The build's Node tools: PurgeCSS and Lightning CSS (stylesheet.py) and esbuild (scripts.py).

They are pinned in tests/package-lock.json, beside the tests' HTML checker; ``make build``, ``make serve``
and ``make test`` install them with ``npm ci``.
"""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

NODE_MODULES = Path(__file__).resolve().parents[2] / "tests" / "node_modules"


def run_node_tool(name: str, *arguments: str) -> None:
    """Run the command ``name`` of tests/node_modules/.bin; stop the build with its output when it fails."""
    command = NODE_MODULES / ".bin" / name
    if not command.exists():
        raise RuntimeError(f"{name} is missing: run `make build` or `make serve` (they install it), or `cd tests && npm ci`")
    result = subprocess.run([str(command), *arguments], env=dict(os.environ, NODE_PATH=str(NODE_MODULES)),
                            capture_output=True, text=True)
    if result.returncode:
        raise RuntimeError(f"{name} failed:\n{result.stdout}\n{result.stderr}")

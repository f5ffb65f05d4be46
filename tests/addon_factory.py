"""Writes throwaway addon packages into a temporary folder, for tests of the kernel's checks."""
from __future__ import annotations

import importlib
import sys
import textwrap
import uuid


def make_tree(tmp_path, addons: dict[str, dict]) -> tuple[str, str]:
    """addons: name -> {"manifest": str or dict, "init": source, extra files...}. Returns (dir, package)."""
    package = f"tmp_addons_{uuid.uuid4().hex[:8]}"
    root = tmp_path / package
    root.mkdir()
    (root / "__init__.py").write_text("")
    for name, files in addons.items():
        folder = root / name
        folder.mkdir()
        manifest = files.get("manifest", {"name": name, "version": "1.0.0", "depends": [], "summary": name})
        (folder / "__manifest__.py").write_text(manifest if isinstance(manifest, str) else repr(manifest))
        (folder / "__init__.py").write_text(textwrap.dedent(files.get("init", "def register(reg):\n    pass\n")))
        for rel, text in files.items():
            if rel not in ("manifest", "init"):
                path = folder / rel
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(textwrap.dedent(text))
    if str(tmp_path) not in sys.path:
        sys.path.insert(0, str(tmp_path))
    importlib.invalidate_caches()
    return str(root), package


def manifest(name, depends=(), **extra):
    return {"name": name, "version": "1.0.0", "depends": list(depends), "summary": name, **extra}

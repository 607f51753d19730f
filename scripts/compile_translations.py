"""`make translations`: compile the catalogs (see enlace.core.catalogs)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from enlace.core.catalogs import compile_catalogs  # noqa: E402

compile_catalogs()

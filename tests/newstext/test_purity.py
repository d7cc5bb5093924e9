"""The parser is pure Python: importing and running it loads no Django."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import sys
from newstext import parse_document
document = parse_document("Headline\\n\\nStandfirst\\n\\nBody.\\n\\nJane Doe\\n\\nThe Guardian")
assert document.publication == "The Guardian"
loaded = sorted(name for name in sys.modules if name == "django" or name.startswith("django."))
print(",".join(loaded))
"""


def test_the_parser_runs_without_django():
    environment = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}  # no DJANGO_SETTINGS_MODULE
    result = subprocess.run(  # noqa: S603 (a fixed script run with this interpreter)
        [sys.executable, "-c", SCRIPT], cwd=ROOT, env=environment, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""

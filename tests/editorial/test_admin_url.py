"""The admin's address comes from ADMIN_URL, so it need not be where every bot looks first."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def admin_index_with(admin_url: str) -> str:
    code = "import django; django.setup(); from django.urls import reverse; print(reverse('admin:index'))"
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env |= {"DJANGO_SETTINGS_MODULE": "newsroom.settings", "ADMIN_URL": admin_url}
    command = [sys.executable, "-c", code]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_admin_url_is_configurable():
    assert admin_index_with("newsdesk-7f3a/") == "/newsdesk-7f3a/"
    assert admin_index_with("/desk") == "/desk/"

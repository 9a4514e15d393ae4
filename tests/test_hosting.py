"""The hosting recipes kept in the repository: the GitHub Pages workflow and the GitLab Pages
job build the site with ``make site`` at the host's address, in Debian (where ``make site``
installs what it needs), and publish the folder each host serves. Running them needs the hosts;
what is checked here is that each does what the README's "Publishing" section says, and that
the Makefile hands ``SITE_URL`` to the build.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

import yaml

from conftest import ROOT


def load(path: Path) -> dict[Any, Any]:
    data = yaml.safe_load(path.read_text("utf-8"))
    assert isinstance(data, dict)
    return data


def python_version() -> str:
    text = (ROOT / "pyproject.toml").read_text("utf-8")
    found = re.search(r'requires-python\s*=\s*"[^"]*?(3\.\d+)', text)
    return found.group(1) if found else "3.11"


def test_github_pages_workflow_builds_at_the_pages_address() -> None:
    workflow = load(ROOT / ".github" / "workflows" / "pages.yml")
    assert workflow[True]["push"]["branches"] == ["main"]  # YAML 1.1 reads "on" as True
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    build = workflow["jobs"]["build"]
    assert build["container"] == f"python:{python_version()}-bookworm"  # Debian, like make site
    steps = build["steps"]
    uses = [step.get("uses", "") for step in steps]
    assert uses[0].startswith("actions/checkout@")
    assert any(u.startswith("actions/configure-pages@") for u in uses)
    [run] = [step["run"] for step in steps if "run" in step]
    assert run == 'make site SITE_URL="${{ steps.pages.outputs.base_url }}"'
    [upload] = [step for step in steps if step.get("uses", "").startswith(
        "actions/upload-pages-artifact@")]
    assert upload["with"]["path"] == "site"
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")


def test_gitlab_pages_job_publishes_the_site_as_public() -> None:
    job = load(ROOT / ".gitlab-ci.yml")["pages"]
    assert job["image"] == f"python:{python_version()}-bookworm"
    assert job["script"] == ['make site SITE_URL="${CI_PAGES_URL}"',
                             "rm -rf public && mv site public"]
    assert job["artifacts"]["paths"] == ["public"]


def test_make_hands_site_url_to_the_build() -> None:
    """``make site SITE_URL=…`` (as the recipes run it) reaches the build's environment."""
    result = subprocess.run(
        ["make", "--no-print-directory", "-f", "-", "show", "SITE_URL=https://pages.example/x"],
        input="include Makefile\nshow:\n\t@echo \"[$$SITE_URL]\"\n", cwd=ROOT,
        capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[https://pages.example/x]"

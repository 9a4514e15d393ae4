"""Every command a message prints works when pasted at the project root (issue 11, defect 10):
the kits commands name `.venv/bin/kits` (there is no `kits` on the PATH), and `make site` sends
the reader to a command that shows the site it built (`make preview` serves site/; `make serve`
builds its own preview from the sources)."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import time
import urllib.request

from helpers.local_ports import free_port

from scenarios.conftest import Project, quoted

PRINTED_KITS = re.compile(r"(?:^|\s|')(\.venv/bin/kits [^'\n]+)")


def printed_commands(output: str) -> list[str]:
    return [match.strip() for match in PRINTED_KITS.findall(output)]


def test_the_commands_kits_prints_work_when_pasted(project: Project) -> None:
    added = project.kits('new-video start-the-dialogue --title "Pårørende fortæller" '
                         "--duration 3:45")
    hint = printed_commands(added.stdout)
    assert len(hint) == 1 and "--lang en" in hint[0], added.stdout
    # the translator pastes it with the English title in place of "..."
    pasted = project.run(hint[0].replace('"..."', quoted("Relatives tell their story")))
    assert "added video 'paaroerende-fortaeller'" in pasted.stdout

    project.write("schema/kit.schema.json", "{}\n")
    stale = project.kits("schema --check", ok=False)
    (fix,) = printed_commands(stale.stdout)
    project.run(fix)
    assert "up to date" in project.kits("schema --check").stdout

    project.write("content/da/kits/broken.yml", "id: broken\ntitle: [\n")
    refused = project.kits('new-video broken --title "X" --duration 1:00', ok=False)
    (check,) = printed_commands(refused.output)
    assert check == ".venv/bin/kits check"
    assert "broken.yml" in project.run(check, ok=False).stdout




def test_make_site_points_to_a_preview_of_the_site_it_built(project: Project) -> None:
    built = project.run("make site")
    last = built.stdout.strip().splitlines()[-1]
    assert "'make preview'" in last and "http://127.0.0.1:8000/" in last, last
    assert "make serve" not in built.stdout

    port = free_port()
    preview = subprocess.Popen(["make", "-o", ".venv/.installed", "preview",
                                f"PREVIEW_PORT={port}"], cwd=project.root,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)  # its own group: make and the server
    try:
        for path, file in (("", "site/index.html"), ("en/kits/", "site/en/kits/index.html")):
            body = fetch(f"http://127.0.0.1:{port}/{path}")
            assert body == project.path(file).read_bytes(), path
    finally:
        os.killpg(preview.pid, signal.SIGTERM)
        preview.wait(timeout=10)


def test_make_preview_without_a_site_says_what_to_do(project: Project) -> None:
    refused = project.run("make preview", ok=False)
    assert "run 'make site' first" in refused.output


def fetch(url: str) -> bytes:
    deadline = time.monotonic() + 20
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                data: bytes = response.read()
                return data
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)

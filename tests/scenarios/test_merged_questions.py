"""An editor adds a question with one space too many before its '- ' (issue 11, defect 9): YAML
reads it as the end of the question above ("…videoen? - Hvad …"), and `make check` must say so,
at the line to fix, instead of "content OK"."""

from __future__ import annotations

from scenarios.conftest import Project

KIT = "content/da/kits/dialogue-kickstarter.yml"
ABOVE = ("      - Kan du genkende nogle af de situationer, der bliver beskrevet i videoen?\n"
         "      - >-\n        I videoen hører du om, hvor vigtigt håb er.")


def test_a_question_indented_one_space_too_far_is_reported(project: Project) -> None:
    first, second = ABOVE.split("\n", 1)
    project.replace(KIT, ABOVE, f"{first}\n       - Hvad kan du selv gøre anderledes?\n{second}")
    line = project.line_of(KIT, "- Hvad kan du selv gøre anderledes?")
    check = project.run("make check")  # a warning: the site can still be built
    assert f"{KIT}:{line}: warning: videos[0].questions[0]: expected one item per '- ' line" \
        in check.stdout, check
    assert "'…i videoen? - Hvad kan du selv…'" in check.stdout
    assert "start its '- ' in column 7" in check.stdout

    project.replace(KIT, "       - Hvad kan du selv", "      - Hvad kan du selv")  # the fix
    fixed = project.run("make check").stdout
    assert f"{KIT}:" not in fixed and "content OK" in fixed, fixed

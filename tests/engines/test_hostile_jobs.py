"""--jobs: a worker that dies never hangs the run (issue 13)."""

from __future__ import annotations

import os
import signal

import pytest

from checker.glossary import parse_glossary
from checker.engines import choose
from checker.pipeline import CheckOptions, DocumentChecker, run_check

GLOSSARY = parse_glossary("version: 1\nterms:\n  - id: kyiv\n    renderings:\n      en:\n        preferred: Kyiv\n        forbidden: [Kiev]\n")


@pytest.fixture
def deadline():
    """Fail instead of hanging forever."""
    def timeout(signum, frame):  # noqa: ARG001
        raise TimeoutError("the run hung")

    old = signal.signal(signal.SIGALRM, timeout)
    signal.alarm(90)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


def test_a_killed_worker_ends_in_a_report_and_a_read_error(write, monkeypatch, deadline):
    files = [write(f"en/{i:03}.txt", f"Letter {i} from Kiev.") for i in range(40)]
    boom = write("en/020-boom.txt", "Kiev.")
    original = DocumentChecker.__call__

    def dying(self, path):
        if path.endswith("boom.txt"):
            os.kill(os.getpid(), signal.SIGKILL)  # what the OOM killer does
        return original(self, path)

    monkeypatch.setattr(DocumentChecker, "__call__", dying)  # forked workers inherit it
    result = run_check([*files, boom], GLOSSARY, CheckOptions(), map_step=choose(jobs=2))
    by_rule = {}
    for f in result.findings:
        by_rule.setdefault(f.rule, []).append(f.path)
    assert by_rule["read-error"] == [boom]
    assert len(by_rule["forbidden-rendering"]) == 40  # every other file was checked
    assert len(result.documents) == 40


def test_without_a_death_the_report_is_the_one_of_one_job(write, deadline):
    files = [write(f"en/{i:03}.txt", f"Letter {i} from Kiev and Kyiv.") for i in range(12)]
    assert run_check(files, GLOSSARY, CheckOptions(), map_step=choose(jobs=2)) == run_check(files, GLOSSARY, CheckOptions())

"""The pre-commit hook's `files:` pattern takes the localization files a walk takes, and
leaves the look-alikes (package.json, CI YAML, a pom, TypeScript) to other hooks."""

from __future__ import annotations

import re

import pytest
import yaml

from checker.project.init import PRE_COMMIT_HOOK


@pytest.fixture(params=["repository", "init"])
def pattern(request, root) -> re.Pattern[str]:
    """The `files:` of the repository's hook and of the one `termcheck init` writes."""
    if request.param == "repository":
        (hook,) = yaml.safe_load((root / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    else:
        ((hook,),) = [repo["hooks"] for repo in yaml.safe_load(PRE_COMMIT_HOOK)]
    return re.compile(hook["files"])


@pytest.mark.parametrize("path", [
    "app/src/main/res/values-de/strings.xml", "app/src/main/res/values/strings.xml",
    "src/main/resources/messages_de.properties", "src/main/resources/messages_pt_BR.properties",
    "public/locales/de/translation.json", "src/i18n/fr.json", "lib/l10n/app_de.arb",
    "extension/_locales/de/messages.json", "config/locales/de.yml", "config/locales/devise.de.yml",
    "translations/app_de.ts", "Jotter/de.lproj/Localizable.strings", "Jotter/de.lproj/Localizable.stringsdict",
    "Jotter/Localizable.xcstrings", "Jotter/Properties/Strings.de.resx",
])
def test_the_hook_takes_localization_files(pattern, path):
    assert pattern.search(path)


@pytest.mark.parametrize("path", [
    "package.json", "tsconfig.json", ".github/workflows/ci.yml", "docker-compose.yml", "pom.xml",
    "app/src/main/res/layout/main.xml", "gradle.properties", "src/user_id.ts", "src/app.ts",
])
def test_the_hook_leaves_look_alikes(pattern, path):
    assert not pattern.search(path)

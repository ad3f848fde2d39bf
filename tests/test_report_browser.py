"""The offline report, opened in headless Chromium: every page loads with no request
leaving the machine, no console error, every image drawn, and every LDAvis page draws its
SVG. Skipped, with the reason, where Debian's chromium is not installed (`make browser`)."""

import shutil

import pytest

from digiwelfare.config import ROOT
from digiwelfare.report import report_build

CHROMIUM = shutil.which("chromium")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed "
                                "here; `make browser` installs it (as root, with apt)")
LOCAL = ("file:", "data:", "about:", "blob:")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return report_build(ROOT, ROOT, tmp_path_factory.mktemp("report") / "site").parent


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"])
        yield chromium
        chromium.close()


def visit(browser, path):
    """Open ``path``; return the page and what went wrong while loading it."""
    context = browser.new_context()
    page = context.new_page()
    problems = []
    page.on("console", lambda m: m.type == "error" and problems.append(f"console: {m.text}"))
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"failed request: {r.url}"))
    page.on("request", lambda r: r.url.startswith(LOCAL) or problems.append(
        f"request leaving the machine: {r.url}"))
    page.goto(path.as_uri(), wait_until="load")
    page.wait_for_timeout(300)
    broken = page.evaluate("""() => [...document.images]
        .filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.getAttribute('src'))""")
    problems += [f"image not drawn: {src}" for src in broken]
    return page, context, problems


def test_every_page_loads_offline(site, browser):
    pages = [site / "index.html", site / "methods.html",
             *sorted((site / "notebooks").glob("*.html"))]
    assert len(pages) > 10
    failures = {}
    for path in pages:
        page, context, problems = visit(browser, path)
        if path.name == "index.html":
            assert page.locator("figure img").count() >= 10
            assert page.locator("a[href^='notebooks/']").count() == len(pages) - 2
            assert page.locator("a[href='methods.html']").count() == 1
        if problems:
            failures[path.name] = problems
        context.close()
    assert not failures, failures


def test_ldavis_pages_draw_their_svg(site, browser):
    pages = sorted((site / "ldavis").glob("ldavis_*.html"))
    assert [p.stem for p in pages] == ["ldavis_en", "ldavis_nb"]
    for path in pages:
        page, context, problems = visit(browser, path)
        page.wait_for_selector(f"#{path.stem} svg circle", timeout=10_000)
        assert page.locator(f"#{path.stem} svg circle").count() >= 3
        assert not problems, problems
        context.close()


def test_the_check_catches_a_page_that_reaches_out(browser, tmp_path):
    bad = tmp_path / "bad.html"
    bad.write_text('<html><body><img src="missing.png"><script>undefinedCall()</script>'
                   '<img src="https://example.org/x.png"></body></html>', encoding="utf-8")
    _, context, problems = visit(browser, bad)
    context.close()
    text = "\n".join(problems)
    assert "request leaving the machine: https://example.org/x.png" in text
    assert "image not drawn: missing.png" in text
    assert "undefinedCall" in text

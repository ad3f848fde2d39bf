"""The coding form in headless Chromium, opened from ``file://`` with every request off the
machine refused: a coder answers, downloads the CSV, and :func:`answers_read` reads it back.
Skipped, with the reason, where Debian's chromium is not installed (`make browser`)."""

import shutil

import numpy as np
import pandas as pd
import pytest

from digiwelfare.coding import answers_read, taskset_write
from digiwelfare.forms import form_html
from digiwelfare.intrusion import tasks_word_intrusion

CHROMIUM = shutil.which("chromium")
LOCAL = ("file:", "data:", "about:", "blob:")


def test_the_page_is_plain_html_with_its_tasks_inline():
    tasks = pd.DataFrame({"task": [1], "prompt": ["A </script> <b>x</b>"], "option_1": ["a&b"],
                          "option_2": ["c"]})
    html = form_html(tasks, "word_en_00000000", "Which?", "Form")
    assert html.count("</script>") == 2  # the prompt cannot close the data element
    assert "<\\/script>" in html and "http" not in html and " src=" not in html


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed here; "
                    "`make browser` installs it (as root, with apt)")
def test_a_coder_answers_offline_and_the_downloaded_csv_reads_back(tmp_path):
    from playwright.sync_api import sync_playwright

    rng = np.random.default_rng(0)
    phi = rng.dirichlet(np.full(40, 0.1), size=3)
    tasks, key = tasks_word_intrusion(phi, [f"w{i}" for i in range(40)], "en", seed=1)
    name = taskset_write(tasks, key, "word", "en", tmp_path / "tasks", tmp_path / "key",
                         "Which word does not belong?", "Word intrusion")
    page_path = tmp_path / "tasks" / f"{name}.html"
    answers_dir = tmp_path / "answers"
    answers_dir.mkdir()
    chosen = {1: 2, 2: 5, 3: 1}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        context = browser.new_context(accept_downloads=True)
        problems = []
        context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(
            LOCAL) else (problems.append(route.request.url), route.abort()))
        page = context.new_page()
        page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
        page.on("console", lambda m: m.type == "error" and problems.append(m.text))
        page.goto(page_path.as_uri(), wait_until="load")
        assert page.locator("fieldset.task").count() == 3
        assert page.locator("#progress").inner_text() == "0 of 3 answered"
        page.fill("#coder", "K7")
        for task, option in chosen.items():
            page.check(f"input[name='task-{task}'][value='{option}']")
        assert page.locator("#progress").inner_text() == "3 of 3 answered"
        with page.expect_download() as download:
            page.click("#save")
        saved = answers_dir / download.value.suggested_filename
        download.value.save_as(saved)
        copied = page.locator("#output").input_value()
        # a reload keeps the answers (local storage). The browser commits storage a moment
        # after it is written: a second tab, opened again until it shows the answers (ten
        # seconds at most), waits for the commit, so the reload does not race it
        other = context.new_page()
        for _ in range(40):
            other.goto(page_path.as_uri(), wait_until="load")
            if other.locator("#progress").inner_text() == "3 of 3 answered":
                break
            other.wait_for_timeout(250)
        other.close()
        for _ in range(40):  # and the reload itself, as often, should the commit be later still
            page.reload(wait_until="load")
            kept = page.locator("#progress").inner_text()
            if kept == "3 of 3 answered":
                break
            page.wait_for_timeout(250)
        context.close()
        browser.close()
    assert not problems, problems
    assert saved.name == f"answers_{name}_K7.csv"
    assert saved.read_text(encoding="utf-8") == copied
    answers = answers_read(answers_dir)
    assert answers[["task_set", "task", "coder", "answer"]].values.tolist() == [
        [name, t, "K7", o] for t, o in chosen.items()]
    assert kept == "3 of 3 answered"

"""Coding forms: one self-contained HTML page per task set, for coders without a server.

The page holds its tasks as JSON and a few lines of inline JavaScript and CSS; it loads
nothing from anywhere, so it works when opened from a file with no network. A coder types
a code for themselves, picks one option per task, and saves the answers as a CSV file
(``task_set, task, coder, answer``) with the *Download* button, or copies the same CSV from
the text box below it (for a browser that blocks downloads from local files). Answers are
also kept in the browser's local storage, so closing the page loses nothing.
"""

from __future__ import annotations

import json
from html import escape

import pandas as pd

_CSS = """
body { font-family: sans-serif; max-width: 50rem; margin: 1.5rem auto; padding: 0 1rem;
       line-height: 1.45; color: #1a1a1a; }
.task { border: 1px solid #bbb; border-radius: 6px; padding: .6rem 1rem; margin: 1rem 0; }
.task.done { border-color: #0072B2; }
.prompt { white-space: pre-wrap; background: #f4f4f4; padding: .5rem; margin: .4rem 0; }
label { display: block; padding: .2rem 0; cursor: pointer; }
#bar { position: sticky; top: 0; background: #fff; padding: .5rem 0;
       border-bottom: 1px solid #ccc; }
textarea { width: 100%; height: 8rem; font-family: monospace; }
button { font-size: 1rem; padding: .3rem .8rem; }
"""

_JS = r"""
(function () {
  var data = JSON.parse(document.getElementById('tasks').textContent);
  var store = 'digiwelfare-answers-' + data.task_set;
  var answers = {};
  try { answers = JSON.parse(localStorage.getItem(store) || '{}'); } catch (e) { answers = {}; }
  var list = document.getElementById('list');
  data.tasks.forEach(function (t) {
    var box = document.createElement('fieldset');
    box.className = 'task';
    box.id = 'task-' + t.task;
    var legend = document.createElement('legend');
    legend.textContent = 'Task ' + t.task + ' of ' + data.tasks.length;
    box.appendChild(legend);
    if (t.prompt) {
      var p = document.createElement('div');
      p.className = 'prompt';
      p.textContent = t.prompt;
      box.appendChild(p);
    }
    t.options.forEach(function (text, i) {
      var label = document.createElement('label');
      var input = document.createElement('input');
      input.type = 'radio';
      input.name = 'task-' + t.task;
      input.value = String(i + 1);
      input.checked = answers[t.task] === String(i + 1);
      input.addEventListener('change', function () {
        answers[t.task] = input.value;
        update(true);
      });
      label.appendChild(input);
      label.appendChild(document.createTextNode(' ' + (i + 1) + '. ' + text));
      box.appendChild(label);
    });
    list.appendChild(box);
  });
  var coder = document.getElementById('coder');
  coder.value = localStorage.getItem(store + '-coder') || '';
  coder.addEventListener('input', function () { update(true); });
  function field(v) {
    v = String(v);
    return /[",\n\r]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v;
  }
  function csv() {
    var rows = ['task_set,task,coder,answer'];
    data.tasks.forEach(function (t) {
      if (answers[t.task]) {
        var row = [data.task_set, t.task, coder.value.trim(), answers[t.task]];
        rows.push(row.map(field).join(','));
      }
    });
    return rows.join('\n') + '\n';
  }
  // keep: store the answers (not when the page opens: what it read is what is stored, and a
  // read that came before the last answers were committed must not overwrite them)
  function update(keep) {
    var done = 0;
    data.tasks.forEach(function (t) {
      var ok = Boolean(answers[t.task]);
      document.getElementById('task-' + t.task).className = ok ? 'task done' : 'task';
      if (ok) { done += 1; }
    });
    document.getElementById('progress').textContent =
      done + ' of ' + data.tasks.length + ' answered';
    document.getElementById('output').value = csv();
    if (!keep) { return; }
    try {
      localStorage.setItem(store, JSON.stringify(answers));
      localStorage.setItem(store + '-coder', coder.value);
    } catch (e) { /* storage refused: the text box still holds the answers */ }
  }
  document.getElementById('save').addEventListener('click', function () {
    if (!coder.value.trim()) { alert('Please type your coder code first.'); coder.focus(); return; }
    var link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([csv()], {type: 'text/csv'}));
    var who = coder.value.trim().replace(/[^A-Za-z0-9_-]/g, '_');
    link.download = 'answers_' + data.task_set + '_' + who + '.csv';
    document.body.appendChild(link);
    link.click();
    link.remove();
  });
  update(false);
}());
"""


def form_html(tasks: pd.DataFrame, task_set: str, question: str, title: str) -> str:
    """The HTML page of a task set: ``tasks`` has ``task, prompt, option_1 .. option_m``
    (and nothing of the answer key). The page is the same bytes for the same tasks."""
    options = [c for c in tasks.columns if c.startswith("option_")]
    items = [{"task": int(r["task"]), "prompt": str(r["prompt"] or ""),
              "options": [str(r[c]) for c in options if str(r[c]) != ""]}
             for _, r in tasks.iterrows()]
    payload = json.dumps({"task_set": task_set, "tasks": items}, ensure_ascii=False,
                         sort_keys=True, indent=0)
    payload = payload.replace("</", "<\\/")  # the JSON can never close its script element
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title>
<style>{_CSS}</style></head><body>
<h1>{escape(title)}</h1>
<p><strong>{escape(question)}</strong> Pick one option in every task; go with your first
reading, and do not look anything up. Task set <code>{escape(task_set)}</code>.</p>
<div id="bar"><label for="coder">Your coder code (not your name):
<input id="coder" autocomplete="off" size="12"></label>
<span id="progress"></span>
<button id="save" type="button">Download answers (CSV)</button></div>
<div id="list"></div>
<h2>Your answers</h2>
<p>The download saves these lines. If it does not work, copy them into a file ending in
<code>.csv</code> and send that instead.</p>
<textarea id="output" readonly></textarea>
<script type="application/json" id="tasks">{payload}</script>
<script>{_JS}</script>
</body></html>
"""

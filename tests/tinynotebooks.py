"""Small notebooks written by the tests that run notebooks: papermill's parameters cell first
(``params``, or none), then the code cells given."""

import nbformat


def notebook_tiny(path, *cells: str, params: str | None = "x = 1"):
    """Write a notebook of a parameters cell and ``cells`` to ``path``; return ``path``."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    if params is not None:
        first = nbformat.v4.new_code_cell(params)
        first.metadata["tags"] = ["parameters"]
        nb.cells.append(first)
    nb.cells += [nbformat.v4.new_code_cell(source) for source in cells]
    nbformat.write(nb, path)
    return path

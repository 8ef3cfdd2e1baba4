"""
Queries over records: the collections and their filters, search, the `Dataset`,
scores, funding totals and diffs.  Imports `_model` only.
"""

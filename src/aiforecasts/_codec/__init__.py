"""
One JSON shape for records: the fast engine (msgspec) and the detailed one (cattrs),
the schema version and its migrations, and the JSON Schema.  Imports `_model` only.
"""

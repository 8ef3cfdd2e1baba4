"""
Records to and from files: reading files safely, loading the bundled data and exports,
the export formats (one module each in `formats/`), tables, Arrow and Parquet, writing.
"""

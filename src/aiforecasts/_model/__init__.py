"""
The records and what they are made of: vocabularies, values, growth rates, the record
classes, the field walker, integrity rules and the registry of kinds (`kinds.KINDS`).
Imports nothing else of the package.
"""

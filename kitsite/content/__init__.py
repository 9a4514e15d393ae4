"""Content files to a checked library: the kit format (spec), reading YAML with lines, every check
of every file a person edits, and the model they load into.
"""

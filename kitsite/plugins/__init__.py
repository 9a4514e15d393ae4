"""The thin MkDocs layer: the kits plugin, the parallel build and per-language search indexes. The
only code that imports MkDocs.
"""

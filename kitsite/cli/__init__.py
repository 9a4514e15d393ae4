"""The `kits` command: argument parsing and what it prints.
"""

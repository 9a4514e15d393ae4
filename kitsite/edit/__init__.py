"""Text edits of content files that keep everything else byte for byte, and writing every file
whole or not at all.
"""

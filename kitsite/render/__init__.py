"""What readers see: the views of each language, the generated Markdown pages and their addresses,
rendered from templates/.
"""

"""Translation state between languages: comparing versions field by field, the report behind `kits
status`, and confirming a checked translation.
"""

"""Helpers the tests share: copying sample projects, running ``kits`` commands in-process."""

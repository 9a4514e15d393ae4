"""Turns YAML descriptions of training kits into the pages of a multilingual static site."""

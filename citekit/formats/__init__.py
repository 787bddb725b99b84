"""Readers and writers, one registered entry per format (see `_registry`)."""

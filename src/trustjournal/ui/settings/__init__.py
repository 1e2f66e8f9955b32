"""Sections of the Settings page that are big enough for a module of their own."""

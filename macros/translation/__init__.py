"""Translations: the texts of the data by key, their translations, and the translators' commands."""

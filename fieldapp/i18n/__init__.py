"""Language: Babel formatting with explicit locales and text folding for search."""

"""Excel in and out for any model an addon declares importable (see spec.ImportSpec)."""

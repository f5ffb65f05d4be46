"""The kernel: discovers addons and gives them shared services. Nothing business-specific here."""

"""Stand-in for Forge's own package: Forge's webui.py imports modules_forge.initialization before anything else
(Forge webui.py:12-13), so an extension can tell Forge by it. Loaded only with --standin-flavour forge."""

"""One module per family of templates; each calls core.templates.register()."""

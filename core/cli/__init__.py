"""The `potstudio` command line. Subcommands of other packages (printers, hub, market) register
through the `potstudio.commands` entry-point group, so core never imports them."""

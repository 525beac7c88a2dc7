"""The ``kg`` command: a thin layer over the library.

The library never imports this package; it raises :class:`kg.errors.KgError`,
and :func:`common.user_errors` turns that into one line and an exit status.
Each command lives in a module of its family and is imported only when it runs
(``kg build`` never pays for the web server or the network view).
"""
from __future__ import annotations

import importlib

import click

from ..version import __version__
from .common import CONTEXT

#: command name -> "module:attribute", imported on first use.
COMMANDS = {
    "build": "kg.cli.build:build_command",
    "stats": "kg.cli.stats:stats_command",
    "entities": "kg.cli.stats:entities_command",
    "path": "kg.cli.stats:path_command",
    "export": "kg.cli.export:export_command",
    "query": "kg.cli.query:query_command",
    "serve": "kg.cli.serve:serve_command",
    "viz": "kg.cli.viz:viz_command",
    "search": "kg.cli.search:search_command",
    "ner": "kg.cli.ner:ner_command",
    "issues": "kg.cli.issues:issues_command",
    "remove": "kg.cli.issues:remove_command",
}


class _LazyGroup(click.Group):
    def list_commands(self, ctx):
        return sorted(set(super().list_commands(ctx)) | {n for n in COMMANDS if self._load(n)})

    def get_command(self, ctx, name):
        return super().get_command(ctx, name) or self._load(name)

    @staticmethod
    def _load(name):
        target = COMMANDS.get(name)
        if not target:
            return None
        module, _, attr = target.partition(":")
        try:
            return getattr(importlib.import_module(module), attr)
        except ModuleNotFoundError as e:
            if e.name == module:  # not part of this install: the command is simply absent
                return None
            raise


@click.group(cls=_LazyGroup, context_settings=CONTEXT)
@click.version_option(__version__, prog_name="kg")
def main():
    """Build a knowledge graph from Chinese tech-industry newsletter issues.

    \b
    Start with:
      kg build samples/ --out kg-data
      kg stats kg-data
    """

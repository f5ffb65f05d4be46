"""Click's own words that a user of the command line meets, listed so that our catalogs translate them
(click reads them through the standard library's gettext; core.cli points it at our catalog). Never run."""
from core.plain_i18n import gettext as _cli

WORDS = (
    _cli("Usage:"), _cli("Options"), _cli("Commands"), _cli("Positional arguments"), _cli("Show this message and exit."),
    _cli("Error: {message}"), _cli("Try '{command} {option}' for help."), _cli("Missing argument"),
    _cli("Missing option"), _cli("Missing parameter"), _cli("Missing command."), _cli("No such command {name!r}."),
    _cli("No such option {name!r}."), _cli("Invalid value: {message}"), _cli("Invalid value for {param_hint}: {message}"),
    _cli("{value!r} is not a valid {number_type}."), _cli("{value} is not in the range {range}."),
    _cli("{name} {filename!r} does not exist."), _cli("Aborted!"), _cli("default: {default}"), _cli("env var: {var}"),
    _cli("file"), _cli("directory"), _cli("path"), _cli("Choose from:\n\t{choices}"),
)
